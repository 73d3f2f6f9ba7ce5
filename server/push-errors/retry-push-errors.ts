import "server-only";
import type { TDatabase } from "@/db/client";
import { KEYS_PER_QUERY } from "@/server/sync/pull/select-in-chunks";
import { findTargetErrors } from "./find-target-errors";
import type { TErrorTarget, TErrorViewer, TRetryResult } from "./push-error-schemas";
import { requeueStatements } from "./requeue-statements";

/**
 * "Retry", "retry all with this code" and `errors retry (ID… | --all)`: the failed pushes go back
 * in the queue (see requeueStatements). An open or dismissed error can be retried; one already
 * retrying or resolved is skipped. The caller schedules the push.
 */
export async function retryPushErrors(
  db: TDatabase,
  viewer: TErrorViewer,
  target: TErrorTarget,
  now: number,
): Promise<TRetryResult> {
  const { ids, skipped } = await findTargetErrors(db, viewer, target, ["open", "dismissed"]);
  let retried = 0;
  for (let start = 0; start < ids.length; start += KEYS_PER_QUERY) {
    const slice = ids.slice(start, start + KEYS_PER_QUERY);
    const results = await db.$client.batch(requeueStatements(slice, now, { allowDuplicates: false }), "write");
    retried += results.at(-1)?.rowsAffected ?? 0;
  }
  return { retried, skipped: skipped + ids.length - retried };
}
