import { and, eq, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmPeople, pushOutbox, suppressedLeads } from "@/db/schema";
import type { TShownLead } from "../core/lead-suppression";
import type { TPulledRecord } from "../core/pull-objects";
import { pulledPageKeys, type TPulledPageExisting, type TStoredRecord } from "../core/pulled-page-input";
import { SYNC_OBJECT_SPECS, type TCrmRecordType, type TSyncObject } from "../core/sync-objects";
import { loadStoredRecords, loadTandemRecords } from "./crm-tables";
import { loadUnlinkedProspects } from "./prospect-marks";
import { selectInChunks } from "./select-in-chunks";

const PERSON_COLUMNS = {
  id: crmPeople.id,
  sfId: crmPeople.sfId,
  kind: crmPeople.kind,
  state: crmPeople.state,
  emailNormalized: crmPeople.emailNormalized,
  convertedContactSfId: crmPeople.convertedContactSfId,
};

/**
 * The read phase of applying a page: everything `planPulledPage` decides on, in a few queries
 * per page (IN lists of 500 keys), outside any transaction. People are looked up by one indexed
 * column at a time and filtered here: an OR, or kind/state in the WHERE, makes SQLite scan.
 */
export async function readPulledPage(
  db: TDatabase,
  object: TSyncObject,
  records: readonly TPulledRecord[],
): Promise<TPulledPageExisting> {
  const keys = pulledPageKeys(object, records);
  const byColumn = (
    column: typeof crmPeople.emailNormalized | typeof crmPeople.convertedContactSfId,
    values: string[],
  ) => selectInChunks(values, (slice) => db.select(PERSON_COLUMNS).from(crmPeople).where(inArray(column, slice)));
  const recordType = SYNC_OBJECT_SPECS[object].recordType;
  const [stored, suppressedRows, peopleByEmail, convertedLeads, unlinkedProspects, tandemRecords, anyOpen] =
    await Promise.all([
      loadStoredRecords(db, SYNC_OBJECT_SPECS[object].recordType, [...new Set([...keys.sfIds, ...keys.masterSfIds])]),
      object === "Lead"
        ? selectInChunks(keys.sfIds, (slice) =>
            db.select().from(suppressedLeads).where(inArray(suppressedLeads.leadSfId, slice)),
          )
        : [],
      byColumn(crmPeople.emailNormalized, keys.emails),
      object === "Contact" ? byColumn(crmPeople.convertedContactSfId, keys.sfIds) : [],
      loadUnlinkedProspects(db, { emails: keys.emails, domains: keys.domains }),
      loadTandemRecords(db, recordType, keys.tandemIds),
      hasOpenPushes(db, recordType),
    ]);
  if (anyOpen) await withPendingFields(db, recordType, [...stored, ...tandemRecords]);

  const pageIds = new Set(keys.sfIds);
  const masterIds = new Set(keys.masterSfIds);
  const existing: TPulledPageExisting = {
    records: new Map(stored.filter((row) => pageIds.has(row.sfId)).map((row) => [row.sfId, row])),
    masterIdBySfId: new Map(stored.filter((row) => masterIds.has(row.sfId)).map((row) => [row.sfId, row.id])),
    suppressedLeads: new Map(
      suppressedRows.map((row) => [row.leadSfId, { reason: row.reason, contactSfId: row.contactSfId }]),
    ),
    activeContactSfIdByEmail: new Map(),
    contactIdBySfId: new Map(),
    shownLeads: [],
    unlinkedProspects,
    tandemRecords: new Map(tandemRecords.map((row) => [row.id, row])),
  };
  if (object === "Lead") return withContacts(db, existing, peopleByEmail, keys.convertedContactSfIds);
  if (object === "Contact") {
    const shown = new Map<string, TShownLead>();
    for (const row of [...peopleByEmail, ...convertedLeads]) {
      if (row.kind !== "lead" || row.state !== "active" || !row.sfId) continue;
      const { id, sfId, emailNormalized, convertedContactSfId } = row;
      shown.set(id, { id, sfId, emailNormalized, convertedContactSfId });
    }
    return { ...existing, shownLeads: [...shown.values()] };
  }
  return existing;
}

/** Whether any record of this type has an edit on its way to Salesforce (usually not: no extra query then). */
async function hasOpenPushes(db: TDatabase, recordType: TCrmRecordType): Promise<boolean> {
  const rows = await db
    .select({ id: pushOutbox.id })
    .from(pushOutbox)
    .where(and(eq(pushOutbox.recordType, recordType), inArray(pushOutbox.state, ["pending", "sending", "failed"])))
    .limit(1);
  return rows.length > 0;
}

/** Marks the stored records whose edits are not pushed yet with those edits' fields. */
async function withPendingFields(db: TDatabase, recordType: TCrmRecordType, records: TStoredRecord[]) {
  const rows = await selectInChunks(
    records.map((record) => record.id),
    (slice) =>
      db
        .select({ recordId: pushOutbox.recordId, operation: pushOutbox.operation, fields: pushOutbox.fields })
        .from(pushOutbox)
        .where(
          and(
            eq(pushOutbox.recordType, recordType),
            inArray(pushOutbox.recordId, slice),
            inArray(pushOutbox.state, ["pending", "sending", "failed"]),
          ),
        ),
  );
  const pending = new Map<string, string[] | "all">();
  for (const row of rows) {
    const before = pending.get(row.recordId) ?? [];
    pending.set(
      row.recordId,
      row.operation === "create" || before === "all" ? "all" : [...new Set([...before, ...row.fields])],
    );
  }
  for (const record of records) {
    const fields = pending.get(record.id);
    if (fields) record.pendingFields = fields;
  }
}

/** Lead pages (PULL-4): the contacts a lead may give way to, by email and by Salesforce Id. */
async function withContacts(
  db: TDatabase,
  existing: TPulledPageExisting,
  peopleByEmail: Array<{
    id: string;
    sfId: string | null;
    kind: string;
    state: string;
    emailNormalized: string | null;
  }>,
  convertedContactSfIds: readonly string[],
): Promise<TPulledPageExisting> {
  const activeContactSfIdByEmail = new Map<string, string>();
  const contactIdBySfId = new Map<string, string>();
  for (const row of peopleByEmail) {
    if (row.kind !== "contact" || !row.sfId) continue;
    contactIdBySfId.set(row.sfId, row.id);
    if (row.state === "active" && row.emailNormalized && !activeContactSfIdByEmail.has(row.emailNormalized))
      activeContactSfIdByEmail.set(row.emailNormalized, row.sfId);
  }
  const wanted = new Set(convertedContactSfIds);
  for (const { contactSfId } of existing.suppressedLeads.values()) if (contactSfId) wanted.add(contactSfId);
  const missing = [...wanted].filter((sfId) => !contactIdBySfId.has(sfId));
  const contacts = await selectInChunks(missing, (slice) =>
    db
      .select({ id: crmPeople.id, sfId: crmPeople.sfId, kind: crmPeople.kind })
      .from(crmPeople)
      .where(inArray(crmPeople.sfId, slice)),
  );
  for (const row of contacts) if (row.kind === "contact" && row.sfId) contactIdBySfId.set(row.sfId, row.id);
  return { ...existing, activeContactSfIdByEmail, contactIdBySfId };
}
