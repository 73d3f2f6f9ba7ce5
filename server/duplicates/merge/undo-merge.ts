import "server-only";
import type { InStatement } from "@libsql/client";
import { and, desc, eq, gt, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import {
  activityLog,
  crmAccounts,
  crmPeople,
  duplicatePairs,
  ignoredSalesforceRecords,
  prospects,
  pushErrors,
  pushOutbox,
  recordMerges,
} from "@/db/schema";
import { toStatement } from "@/db/statements";
import { AppError } from "@/server/errors";
import { activityStatement, commitWrite, type TWriteUser } from "@/server/records/write/write-context";
import type { TActivityRecordType } from "@/server/sync/core/activity-events";
import { reassignStatements, type TMergeUndo } from "./merge-duplicates";
import { MERGE_FIELDS } from "./merge-fields";

type TMergeRow = typeof recordMerges.$inferSelect;

/** Why a merge can no longer be undone, or null when it can. */
export async function undoBlocker(db: TDatabase, merge: TMergeRow): Promise<string | null> {
  if (merge.undoneAt) return "This merge was undone already.";
  if (merge.salesforce !== "none")
    return merge.salesforce === "merged"
      ? "Salesforce merged these records too; undo it in Salesforce (restore the record from its recycle bin)."
      : "Salesforce converted the lead into the contact; a conversion cannot be undone.";
  const pushed = await db
    .select({ id: activityLog.id })
    .from(activityLog)
    .where(
      and(
        eq(activityLog.recordType, merge.survivorType as TActivityRecordType),
        eq(activityLog.recordId, merge.survivorId),
        inArray(activityLog.event, ["pushed-create", "pushed-update"]),
        gt(activityLog.at, merge.mergedAt),
      ),
    )
    .limit(1);
  if (pushed.length > 0)
    return "The merged record was pushed to Salesforce since; a merge can be undone only until then.";
  const later = await db
    .select({ id: recordMerges.id })
    .from(recordMerges)
    .where(and(eq(recordMerges.survivorId, merge.survivorId), gt(recordMerges.mergedAt, merge.mergedAt)))
    .orderBy(desc(recordMerges.mergedAt))
    .limit(1);
  if (later.length > 0) return "Another record was merged into this one since; undo that merge first.";
  return null;
}

const columnsOf = (row: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((key) => key in row).map((key) => [key, row[key]]));

/**
 * DUP-3: undoes a merge until the survivor's next push: the merged-away record comes back as it
 * was (linked to Salesforce again), everything the merge moved goes back, the survivor gets its
 * own values back, and the pair returns to the review queue. Both activity logs say so.
 */
export async function undoMerge(
  db: TDatabase,
  mergeId: string,
  user: TWriteUser,
  now: number,
): Promise<{ pairId: string | null }> {
  const merge = await db.select().from(recordMerges).where(eq(recordMerges.id, mergeId)).get();
  if (!merge) throw new AppError("NOT_FOUND", "No merge has this id.");
  const blocker = await undoBlocker(db, merge);
  if (blocker) throw new AppError("CONFLICT", blocker);
  const undo = merge.undo as unknown as TMergeUndo;
  const statements: InStatement[] = [];
  const loser = undo.loserBefore;
  const survivorBefore = undo.survivorBefore;

  if (merge.loserType === "person") {
    statements.push(
      toStatement(
        db
          .update(crmPeople)
          .set({ state: "active", mergedIntoId: null, sfId: (loser.sfId as string | null) ?? null, updatedAt: now })
          .where(eq(crmPeople.id, merge.loserId)),
      ),
    );
  } else if (merge.loserType === "account") {
    statements.push(
      toStatement(
        db
          .update(crmAccounts)
          .set({ state: "active", mergedIntoId: null, sfId: (loser.sfId as string | null) ?? null, updatedAt: now })
          .where(eq(crmAccounts.id, merge.loserId)),
      ),
    );
  } else if (merge.survivorType === "prospect") {
    statements.push(
      toStatement(
        db
          .insert(prospects)
          .values({ ...(loser as typeof prospects.$inferInsert), updatedAt: now })
          .onConflictDoNothing(),
      ),
    );
  } else {
    statements.push(
      toStatement(
        db
          .update(prospects)
          .set({
            crmRecordType: (loser.crmRecordType as "person" | "account" | null) ?? null,
            crmRecordId: (loser.crmRecordId as string | null) ?? null,
            inCrmSince: (loser.inCrmSince as number | null) ?? null,
            updatedAt: now,
          })
          .where(eq(prospects.id, merge.loserId)),
      ),
    );
  }

  // The survivor's own values again (only the fields a merge can choose).
  const kind =
    (survivorBefore.kind as string | undefined) ?? (merge.survivorType === "account" ? "account" : "company");
  const fieldKeys = (MERGE_FIELDS[kind as keyof typeof MERGE_FIELDS] ?? []).map((field) => field.key);
  const restore = columnsOf(survivorBefore, [...fieldKeys, "name", "emailNormalized", "domainNormalized"]);
  if (Object.keys(restore).length > 0) {
    const table =
      merge.survivorType === "person" ? crmPeople : merge.survivorType === "account" ? crmAccounts : prospects;
    statements.push(
      toStatement(
        db
          .update(table)
          .set({ ...restore, updatedAt: now } as never)
          .where(eq(table.id, merge.survivorId)),
      ),
    );
  }

  statements.push(...reassignStatements(db, undo, { type: merge.loserType, id: merge.loserId }, now));
  for (const row of undo.outbox)
    statements.push(
      toStatement(
        db
          .update(pushOutbox)
          .set({ state: row.state as "pending" | "failed", waitingOn: null, updatedAt: now })
          .where(and(eq(pushOutbox.id, row.id), eq(pushOutbox.state, "cancelled"))),
      ),
    );
  for (const row of undo.errors)
    statements.push(
      toStatement(
        db
          .update(pushErrors)
          .set({ state: row.state as "open" | "retrying", resolvedAt: null })
          .where(eq(pushErrors.id, row.id)),
      ),
    );
  if (undo.pairs.length > 0)
    statements.push(
      toStatement(
        db
          .insert(duplicatePairs)
          .values(undo.pairs as Array<typeof duplicatePairs.$inferInsert>)
          .onConflictDoNothing(),
      ),
    );
  if (merge.pairId)
    statements.push(
      toStatement(
        db
          .update(duplicatePairs)
          .set({ state: "open", decidedBy: null, decidedAt: null, updatedAt: now })
          .where(eq(duplicatePairs.id, merge.pairId)),
      ),
    );
  if (merge.stoppedSyncing && merge.loserSfId)
    statements.push(
      toStatement(db.delete(ignoredSalesforceRecords).where(eq(ignoredSalesforceRecords.sfId, merge.loserSfId))),
    );
  const survivorName = (survivorBefore.name as string | undefined) ?? "the survivor";
  statements.push(
    activityStatement(db, {
      recordType: merge.survivorType as TActivityRecordType,
      recordId: merge.survivorId,
      at: now,
      event: "merge-undone",
      message: `${user.name} undid the merge of ${merge.loserName} into this record; its history went back to it.`,
      details: { mergeId },
    }),
    activityStatement(db, {
      recordType: merge.loserType as TActivityRecordType,
      recordId: merge.loserId,
      at: now,
      event: "merge-undone",
      message: `${user.name} undid its merge into ${survivorName}; it syncs again as before.`,
      details: { mergeId },
    }),
    toStatement(db.update(recordMerges).set({ undoneAt: now }).where(eq(recordMerges.id, mergeId))),
  );
  await commitWrite(db, statements);
  return { pairId: merge.pairId };
}
