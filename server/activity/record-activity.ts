import { bulkInsert } from "@/db/bulk-insert";
import type { TDatabaseOrTransaction, TTransaction } from "@/db/client";
import { activityLog, type RECORD_TYPES } from "@/db/schema";

export type TActivityEntry = {
  recordType: (typeof RECORD_TYPES)[number];
  recordId: string;
  at: number;
  event: string;
  message: string;
  details?: Record<string, unknown> | null;
};

const CHUNK = 200;

/** DUP-2: appends entries to records' activity logs, in batches. */
export async function recordActivity(db: TDatabaseOrTransaction, entries: TActivityEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += CHUNK) {
    await db.insert(activityLog).values(entries.slice(start, start + CHUNK).map((entry) => ({ ...entry, details: entry.details ?? null })));
  }
}

/** The same inside a sync transaction, where pages bring thousands of entries at once. */
export async function recordActivityInBulk(tx: TTransaction, entries: TActivityEntry[]): Promise<void> {
  await bulkInsert(tx, activityLog, entries.map((entry) => ({ ...entry, details: entry.details ?? null })));
}
