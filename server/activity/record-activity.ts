import { bulkInsert } from "@/db/bulk-insert";
import type { TTransaction } from "@/db/client";
import { activityLog, type RECORD_TYPES } from "@/db/schema";

export type TActivityEntry = {
  recordType: (typeof RECORD_TYPES)[number];
  recordId: string;
  at: number;
  event: string;
  message: string;
  details?: Record<string, unknown> | null;
};

/** DUP-2: appends entries to records' activity logs; sync pages bring thousands at once. */
export async function recordActivity(tx: TTransaction, entries: TActivityEntry[]): Promise<void> {
  await bulkInsert(
    tx,
    activityLog,
    entries.map((entry) => ({ ...entry, details: entry.details ?? null })),
  );
}
