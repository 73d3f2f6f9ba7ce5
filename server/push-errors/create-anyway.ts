import "server-only";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { pushErrors } from "@/db/schema";
import { AppError } from "@/server/errors";
import { findTargetErrors } from "./find-target-errors";
import type { TErrorViewer, TRetryResult } from "./push-error-schemas";
import { requeueStatements } from "./requeue-statements";

/**
 * "Create anyway" on a create a duplicate rule refused: the push is queued again and sent with the
 * duplicate-rule header that lets an alert-level rule pass. A person chose this after looking at
 * the existing records, so it is never done in bulk. The caller schedules the push.
 */
export async function createAnyway(
  db: TDatabase,
  viewer: TErrorViewer,
  errorId: string,
  now: number,
): Promise<TRetryResult> {
  const { ids } = await findTargetErrors(db, viewer, { ids: [errorId] }, ["open", "dismissed"]);
  const error = await db.query.pushErrors.findFirst({ where: eq(pushErrors.id, errorId) });
  if (!error || error.code !== "DUPLICATES_DETECTED" || error.operation !== "create") {
    throw new AppError(
      "BAD_REQUEST",
      "Only a new record that a Salesforce duplicate rule refused can be created anyway; retry this error instead.",
    );
  }
  if (ids.length === 0) return { retried: 0, skipped: 1 };
  const results = await db.$client.batch(requeueStatements(ids, now, { allowDuplicates: true }), "write");
  const retried = results.at(-1)?.rowsAffected ?? 0;
  return { retried, skipped: 1 - retried };
}
