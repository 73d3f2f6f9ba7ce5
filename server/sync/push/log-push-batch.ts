import type { SalesforceError } from "@/server/errors";
import { log } from "@/server/log";
import { isUnknownOutcome, type TPlannedCollection } from "../core/push-plan";

export type TBatchTally = { created: number; updated: number; failed: number };

/**
 * One line per collection a push call carried (object and operation, up to 200 records): what
 * Salesforce made of it, or why the call as a whole failed. Records neither saved nor failed wait
 * for a retry (a transient error). The duration is the call's, from marking it sending to storing
 * its results. A record refused as a duplicate that a single create then saves after all counts
 * as failed here and as created in the tick's totals.
 */
export function logPushBatches(
  tickId: string,
  collections: ReadonlyArray<Pick<TPlannedCollection, "object" | "operation" | "items">>,
  result: { durationMs: number } & ({ tallies: readonly TBatchTally[] } | { error: SalesforceError }),
): void {
  const durationMs = Math.round(result.durationMs);
  collections.forEach((collection, index) => {
    const records = collection.items.length;
    if ("error" in result) {
      const outcome = callOutcome(result.error);
      log.warn("push.batch", {
        tickId,
        object: collection.object,
        operation: collection.operation,
        records,
        created: 0,
        updated: 0,
        failed: outcome === "refused" ? records : 0,
        retrying: outcome === "refused" ? 0 : records,
        durationMs,
        outcome,
        errorCode: result.error.salesforceCode,
      });
      return;
    }
    const tally = result.tallies[index] ?? { created: 0, updated: 0, failed: 0 };
    log.info("push.batch", {
      tickId,
      object: collection.object,
      operation: collection.operation,
      records,
      ...tally,
      retrying: Math.max(0, records - tally.created - tally.updated - tally.failed),
      durationMs,
      outcome: "answered",
    });
  });
}

/** The same order of checks as the push's own handling of a failed call (push-outbox.ts). */
function callOutcome(error: SalesforceError): "broken" | "unknown" | "retry" | "refused" {
  if (error.connectionBroken) return "broken";
  if (isUnknownOutcome(error.salesforceCode)) return "unknown";
  return error.retryable ? "retry" : "refused";
}
