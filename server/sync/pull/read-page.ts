import { inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmPeople, suppressedLeads } from "@/db/schema";
import type { TShownLead } from "../core/lead-suppression";
import type { TPulledRecord } from "../core/pull-objects";
import { pulledPageKeys, type TPulledPageExisting } from "../core/pulled-page-input";
import { SYNC_OBJECT_SPECS, type TSyncObject } from "../core/sync-objects";
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
  const [stored, suppressedRows, peopleByEmail, convertedLeads, unlinkedProspects, tandemRecords] = await Promise.all([
    loadStoredRecords(db, SYNC_OBJECT_SPECS[object].recordType, [...new Set([...keys.sfIds, ...keys.masterSfIds])]),
    object === "Lead"
      ? selectInChunks(keys.sfIds, (slice) =>
          db.select().from(suppressedLeads).where(inArray(suppressedLeads.leadSfId, slice)),
        )
      : [],
    byColumn(crmPeople.emailNormalized, keys.emails),
    object === "Contact" ? byColumn(crmPeople.convertedContactSfId, keys.sfIds) : [],
    loadUnlinkedProspects(db, { emails: keys.emails, domains: keys.domains }),
    loadTandemRecords(db, SYNC_OBJECT_SPECS[object].recordType, keys.tandemIds),
  ]);

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
