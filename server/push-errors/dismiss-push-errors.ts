import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { pushErrors } from "@/db/schema";
import { KEYS_PER_QUERY } from "@/server/sync/pull/select-in-chunks";
import { findTargetErrors } from "./find-target-errors";
import type { TDismissResult, TErrorTarget, TErrorViewer } from "./push-error-schemas";

/**
 * "Dismiss": the error leaves the open log. Nothing else changes: the push stays failed and the
 * record keeps saying so, until someone edits it or retries the error from the dismissed list.
 */
export async function dismissPushErrors(
  db: TDatabase,
  viewer: TErrorViewer,
  target: TErrorTarget,
): Promise<TDismissResult> {
  const { ids, skipped } = await findTargetErrors(db, viewer, target, ["open"]);
  let dismissed = 0;
  for (let start = 0; start < ids.length; start += KEYS_PER_QUERY) {
    const result = await db
      .update(pushErrors)
      .set({ state: "dismissed" })
      .where(and(inArray(pushErrors.id, ids.slice(start, start + KEYS_PER_QUERY)), eq(pushErrors.state, "open")));
    dismissed += result.rowsAffected;
  }
  return { dismissed, skipped: skipped + ids.length - dismissed };
}
