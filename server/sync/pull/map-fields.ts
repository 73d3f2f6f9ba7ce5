import type { InStatement } from "@libsql/client";
import { and, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { fieldWrites, prospects, pushOutbox } from "@/db/schema";
import {
  mappingPushEnabled,
  mappingRules,
  resolveMapping,
  type TResolvedMapping,
} from "@/server/settings/field-mapping-settings";
import { readSettings } from "@/server/settings/settings-store";
import type { TPushSettings } from "@/server/settings/setting-keys";
import { EXTRA_FIELD_PREFIX, isMappedObject, mappedRecordType } from "../core/field-mapping";
import { planFieldWrites, type TFieldLedgerEntry, type TMappingCandidate } from "../core/plan-field-writes";
import { flattenRecord, type TPulledRecord } from "../core/pull-objects";
import type { TPulledPagePlan } from "../core/pulled-page-plan";
import type { TSyncObject } from "../core/sync-objects";
import { fieldWriteStatements, revertStatements } from "../push/enqueue-field-writes";

/** The mapping as a pull applies it: read once per page, so a change takes effect at the next pull. */
export type TPullMapping = { resolved: TResolvedMapping; push: TPushSettings };

export async function readPullMapping(db: TDatabase): Promise<TPullMapping> {
  const read = await readSettings(db, ["mapping.fields", "salesforce.pushInfo", "push.settings"]);
  return { resolved: resolveMapping(read["mapping.fields"], read["salesforce.pushInfo"]), push: read["push.settings"] };
}

const ACTIVE_KINDS = new Set(["created", "updated", "restored", "unchanged"]);

/** The prospect columns a mapping can name, and the extras: what the planner compares. */
export const PROSPECT_VALUES = {
  firstName: prospects.firstName,
  lastName: prospects.lastName,
  name: prospects.name,
  email: prospects.email,
  title: prospects.title,
  company: prospects.company,
  website: prospects.website,
  phone: prospects.phone,
  city: prospects.city,
  country: prospects.country,
  linkedinUrl: prospects.linkedinUrl,
  industry: prospects.industry,
  extra: prospects.extra,
};
const PROSPECT_COLUMNS = { id: prospects.id, crmRecordId: prospects.crmRecordId, ...PROSPECT_VALUES };
export type TProspectValues = {
  [K in keyof typeof PROSPECT_COLUMNS]: (typeof PROSPECT_COLUMNS)[K]["_"]["data"] | null;
};

/** A JSON list as an IN (…) operand: one parameter for thousands of keys, no slicing. */
const jsonList = (values: readonly string[]) => sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`;

/**
 * The prospects linked to some CRM records (PULL-3), one per record: the first linked wins. With
 * `fields`, only the columns those Tandem fields need are read (a pull reads thousands a page).
 */
export async function loadLinkedProspects(
  db: TDatabase,
  recordIds: readonly string[],
  markedProspectIds: ReadonlyMap<string, string> = new Map(),
  fields?: readonly string[],
): Promise<Map<string, TProspectValues>> {
  const columns = fields
    ? Object.fromEntries(
        Object.entries(PROSPECT_COLUMNS).filter(
          ([name]) =>
            name === "id" ||
            name === "crmRecordId" ||
            fields.includes(name) ||
            (name === "extra" && fields.some((field) => field.startsWith(EXTRA_FIELD_PREFIX))),
        ),
      )
    : PROSPECT_COLUMNS;
  const select = (where: SQL) =>
    db.select(columns).from(prospects).where(where) as unknown as Promise<TProspectValues[]>;
  const marked = [...markedProspectIds.keys()];
  const [linked, newlyMarked] = await Promise.all([
    recordIds.length ? select(inArray(prospects.crmRecordId, jsonList(recordIds))) : [],
    marked.length ? select(inArray(prospects.id, jsonList(marked))) : [],
  ]);
  const byRecord = new Map<string, TProspectValues>();
  // Several prospects for one record (duplicates in the prospect base): the lowest id, on every pull.
  for (const row of linked) {
    const held = row.crmRecordId ? byRecord.get(row.crmRecordId) : undefined;
    if (row.crmRecordId && (!held || row.id! < held.id!)) byRecord.set(row.crmRecordId, row);
  }
  for (const row of newlyMarked) {
    const recordId = markedProspectIds.get(row.id!);
    if (recordId && !byRecord.has(recordId)) byRecord.set(recordId, row);
  }
  return byRecord;
}

/**
 * Tandem's earlier writes and choices on some records, by record and Salesforce field: the
 * ledger's settled outcomes, and the values still on their way in open outbox rows (queued).
 */
export async function loadFieldLedger(
  db: TDatabase,
  recordType: "person" | "account",
  recordIds: readonly string[],
): Promise<Map<string, Map<string, TFieldLedgerEntry>>> {
  if (recordIds.length === 0) return new Map();
  const [settled, open] = await Promise.all([
    db
      .select({
        recordId: fieldWrites.recordId,
        field: fieldWrites.field,
        value: fieldWrites.value,
        source: fieldWrites.source,
        state: fieldWrites.state,
      })
      .from(fieldWrites)
      .where(and(eq(fieldWrites.recordType, recordType), inArray(fieldWrites.recordId, jsonList(recordIds)))),
    db
      .select({ recordId: pushOutbox.recordId, fieldValues: pushOutbox.fieldValues })
      .from(pushOutbox)
      .where(
        and(
          eq(pushOutbox.recordType, recordType),
          inArray(pushOutbox.recordId, jsonList(recordIds)),
          inArray(pushOutbox.state, ["pending", "sending"]),
          isNotNull(pushOutbox.fieldValues),
        ),
      ),
  ]);
  const ledger = new Map<string, Map<string, TFieldLedgerEntry>>();
  const entriesOf = (recordId: string) => {
    const entries = ledger.get(recordId) ?? new Map<string, TFieldLedgerEntry>();
    ledger.set(recordId, entries);
    return entries;
  };
  for (const row of settled)
    entriesOf(row.recordId).set(row.field, { value: row.value, source: row.source, state: row.state });
  for (const row of open) {
    for (const [field, queued] of Object.entries(row.fieldValues ?? {})) {
      entriesOf(row.recordId).set(field, { value: queued.value, source: queued.source, state: "queued" });
    }
  }
  return ledger;
}

/**
 * MAP-4: after a page is planned, the records it touched that are linked to prospects are planned
 * for auto-fill and auto-overwrite against the values just pulled; the writes join the page's own
 * fenced batch (one transaction: the records, the outbox rows). The records written to read
 * pending: the page's own row writes carry it, and one statement covers those it leaves alone.
 * Nothing when push is off for the object's kind, or when no mapped field of the object is on.
 */
export async function pulledPageMappingStatements<O extends TSyncObject>(
  db: TDatabase,
  input: { object: O; records: readonly TPulledRecord[]; plan: TPulledPagePlan<O>; mapping: TPullMapping },
): Promise<InStatement[]> {
  const { object, records, plan, mapping } = input;
  if (!isMappedObject(object)) return [];
  if (!mappingPushEnabled(mapping.push, object)) return [];
  const rules = mappingRules(mapping.resolved, object);
  if (rules.length === 0) return [];

  const touched = plan.actions.filter((action) => action.recordId && ACTIVE_KINDS.has(action.kind));
  if (touched.length === 0) return [];
  const recordIds = touched.map((action) => action.recordId!);
  const marks = new Map(plan.prospectMarks.map((mark) => [mark.prospectId, mark.crmRecordId]));
  const recordType = mappedRecordType(object);
  const [linked, ledger] = await Promise.all([
    loadLinkedProspects(
      db,
      recordIds,
      marks,
      rules.map((rule) => rule.tandem),
    ),
    loadFieldLedger(db, recordType, recordIds),
  ]);
  if (linked.size === 0) return [];

  // Salesforce's values as the page flattened them for the rows it writes; the others flattened here.
  const flattened = new Map<string, Record<string, unknown>>();
  for (const insert of plan.inserts) flattened.set(insert.id, insert.fields);
  for (const update of plan.updates) flattened.set(update.id, update.values.fields);
  const pulled = new Map(records.map((record) => [record.Id, record]));
  const candidates: TMappingCandidate[] = [];
  for (const action of touched) {
    const prospect = linked.get(action.recordId!);
    if (!prospect) continue;
    const record = pulled.get(action.sfId);
    const salesforce = flattened.get(action.recordId!) ?? (record ? flattenRecord(record) : null);
    if (!salesforce) continue;
    candidates.push({
      recordType,
      recordId: action.recordId!,
      object,
      name: recordName(salesforce),
      salesforce,
      prospect,
      ledger: ledger.get(action.recordId!) ?? new Map(),
    });
  }
  const { writes, reverts } = planFieldWrites(candidates, () => rules);
  const written = new Set(writes.map((write) => write.recordId));
  // The page writes these rows anyway: they carry the pending state, no second write needed.
  const unmarked = new Set(written);
  for (const insert of plan.inserts) {
    if (!written.has(insert.id)) continue;
    insert.pushState = "pending";
    unmarked.delete(insert.id);
  }
  for (const update of plan.updates) {
    if (!written.has(update.id)) continue;
    update.values.pushState = "pending";
    unmarked.delete(update.id);
  }
  return [
    ...fieldWriteStatements(writes, { now: plan.now, byUserId: null, markPending: false }),
    ...pendingStatements(recordType, [...unmarked]),
    ...revertStatements(reverts, plan.now),
  ];
}

/** Records marked pending whose rows the page does not write itself. */
function pendingStatements(recordType: "person" | "account", ids: string[]): InStatement[] {
  const table = recordType === "person" ? "crm_people" : "crm_accounts";
  const statements: InStatement[] = [];
  for (let start = 0; start < ids.length; start += 500) {
    const slice = ids.slice(start, start + 500);
    statements.push({
      sql: `UPDATE ${table} SET push_state = 'pending' WHERE id IN (${slice.map(() => "?").join(", ")})`,
      args: slice,
    });
  }
  return statements;
}

function recordName(fields: Readonly<Record<string, unknown>>): string {
  const name = fields.Name ?? [fields.FirstName, fields.LastName].filter(Boolean).join(" ");
  return typeof name === "string" && name ? name : "(no name)";
}
