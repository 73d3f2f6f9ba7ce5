import { asc, eq, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { outboundNotifications, type TSyncObject } from "@/db/schema";
import type { TSalesforce } from "@/server/salesforce/open-connection";
import { openSalesforce } from "@/server/salesforce/open-connection";
import { queryAllFirstPage } from "@/server/salesforce/pull-queries";
import { applyPulledPage, emptyCounts, type TObjectCounts } from "../apply-page";
import { classifySyncError } from "../core/classify-error";
import { PULL_FIELDS, type TPulledRecord } from "../core/pull-objects";

const BATCH = 200;

/**
 * Second stage of an outbound message: bring the notified records up to date. Salesforce sends
 * only the fields the outbound message selects and omits nulls, so a notification is "record X
 * changed"; the records are read back in one targeted query per object (current values, deletes
 * included), and applied like a pull — a stale or out-of-order notification never rolls a record
 * back, because applying skips anything older than what Tandem holds.
 */
export async function applyPendingNotifications(
  db: TDatabase,
  options: { now?: () => number; salesforce?: TSalesforce } = {},
): Promise<{ applied: number; counts: Partial<Record<TSyncObject, TObjectCounts>>; apiCalls: number; error?: string }> {
  const now = options.now ?? Date.now;
  const pending = await db
    .select()
    .from(outboundNotifications)
    .where(eq(outboundNotifications.status, "pending"))
    .orderBy(asc(outboundNotifications.receivedAt))
    .limit(1000);
  if (pending.length === 0) return { applied: 0, counts: {}, apiCalls: 0 };
  const salesforce = options.salesforce ?? (await openSalesforce(db));
  const callsBefore = salesforce.meter.calls;
  const counts: Partial<Record<TSyncObject, TObjectCounts>> = {};
  let applied = 0;
  try {
    for (const object of new Set(pending.map((row) => row.object as TSyncObject))) {
      const rows = pending.filter((row) => row.object === object);
      const ids = [...new Set(rows.map((row) => row.sfId))];
      for (let start = 0; start < ids.length; start += BATCH) {
        const chunk = ids.slice(start, start + BATCH);
        // Ids were validated as 15/18 alphanumerics when the envelope was parsed; quoting stays strict anyway.
        const list = chunk.map((id) => `'${id.replace(/[^a-zA-Z0-9]/g, "")}'`).join(", ");
        const result = await queryAllFirstPage(
          salesforce.connection,
          `SELECT ${PULL_FIELDS[object].join(", ")} FROM ${object} WHERE Id IN (${list})`,
        );
        const chunkIds = new Set(chunk);
        const notificationIds = rows.filter((row) => chunkIds.has(row.sfId)).map((row) => row.notificationId);
        const pageCounts = await applyPulledPage(
          db,
          { object, records: result.records as TPulledRecord[], now: now(), source: "outbound" },
          async (tx) => {
            await tx
              .update(outboundNotifications)
              .set({ status: "applied", appliedAt: now(), error: null })
              .where(inArray(outboundNotifications.notificationId, notificationIds));
          },
        );
        const total = (counts[object] ??= emptyCounts());
        for (const key of Object.keys(total) as Array<keyof TObjectCounts>) total[key] += pageCounts[key];
        applied += notificationIds.length;
      }
    }
  } catch (error) {
    const classified = classifySyncError(error as Error);
    // Left pending: the next tick (or the next message) tries again.
    return { applied, counts, apiCalls: salesforce.meter.calls - callsBefore, error: classified.message };
  }
  return { applied, counts, apiCalls: salesforce.meter.calls - callsBefore };
}
