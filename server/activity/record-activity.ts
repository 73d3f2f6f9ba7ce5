import { bulkInsert } from "@/db/bulk-insert";
import type { TTransaction } from "@/db/client";
import { activityLog } from "@/db/schema";
import type { TActivityEntry } from "@/server/sync/core/activity-events";

export type { TActivityEntry };

/** DUP-2: appends entries to records' activity logs; sync pages bring thousands at once. */
export async function recordActivity(tx: TTransaction, entries: TActivityEntry[]): Promise<void> {
  await bulkInsert(
    tx,
    activityLog,
    entries.map((entry) => ({ ...entry, details: entry.details ?? null })),
  );
}
