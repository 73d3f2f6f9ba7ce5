import "server-only";
import type { InStatement } from "@libsql/client";
import { and, eq, inArray, ne, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import {
  activityLog,
  crmAccounts,
  crmActivities,
  crmOpportunities,
  crmPeople,
  duplicatePairs,
  ignoredSalesforceRecords,
  matchKeys,
  prospects,
  pushErrors,
  pushOutbox,
  recordMerges,
} from "@/db/schema";
import { toStatement } from "@/db/statements";
import { AppError } from "@/server/errors";
import { newId } from "@/server/ids";
import { planRecordUpdate } from "@/server/records/write/update-record";
import { activityStatement, commitWrite, type TWriteUser } from "@/server/records/write/write-context";
import { openSalesforce } from "@/server/salesforce/open-connection";
import type { SalesforcePort } from "@/server/salesforce/port";
import { prospectMatchKeys } from "@/server/sync/core/prospect-keys";
import type { TActivityRecordType } from "@/server/sync/core/activity-events";
import type { TRecordRef } from "../duplicate-vocabulary";
import { SALESFORCE_FIELD_OF } from "./merge-fields";
import { mergeOptions, type TSide } from "./merge-options";
import { loadMergeRecord, type TMergeRecord } from "./merge-records";
import { type TMergeInput, type TMergeResult, ZMergeInputSchema } from "./merge-schemas";
import { MERGE_FIELDS } from "./merge-fields";

/** What an undo puts back: the rows the merge moved or closed, and both records as they were. */
export type TMergeUndo = {
  survivorBefore: Record<string, unknown>;
  loserBefore: Record<string, unknown>;
  activityLogIds: number[];
  activityIds: { person: string[]; account: string[] };
  prospectIds: string[];
  relatedPeopleIds: string[];
  relatedOpportunityIds: string[];
  outbox: Array<{ id: number; state: string }>;
  errors: Array<{ id: string; state: string }>;
  pairs: Array<Record<string, unknown>>;
};

type TMergeOptionsArg = { openPort?: (db: TDatabase) => Promise<SalesforcePort> };

/**
 * DUP-3: merges two records a rep confirmed are one. The survivor keeps the values chosen field
 * by field (an edit, pushed like any other); the other record's activity log, activities,
 * prospect links, related records and open push items move to the survivor; the merged-away
 * record is unlinked from Salesforce (it comes back as a new record if it changes there again)
 * and kept, marked merged, so the merge can be undone until the survivor's next push. A prospect
 * merged with a CRM record is linked to it (PULL-3) instead. With "also merge in Salesforce"
 * Salesforce merges first (SOAP merge, or convertLead for a lead into a contact): if it refuses,
 * nothing changes in Tandem. Nothing is ever merged without a rep asking (DUP-4).
 */
export async function mergeDuplicates(
  db: TDatabase,
  rawInput: TMergeInput,
  user: TWriteUser,
  now: number,
  options: TMergeOptionsArg = {},
): Promise<TMergeResult> {
  const input = ZMergeInputSchema.parse(rawInput);
  const pair = await db.query.duplicatePairs.findFirst({ where: eq(duplicatePairs.id, input.pairId) });
  if (!pair || pair.state === "merged") {
    throw new AppError(
      "NOT_FOUND",
      "This potential duplicate is no longer open: it was merged already. Reload the queue.",
    );
  }
  const records: Record<TSide, TMergeRecord> = {
    a: await loadMergeRecord(db, { type: pair.aType, id: pair.aId }),
    b: await loadMergeRecord(db, { type: pair.bType, id: pair.bId }),
  };
  const allowed = mergeOptions(records.a, records.b);
  if (!allowed.survivors.includes(input.survivor)) {
    throw new AppError(
      "BAD_REQUEST",
      "The CRM record survives a merge with a prospect: keep it, and the prospect is linked to it.",
    );
  }
  const survivor = records[input.survivor];
  const loser = records[input.survivor === "a" ? "b" : "a"];
  const salesforceMode = input.alsoMergeInSalesforce ? allowed.salesforce[input.survivor].mode : null;
  if (input.alsoMergeInSalesforce && !salesforceMode) {
    throw new AppError("BAD_REQUEST", allowed.salesforce[input.survivor].reason);
  }
  const stopSyncing = input.stopSyncing && !salesforceMode && Boolean(loser.sfId);

  // The survivor's values: each chosen field takes the chosen side's value.
  const keep = MERGE_FIELDS[survivor.kind].map((field) => field.key);
  const chosen: Record<string, string | null> = {};
  for (const key of keep) {
    const side = input.choices[key];
    if (!side || records[side] === survivor) continue;
    const value = records[side].values[key] ?? null;
    if ((value ?? "") !== (survivor.values[key] ?? "")) chosen[key] = value;
  }

  if (salesforceMode) await mergeInSalesforce(db, { mode: salesforceMode, survivor, loser, chosen, options });

  const statements: InStatement[] = [];
  const undo = await captureUndo(db, survivor, loser, pair.id);
  statements.push(...(await survivorEdit(db, survivor, chosen, user, now)));
  statements.push(...moveStatements(db, survivor, undo, now));
  statements.push(...loserStatements(db, survivor, loser, now));
  statements.push(
    toStatement(
      db
        .update(duplicatePairs)
        .set({ state: "merged", decidedBy: user.id, decidedAt: now, updatedAt: now })
        .where(eq(duplicatePairs.id, pair.id)),
    ),
    toStatement(
      db
        .delete(duplicatePairs)
        .where(
          and(
            ne(duplicatePairs.id, pair.id),
            or(
              and(eq(duplicatePairs.aType, loser.ref.type), eq(duplicatePairs.aId, loser.ref.id)),
              and(eq(duplicatePairs.bType, loser.ref.type), eq(duplicatePairs.bId, loser.ref.id)),
            ),
          ),
        ),
    ),
  );
  statements.push(
    toStatement(
      db.delete(matchKeys).where(and(eq(matchKeys.recordType, loser.ref.type), eq(matchKeys.recordId, loser.ref.id))),
    ),
  );
  if (stopSyncing && loser.sfId && loser.sfObject) {
    statements.push(
      toStatement(
        db
          .insert(ignoredSalesforceRecords)
          .values({
            sfId: loser.sfId,
            object: loser.sfObject,
            name: loser.name,
            reason: `Merged into ${survivor.name} by ${user.name}`,
            createdBy: user.id,
            createdAt: now,
          })
          .onConflictDoNothing(),
      ),
    );
  }
  const salesforceNote =
    salesforceMode === "merge"
      ? " Salesforce merged them too."
      : salesforceMode === "convert"
        ? " Salesforce converted the lead into this contact."
        : loser.sfId
          ? stopSyncing
            ? ` Tandem no longer syncs ${loser.name}'s Salesforce record.`
            : ` ${loser.name} stays in Salesforce; if it changes there, it comes back as a new record.`
          : "";
  const mergeId = newId(now);
  statements.push(
    activityStatement(db, {
      recordType: survivor.ref.type as TActivityRecordType,
      recordId: survivor.ref.id,
      at: now,
      event: "merged-in-tandem",
      message: `${loser.name} was merged into this record by ${user.name}.${salesforceNote}`,
      details: { mergeId, other: loser.ref, chosen },
    }),
    activityStatement(db, {
      recordType: loser.ref.type as TActivityRecordType,
      recordId: loser.ref.id,
      at: now,
      event: "merged-in-tandem",
      message: `Merged into ${survivor.name} by ${user.name}; its history moved there.${salesforceNote}`,
      details: { mergeId, other: survivor.ref },
    }),
    toStatement(
      db.insert(recordMerges).values({
        id: mergeId,
        entity: pair.entity,
        pairId: pair.id,
        survivorType: survivor.ref.type,
        survivorId: survivor.ref.id,
        loserType: loser.ref.type,
        loserId: loser.ref.id,
        loserName: loser.name,
        loserSfObject: loser.sfObject,
        loserSfId: loser.sfId,
        salesforce: salesforceMode === "merge" ? "merged" : salesforceMode === "convert" ? "converted" : "none",
        stoppedSyncing: stopSyncing,
        undo,
        mergedBy: user.id,
        mergedAt: now,
      }),
    ),
  );
  await commitWrite(db, statements);
  return {
    mergeId,
    survivor: { type: survivor.ref.type, id: survivor.ref.id, href: survivor.href },
    salesforce: salesforceMode === "merge" ? "merged" : salesforceMode === "convert" ? "converted" : "none",
    moved: {
      activityLog: undo.activityLogIds.length,
      activities: undo.activityIds.person.length + undo.activityIds.account.length,
      prospects: undo.prospectIds.length,
      pushItems: undo.outbox.length,
      related: undo.relatedPeopleIds.length + undo.relatedOpportunityIds.length,
    },
  };
}

async function mergeInSalesforce(
  db: TDatabase,
  input: {
    mode: "merge" | "convert";
    survivor: TMergeRecord;
    loser: TMergeRecord;
    chosen: Record<string, string | null>;
    options: TMergeOptionsArg;
  },
): Promise<void> {
  const { mode, survivor, loser, chosen } = input;
  const port = await (input.options.openPort ?? ((database: TDatabase) => openSalesforce(database)))(db);
  try {
    const outcome =
      mode === "merge"
        ? await port.mergeRecords({
            object: survivor.sfObject as "Account" | "Contact" | "Lead",
            masterId: survivor.sfId!,
            mergeIds: [loser.sfId!],
            masterValues: Object.fromEntries(
              Object.entries(chosen).flatMap(([key, value]) =>
                SALESFORCE_FIELD_OF[key] ? [[SALESFORCE_FIELD_OF[key], value]] : [],
              ),
            ),
          })
        : await port.convertLead({
            leadId: loser.sfId!,
            contactId: survivor.sfId!,
            accountId: survivor.accountSfId!,
            doNotCreateOpportunity: true,
          });
    if (!outcome.ok && !(await doneAlready(port, input))) {
      throw new AppError(
        "BAD_REQUEST",
        `Salesforce refused to ${mode === "merge" ? "merge" : "convert"} them (${outcome.error.salesforceCode}): ${outcome.error.message} Nothing was merged; merge in Tandem only, or fix it in Salesforce.`,
      );
    }
  } finally {
    await port.flush();
  }
}

/**
 * Whether Salesforce already merged (or converted) the loser into the survivor: a first attempt
 * whose answer was lost (a dropped connection, a timeout) committed, and the retry is refused
 * (ENTITY_IS_DELETED) although what the rep asked for is done.
 */
async function doneAlready(
  port: SalesforcePort,
  input: { mode: "merge" | "convert"; survivor: TMergeRecord; loser: TMergeRecord },
): Promise<boolean> {
  const { mode, survivor, loser } = input;
  if (!/^[A-Za-z0-9]{15,18}$/.test(loser.sfId ?? "")) return false;
  const soql =
    mode === "merge"
      ? `SELECT Id, IsDeleted, MasterRecordId FROM ${loser.sfObject} WHERE Id = '${loser.sfId}'`
      : `SELECT Id, IsConverted, ConvertedContactId FROM Lead WHERE Id = '${loser.sfId}'`;
  const [record] = (await port.queryAll(soql)).records;
  if (!record) return false;
  return mode === "merge"
    ? record.IsDeleted === true && record.MasterRecordId === survivor.sfId
    : record.IsConverted === true && record.ConvertedContactId === survivor.sfId;
}

/** The edit that gives the survivor the chosen values, in the same batch as the merge. */
async function survivorEdit(
  db: TDatabase,
  survivor: TMergeRecord,
  chosen: Record<string, string | null>,
  user: TWriteUser,
  now: number,
): Promise<InStatement[]> {
  if (Object.keys(chosen).length === 0) return [];
  if (survivor.ref.type === "person" || survivor.ref.type === "account") {
    const planned = await planRecordUpdate(
      db,
      { type: survivor.ref.type, id: survivor.ref.id, values: chosen } as Parameters<typeof planRecordUpdate>[1],
      user,
      now,
    );
    return planned.statements;
  }
  const row = await db.select().from(prospects).where(eq(prospects.id, survivor.ref.id)).get();
  if (!row) return [];
  const next = { ...row, ...chosen };
  const keys = prospectMatchKeys({ kind: row.kind, email: next.email, website: next.website });
  const name =
    row.kind === "person"
      ? [next.firstName, next.lastName].filter(Boolean).join(" ") || row.name
      : (next.name ?? row.name);
  return [
    toStatement(
      db
        .update(prospects)
        .set({ ...chosen, name, ...keys, updatedAt: now })
        .where(eq(prospects.id, row.id)),
    ),
  ];
}

async function captureUndo(
  db: TDatabase,
  survivor: TMergeRecord,
  loser: TMergeRecord,
  pairId: string,
): Promise<TMergeUndo> {
  const rowOf = async (record: TMergeRecord) =>
    record.ref.type === "person"
      ? await db.select().from(crmPeople).where(eq(crmPeople.id, record.ref.id)).get()
      : record.ref.type === "account"
        ? await db.select().from(crmAccounts).where(eq(crmAccounts.id, record.ref.id)).get()
        : await db.select().from(prospects).where(eq(prospects.id, record.ref.id)).get();
  const loserType = loser.ref.type as TActivityRecordType;
  const [
    survivorBefore,
    loserBefore,
    logRows,
    personActivities,
    accountActivities,
    linked,
    people,
    opportunities,
    outbox,
    errors,
    pairs,
  ] = await Promise.all([
    rowOf(survivor),
    rowOf(loser),
    db
      .select({ id: activityLog.id })
      .from(activityLog)
      .where(and(eq(activityLog.recordType, loserType), eq(activityLog.recordId, loser.ref.id))),
    loser.ref.type === "person"
      ? db.select({ id: crmActivities.id }).from(crmActivities).where(eq(crmActivities.personId, loser.ref.id))
      : [],
    loser.ref.type === "account"
      ? db.select({ id: crmActivities.id }).from(crmActivities).where(eq(crmActivities.accountId, loser.ref.id))
      : [],
    loser.ref.type === "prospect"
      ? []
      : db
          .select({ id: prospects.id })
          .from(prospects)
          .where(
            and(
              eq(prospects.crmRecordType, loser.ref.type === "person" ? "person" : "account"),
              eq(prospects.crmRecordId, loser.ref.id),
            ),
          ),
    loser.ref.type === "account"
      ? db.select({ id: crmPeople.id }).from(crmPeople).where(eq(crmPeople.accountId, loser.ref.id))
      : [],
    loser.ref.type === "account"
      ? db
          .select({ id: crmOpportunities.id })
          .from(crmOpportunities)
          .where(eq(crmOpportunities.accountId, loser.ref.id))
      : [],
    loser.ref.type === "prospect"
      ? []
      : db
          .select({ id: pushOutbox.id, state: pushOutbox.state })
          .from(pushOutbox)
          .where(
            and(
              eq(pushOutbox.recordType, loser.ref.type),
              eq(pushOutbox.recordId, loser.ref.id),
              inArray(pushOutbox.state, ["pending", "failed"]),
            ),
          ),
    loser.ref.type === "prospect"
      ? []
      : db
          .select({ id: pushErrors.id, state: pushErrors.state })
          .from(pushErrors)
          .where(
            and(
              eq(pushErrors.recordType, loser.ref.type),
              eq(pushErrors.recordId, loser.ref.id),
              inArray(pushErrors.state, ["open", "retrying"]),
            ),
          ),
    db
      .select()
      .from(duplicatePairs)
      .where(
        and(
          ne(duplicatePairs.id, pairId),
          or(
            and(eq(duplicatePairs.aType, loser.ref.type), eq(duplicatePairs.aId, loser.ref.id)),
            and(eq(duplicatePairs.bType, loser.ref.type), eq(duplicatePairs.bId, loser.ref.id)),
          ),
        ),
      ),
  ]);
  return {
    survivorBefore: (survivorBefore ?? {}) as Record<string, unknown>,
    loserBefore: (loserBefore ?? {}) as Record<string, unknown>,
    activityLogIds: logRows.map((row) => row.id),
    activityIds: { person: personActivities.map((row) => row.id), account: accountActivities.map((row) => row.id) },
    prospectIds: linked.map((row) => row.id),
    relatedPeopleIds: people.map((row) => row.id),
    relatedOpportunityIds: opportunities.map((row) => row.id),
    outbox: outbox.map((row) => ({ id: row.id, state: row.state })),
    errors: errors.map((row) => ({ id: row.id, state: row.state })),
    pairs: pairs as unknown as Array<Record<string, unknown>>,
  };
}

/**
 * Gives the rows a merge captured to `owner`: the survivor when merging, the merged-away record
 * again when undoing (activity log rows, activities, prospect links, an account's people and
 * opportunities).
 */
export function reassignStatements(db: TDatabase, undo: TMergeUndo, owner: TRecordRef, now: number): InStatement[] {
  const when = (ids: readonly unknown[], statement: () => InStatement) => (ids.length > 0 ? [statement()] : []);
  return [
    ...when(undo.activityLogIds, () =>
      toStatement(
        db
          .update(activityLog)
          .set({ recordType: owner.type as TActivityRecordType, recordId: owner.id })
          .where(inArray(activityLog.id, undo.activityLogIds)),
      ),
    ),
    ...when(undo.activityIds.person, () =>
      toStatement(
        db
          .update(crmActivities)
          .set({ personId: owner.id, updatedAt: now })
          .where(inArray(crmActivities.id, undo.activityIds.person)),
      ),
    ),
    ...when(undo.activityIds.account, () =>
      toStatement(
        db
          .update(crmActivities)
          .set({ accountId: owner.id, updatedAt: now })
          .where(inArray(crmActivities.id, undo.activityIds.account)),
      ),
    ),
    ...when(undo.prospectIds, () =>
      toStatement(
        db
          .update(prospects)
          .set({ crmRecordId: owner.id, updatedAt: now })
          .where(inArray(prospects.id, undo.prospectIds)),
      ),
    ),
    ...when(undo.relatedPeopleIds, () =>
      toStatement(
        db
          .update(crmPeople)
          .set({ accountId: owner.id, updatedAt: now })
          .where(inArray(crmPeople.id, undo.relatedPeopleIds)),
      ),
    ),
    ...when(undo.relatedOpportunityIds, () =>
      toStatement(
        db
          .update(crmOpportunities)
          .set({ accountId: owner.id, updatedAt: now })
          .where(inArray(crmOpportunities.id, undo.relatedOpportunityIds)),
      ),
    ),
  ];
}

/** Moves what belonged to the merged-away record onto the survivor, and closes its own pushes and errors. */
function moveStatements(db: TDatabase, survivor: TMergeRecord, undo: TMergeUndo, now: number): InStatement[] {
  const statements: InStatement[] = reassignStatements(db, undo, survivor.ref, now);
  // The merged-away record's own pushes: its values now live in the survivor, whose edit is queued.
  if (undo.outbox.length > 0) {
    statements.push(
      toStatement(
        db
          .update(pushOutbox)
          .set({ state: "cancelled", waitingOn: `Merged into ${survivor.name}`, updatedAt: now })
          .where(
            inArray(
              pushOutbox.id,
              undo.outbox.map((row) => row.id),
            ),
          ),
      ),
    );
  }
  if (undo.errors.length > 0) {
    statements.push(
      toStatement(
        db
          .update(pushErrors)
          .set({ state: "dismissed", resolvedAt: now })
          .where(
            inArray(
              pushErrors.id,
              undo.errors.map((row) => row.id),
            ),
          ),
      ),
    );
  }
  return statements;
}

/** The merged-away record: kept, marked merged and unlinked from Salesforce; a prospect is linked or folded in. */
function loserStatements(db: TDatabase, survivor: TMergeRecord, loser: TMergeRecord, now: number): InStatement[] {
  if (loser.ref.type === "person") {
    return [
      toStatement(
        db
          .update(crmPeople)
          .set({ state: "merged", mergedIntoId: survivor.ref.id, sfId: null, updatedAt: now })
          .where(eq(crmPeople.id, loser.ref.id)),
      ),
    ];
  }
  if (loser.ref.type === "account") {
    return [
      toStatement(
        db
          .update(crmAccounts)
          .set({ state: "merged", mergedIntoId: survivor.ref.id, sfId: null, updatedAt: now })
          .where(eq(crmAccounts.id, loser.ref.id)),
      ),
    ];
  }
  if (survivor.ref.type !== "prospect") {
    // PULL-3 by hand: the prospect is this CRM record.
    return [
      toStatement(
        db
          .update(prospects)
          .set({
            crmRecordType: survivor.ref.type === "person" ? "person" : "account",
            crmRecordId: survivor.ref.id,
            inCrmSince: now,
            updatedAt: now,
          })
          .where(eq(prospects.id, loser.ref.id)),
      ),
    ];
  }
  return [toStatement(db.delete(prospects).where(eq(prospects.id, loser.ref.id)))];
}
