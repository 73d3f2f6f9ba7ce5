import { inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmActivities, crmOpportunities, crmPeople, pushOutbox } from "@/db/schema";
import type { TReadyItem } from "../core/push-plan";
import type { TPushRecordType } from "../core/push-kinds";
import {
  accountBody,
  activityBody,
  opportunityBody,
  personBody,
  type TParentRef,
  type TPushBody,
} from "../core/push-values";
import { selectInChunks } from "../pull/select-in-chunks";
import type { TQueuedFieldValue } from "../core/plan-field-writes";

export type TOutboxRow = typeof pushOutbox.$inferSelect;

/** A ready item with what the applier needs to store its result. */
export type TPushItem = TReadyItem & {
  row: TOutboxRow;
  name: string;
  ownerUserId: string | null;
  /** Activities: the record a note links to, and the kind. */
  noteParentSfId: string | null;
  activityKind: string | null;
  /** Field mapping and enrichment values this item carries (MAP-2/3/5), by Salesforce field. */
  fieldValues: Record<string, TQueuedFieldValue>;
};

/** Mapped values that cannot go: the org no longer has the field (deleted or renamed since). */
export type TSkippedFieldValues = { row: TOutboxRow; object: string; name: string; fields: string[] };

export type TLoadedLevel = {
  ready: TPushItem[];
  waiting: Array<{ row: TOutboxRow; waitingOn: string }>;
  /** Rows whose record no longer exists (or left Tandem): nothing to send. */
  gone: TOutboxRow[];
  skippedFields: TSkippedFieldValues[];
};

// What a push reads of each record: its typed columns, never Salesforce's copy (`fields`).
const common = <T extends typeof crmAccounts | typeof crmPeople | typeof crmOpportunities>(table: T) => ({
  id: table.id,
  sfId: table.sfId,
  state: table.state,
  name: table.name,
  ownerSfId: table.ownerSfId,
  createdBy: table.createdBy,
});
const ACCOUNT_COLUMNS = {
  ...common(crmAccounts),
  website: crmAccounts.website,
  industry: crmAccounts.industry,
  phone: crmAccounts.phone,
  city: crmAccounts.city,
  country: crmAccounts.country,
  type: crmAccounts.type,
};
const PERSON_COLUMNS = {
  ...common(crmPeople),
  kind: crmPeople.kind,
  firstName: crmPeople.firstName,
  lastName: crmPeople.lastName,
  email: crmPeople.email,
  phone: crmPeople.phone,
  title: crmPeople.title,
  company: crmPeople.company,
  leadSource: crmPeople.leadSource,
  leadStatus: crmPeople.leadStatus,
  accountSfId: crmPeople.accountSfId,
  accountId: crmPeople.accountId,
};
const OPPORTUNITY_COLUMNS = {
  ...common(crmOpportunities),
  stageName: crmOpportunities.stageName,
  amount: crmOpportunities.amount,
  closeDate: crmOpportunities.closeDate,
  accountSfId: crmOpportunities.accountSfId,
  accountId: crmOpportunities.accountId,
};

const ids = (values: Array<string | null | undefined>) => [...new Set(values.filter((v): v is string => Boolean(v)))];

async function accountRefs(db: TDatabase, accountIds: string[]): Promise<Map<string, TParentRef>> {
  const rows = await selectInChunks(accountIds, (slice) =>
    db
      .select({ id: crmAccounts.id, name: crmAccounts.name, sfId: crmAccounts.sfId, pushState: crmAccounts.pushState })
      .from(crmAccounts)
      .where(inArray(crmAccounts.id, slice)),
  );
  return new Map(rows.map((row) => [row.id, { ...row, object: "Account" }]));
}

/**
 * Reads the records behind one level's outbox rows, and their parents' Salesforce Ids, and asks
 * the core what each sends. A few IN queries per level, whatever the number of rows.
 */
export async function loadLevel(
  db: TDatabase,
  recordType: TPushRecordType,
  rows: readonly TOutboxRow[],
  options: TLoadOptions,
): Promise<TLoadedLevel> {
  return loadLevelItems(db, recordType, rows, options);
}

type TLoadOptions = {
  enhancedNotes: boolean;
  /** The org's text-like fields per object (lower-cased), when described: mapped values check against it. */
  knownFields?: (object: string) => ReadonlySet<string> | null;
};

async function loadLevelItems(
  db: TDatabase,
  recordType: TPushRecordType,
  rows: readonly TOutboxRow[],
  options: TLoadOptions,
): Promise<TLoadedLevel> {
  const level: TLoadedLevel = { ready: [], waiting: [], gone: [], skippedFields: [] };
  const recordIds = ids(rows.map((row) => row.recordId));
  const add = (
    row: TOutboxRow,
    body: TPushBody,
    facts: {
      sfId: string | null;
      name: string;
      ownerUserId: string | null;
      noteParentSfId?: string | null;
      activityKind?: string;
    },
  ) => {
    if (!body.ready) {
      level.waiting.push({ row, waitingOn: body.waitingOn });
      return;
    }
    const fieldValues = row.operation === "update" && facts.sfId ? usableFieldValues(row, body.object, facts.name) : {};
    level.ready.push({
      outboxId: row.id,
      recordType,
      recordId: row.recordId,
      operation: row.operation,
      object: body.object,
      sfId: facts.sfId,
      // A rep's own edit of a field goes before a mapped value for it.
      values: {
        ...Object.fromEntries(Object.entries(fieldValues).map(([field, queued]) => [field, queued.value])),
        ...body.values,
      },
      allowDuplicates: row.allowDuplicates,
      row,
      name: facts.name,
      ownerUserId: facts.ownerUserId,
      noteParentSfId: facts.noteParentSfId ?? null,
      activityKind: facts.activityKind ?? null,
      fieldValues,
    });
  };
  const usableFieldValues = (row: TOutboxRow, object: string, name: string) => {
    const values = { ...(row.fieldValues ?? {}) };
    const known = options.knownFields?.(object);
    const missing = known ? Object.keys(values).filter((field) => !known.has(field.toLowerCase())) : [];
    for (const field of missing) delete values[field];
    if (missing.length) level.skippedFields.push({ row, object, name, fields: missing });
    return values;
  };
  // An update of a record that never reached Salesforce waits for its create (a separate row).
  const operationFor = (row: TOutboxRow, sfId: string | null) => (sfId ? row.operation : "create");

  // Accounts, people and opportunities: the active record's body, with its account where it has one.
  const crmLevel = async <
    R extends { id: string; sfId: string | null; state: string; name: string; createdBy: string | null },
  >(
    records: R[],
    body: (input: {
      operation: TOutboxRow["operation"];
      record: R;
      fields: string[];
      account: TParentRef | null;
    }) => TPushBody,
    accountIdOf: (record: R) => string | null,
  ) => {
    const accounts = await accountRefs(db, ids(records.map(accountIdOf)));
    const byId = new Map(records.map((record) => [record.id, record]));
    for (const row of rows) {
      const record = byId.get(row.recordId);
      if (!record || record.state !== "active") {
        level.gone.push(row);
        continue;
      }
      const operation = operationFor(row, record.sfId);
      const accountId = accountIdOf(record);
      const account = accountId ? (accounts.get(accountId) ?? null) : null;
      add({ ...row, operation }, body({ operation, record, fields: row.fields, account }), {
        sfId: record.sfId,
        name: record.name,
        ownerUserId: record.createdBy,
      });
    }
    return level;
  };
  if (recordType === "account") {
    const records = await selectInChunks(recordIds, (slice) =>
      db.select(ACCOUNT_COLUMNS).from(crmAccounts).where(inArray(crmAccounts.id, slice)),
    );
    return crmLevel(records, accountBody, () => null);
  }
  if (recordType === "person") {
    const records = await selectInChunks(recordIds, (slice) =>
      db.select(PERSON_COLUMNS).from(crmPeople).where(inArray(crmPeople.id, slice)),
    );
    return crmLevel(records, personBody, (record) => record.accountId);
  }
  if (recordType === "opportunity") {
    const records = await selectInChunks(recordIds, (slice) =>
      db.select(OPPORTUNITY_COLUMNS).from(crmOpportunities).where(inArray(crmOpportunities.id, slice)),
    );
    return crmLevel(records, opportunityBody, (record) => record.accountId);
  }

  const activities = await selectInChunks(recordIds, (slice) =>
    db.select().from(crmActivities).where(inArray(crmActivities.id, slice)),
  );
  const people = await selectInChunks(ids(activities.map((a) => a.personId)), (slice) =>
    db
      .select({
        id: crmPeople.id,
        name: crmPeople.name,
        sfId: crmPeople.sfId,
        pushState: crmPeople.pushState,
        kind: crmPeople.kind,
      })
      .from(crmPeople)
      .where(inArray(crmPeople.id, slice)),
  );
  const opportunities = await selectInChunks(ids(activities.map((a) => a.opportunityId)), (slice) =>
    db
      .select({
        id: crmOpportunities.id,
        name: crmOpportunities.name,
        sfId: crmOpportunities.sfId,
        pushState: crmOpportunities.pushState,
      })
      .from(crmOpportunities)
      .where(inArray(crmOpportunities.id, slice)),
  );
  const accounts = await accountRefs(db, ids(activities.map((a) => a.accountId)));
  const peopleById = new Map(
    people.map((p) => [p.id, { ...p, object: p.kind === "lead" ? "Lead" : "Contact" } satisfies TParentRef]),
  );
  const opportunitiesById = new Map(
    opportunities.map((o) => [o.id, { ...o, object: "Opportunity" } satisfies TParentRef]),
  );
  const byId = new Map(activities.map((activity) => [activity.id, activity]));
  for (const row of rows) {
    const activity = byId.get(row.recordId);
    if (!activity) {
      level.gone.push(row);
      continue;
    }
    const person = activity.personId ? (peopleById.get(activity.personId) ?? null) : null;
    const what =
      (activity.opportunityId ? opportunitiesById.get(activity.opportunityId) : undefined) ??
      (activity.accountId ? accounts.get(activity.accountId) : undefined) ??
      null;
    const parentSfId = (person ?? what)?.sfId ?? null;
    if (activity.sfObject === "ContentNote" && activity.sfId && !activity.sfLinkId) {
      // An enhanced note created in Salesforce but not attached yet only needs its link.
      add({ ...row, operation: "create" }, noteLinkBody(activity.sfId, parentSfId), {
        sfId: null,
        name: activity.subject,
        ownerUserId: activity.createdBy,
        noteParentSfId: parentSfId,
        activityKind: activity.kind,
      });
      continue;
    }
    const operation = activity.sfId ? row.operation : "create";
    const body = activityBody({
      operation,
      record: { ...activity, sfObject: activity.sfObject },
      fields: row.fields,
      person,
      what,
      // A note not in Salesforce yet goes the way the org takes notes now (checked by describe).
      enhancedNotes: activity.sfId ? activity.sfObject === "ContentNote" : options.enhancedNotes,
    });
    add({ ...row, operation }, body, {
      sfId: activity.sfId,
      name: activity.subject,
      ownerUserId: activity.createdBy,
      noteParentSfId: parentSfId,
      activityKind: activity.kind,
    });
  }
  return level;
}

/** Attaches an enhanced note (a ContentDocument) to the record it is about. */
export function noteLinkBody(noteSfId: string, parentSfId: string | null): TPushBody {
  return {
    ready: true,
    object: "ContentDocumentLink",
    values: { ContentDocumentId: noteSfId, LinkedEntityId: parentSfId, ShareType: "V" },
  };
}
