import "server-only";
import { desc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { ignoredSalesforceRecords } from "@/db/schema";
import { AppError } from "@/server/errors";

export type TIgnoredRecord = { sfId: string; object: string; name: string; reason: string; createdAt: number };

/** DUP-3: the Salesforce records Tandem no longer syncs, newest first (/settings/salesforce). */
export async function listIgnoredRecords(db: TDatabase): Promise<TIgnoredRecord[]> {
  return db
    .select({
      sfId: ignoredSalesforceRecords.sfId,
      object: ignoredSalesforceRecords.object,
      name: ignoredSalesforceRecords.name,
      reason: ignoredSalesforceRecords.reason,
      createdAt: ignoredSalesforceRecords.createdAt,
    })
    .from(ignoredSalesforceRecords)
    .orderBy(desc(ignoredSalesforceRecords.createdAt));
}

/**
 * Syncs a Salesforce record again: the next pull that sees it change brings it in (as a new
 * record; the one it was merged into keeps what it had).
 */
export async function resumeSyncing(db: TDatabase, sfId: string): Promise<void> {
  const removed = await db
    .delete(ignoredSalesforceRecords)
    .where(eq(ignoredSalesforceRecords.sfId, sfId))
    .returning({ sfId: ignoredSalesforceRecords.sfId });
  if (removed.length === 0)
    throw new AppError("NOT_FOUND", "That Salesforce record is not on the list; it syncs already.");
}
