import type { InStatement } from "@libsql/client";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
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
import { MAPPED_OBJECTS, mappedRecordType, type TMappedObject } from "../core/field-mapping";
import {
  planFieldWrites,
  type TFieldLedgerEntry,
  type TMappingCandidate,
  type TMappingRule,
} from "../core/plan-field-writes";
import { flattenRecord, type TPulledRecord } from "../core/pull-objects";
import type { TPulledPagePlan } from "../core/pulled-page-plan";
import type { TSyncObject } from "../core/sync-objects";
import { fieldWriteStatements, revertStatements } from "../push/enqueue-field-writes";
import { selectInChunks } from "./select-in-chunks";

/** The mapping as a pull applies it: read once per page, so a change takes effect at the next pull. */
export type TPullMapping = { resolved: TResolvedMapping; push: TPushSettings };

export async function readPullMapping(db: TDatabase): Promise<TPullMapping> {
  const read = await readSettings(db, ["mapping.fields", "salesforce.pushInfo", "push.settings"]);
  return { resolved: resolveMapping(read["mapping.fields"], read["salesforce.pushInfo"]), push: read["push.settings"] };
}

const ACTIVE_KINDS = new Set(["created", "updated", "restored", "unchanged"]);

/** What the planner reads of a prospect: the columns a mapping can name, and the extras. */
const PROSPECT_COLUMNS = {
  id: prospects.id,
  crmRecordId: prospects.crmRecordId,
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
export type TProspectValues = {
  [K in keyof typeof PROSPECT_COLUMNS]: (typeof PROSPECT_COLUMNS)[K]["_"]["data"] | null;
};

/** The prospects linked to some CRM records (PULL-3), one per record: the first linked wins. */
export async function loadLinkedProspects(
  db: TDatabase,
  recordIds: readonly string[],
  markedProspectIds: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, TProspectValues>> {
  const [linked, marked] = await Promise.all([
    selectInChunks(recordIds, (slice) =>
      db.select(PROSPECT_COLUMNS).from(prospects).where(inArray(prospects.crmRecordId, slice)),
    ),
    selectInChunks([...markedProspectIds.keys()], (slice) =>
      db.select(PROSPECT_COLUMNS).from(prospects).where(inArray(prospects.id, slice)),
    ),
  ]);
  const byRecord = new Map<string, TProspectValues>();
  for (const row of [...linked].sort((a, b) => a.id.localeCompare(b.id))) {
    if (row.crmRecordId && !byRecord.has(row.crmRecordId)) byRecord.set(row.crmRecordId, row);
  }
  for (const row of marked) {
    const recordId = markedProspectIds.get(row.id);
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
  const [settled, open] = await Promise.all([
    selectInChunks(recordIds, (slice) =>
      db
        .select({
          recordId: fieldWrites.recordId,
          field: fieldWrites.field,
          value: fieldWrites.value,
          source: fieldWrites.source,
          state: fieldWrites.state,
        })
        .from(fieldWrites)
        .where(and(eq(fieldWrites.recordType, recordType), inArray(fieldWrites.recordId, slice))),
    ),
    selectInChunks(recordIds, (slice) =>
      db
        .select({ recordId: pushOutbox.recordId, fieldValues: pushOutbox.fieldValues })
        .from(pushOutbox)
        .where(
          and(
            eq(pushOutbox.recordType, recordType),
            inArray(pushOutbox.recordId, slice),
            inArray(pushOutbox.state, ["pending", "sending"]),
            isNotNull(pushOutbox.fieldValues),
          ),
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
 * fenced batch (one transaction: the records, the outbox rows, the ledger). Nothing when push is
 * off for the object's kind, or when no mapped field of the object is on.
 */
export async function pulledPageMappingStatements<O extends TSyncObject>(
  db: TDatabase,
  input: { object: O; records: readonly TPulledRecord[]; plan: TPulledPagePlan<O>; mapping: TPullMapping },
): Promise<InStatement[]> {
  const { object, records, plan, mapping } = input;
  if (!(MAPPED_OBJECTS as readonly string[]).includes(object)) return [];
  const mapped = object as TMappedObject;
  if (!mappingPushEnabled(mapping.push, mapped)) return [];
  const rules = mappingRules(mapping.resolved, mapped);
  if (rules.length === 0) return [];

  const touched = plan.actions.filter((action) => action.recordId && ACTIVE_KINDS.has(action.kind));
  if (touched.length === 0) return [];
  const recordIds = touched.map((action) => action.recordId!);
  const marks = new Map(plan.prospectMarks.map((mark) => [mark.prospectId, mark.crmRecordId]));
  const recordType = mappedRecordType(mapped);
  const [linked, ledger] = await Promise.all([
    loadLinkedProspects(db, recordIds, marks),
    loadFieldLedger(db, recordType, recordIds),
  ]);
  if (linked.size === 0) return [];

  const pulled = new Map(records.map((record) => [record.Id, record]));
  const candidates: TMappingCandidate[] = [];
  for (const action of touched) {
    const prospect = linked.get(action.recordId!);
    const record = pulled.get(action.sfId);
    if (!prospect || !record) continue;
    const salesforce = flattenRecord(record);
    candidates.push({
      recordType,
      recordId: action.recordId!,
      object: mapped,
      name: recordName(salesforce),
      salesforce,
      prospect,
      ledger: ledger.get(action.recordId!) ?? new Map(),
    });
  }
  return mappingPlanStatements(candidates, () => rules, plan.now);
}

/** The planner's decisions for some candidates, as statements. */
export function mappingPlanStatements(
  candidates: readonly TMappingCandidate[],
  rulesFor: (object: TMappedObject) => readonly TMappingRule[],
  now: number,
): InStatement[] {
  const { writes, reverts } = planFieldWrites(candidates, rulesFor);
  return [...fieldWriteStatements(writes, { now, byUserId: null }), ...revertStatements(reverts, now)];
}

function recordName(fields: Readonly<Record<string, unknown>>): string {
  const name = fields.Name ?? [fields.FirstName, fields.LastName].filter(Boolean).join(" ");
  return typeof name === "string" && name ? name : "(no name)";
}
