import "server-only";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmPeople, prospects } from "@/db/schema";
import { mappedRecordType, type TMappedObject } from "@/server/sync/core/field-mapping";
import type { TMappingCandidate } from "@/server/sync/core/plan-field-writes";
import { loadFieldLedger, PROSPECT_VALUES } from "@/server/sync/pull/map-fields";
import { selectInChunks } from "@/server/sync/pull/select-in-chunks";

const PROSPECT = { prospectId: prospects.id, prospect: PROSPECT_VALUES };

/** A linked record as the mapping page and the Enrichment page see it. */
export type TLinkedRecord = TMappingCandidate & {
  sfId: string;
  ownerSfId: string | null;
  ownerName: string | null;
  prospectId: string;
};

/**
 * Every active CRM record of an object that Salesforce knows and a prospect is linked to (PULL-3),
 * with Salesforce's values as last pulled, the prospect's values and Tandem's earlier writes: what
 * MAP-2/3 and MAP-5 compare, read from Tandem's data alone (no API call). One record per link;
 * when several prospects match one record, the first linked is the one compared.
 */
export async function loadLinkedRecords(
  db: TDatabase,
  object: TMappedObject,
  only?: readonly string[],
): Promise<TLinkedRecord[]> {
  if (only) {
    const rows = await selectInChunks(only, (slice) => selectLinked(db, object, slice));
    return withLedger(db, object, rows);
  }
  return withLedger(db, object, await selectLinked(db, object, null));
}

type TLinkedRow = {
  id: string;
  sfId: string | null;
  name: string;
  fields: Record<string, unknown>;
  ownerSfId: string | null;
  ownerName: string | null;
  prospectId: string;
  prospect: { [K in keyof typeof PROSPECT_VALUES]: (typeof PROSPECT_VALUES)[K]["_"]["data"] | null };
};

async function selectLinked(db: TDatabase, object: TMappedObject, ids: string[] | null): Promise<TLinkedRow[]> {
  const recordType = mappedRecordType(object);
  return recordType === "account"
    ? db
        .select({
          id: crmAccounts.id,
          sfId: crmAccounts.sfId,
          name: crmAccounts.name,
          fields: crmAccounts.fields,
          ownerSfId: crmAccounts.ownerSfId,
          ownerName: crmAccounts.ownerName,
          ...PROSPECT,
        })
        .from(prospects)
        .innerJoin(crmAccounts, eq(crmAccounts.id, prospects.crmRecordId))
        .where(
          and(
            eq(prospects.crmRecordType, "account"),
            eq(crmAccounts.state, "active"),
            isNotNull(crmAccounts.sfId),
            ids ? inArray(crmAccounts.id, ids) : undefined,
          ),
        )
        .orderBy(asc(crmAccounts.name), asc(prospects.id))
    : db
        .select({
          id: crmPeople.id,
          sfId: crmPeople.sfId,
          name: crmPeople.name,
          fields: crmPeople.fields,
          ownerSfId: crmPeople.ownerSfId,
          ownerName: crmPeople.ownerName,
          ...PROSPECT,
        })
        .from(prospects)
        .innerJoin(crmPeople, eq(crmPeople.id, prospects.crmRecordId))
        .where(
          and(
            eq(prospects.crmRecordType, "person"),
            eq(crmPeople.kind, object === "Lead" ? "lead" : "contact"),
            eq(crmPeople.state, "active"),
            isNotNull(crmPeople.sfId),
            ids ? inArray(crmPeople.id, ids) : undefined,
          ),
        )
        .orderBy(asc(crmPeople.name), asc(prospects.id));
}

async function withLedger(db: TDatabase, object: TMappedObject, rows: TLinkedRow[]): Promise<TLinkedRecord[]> {
  const recordType = mappedRecordType(object);
  const seen = new Set<string>();
  const unique = rows.filter((row) => !seen.has(row.id) && seen.add(row.id));
  const ledger = await loadFieldLedger(
    db,
    recordType,
    unique.map((row) => row.id),
  );
  return unique.map((row) => ({
    recordType,
    recordId: row.id,
    object,
    name: row.name,
    sfId: row.sfId!,
    ownerSfId: row.ownerSfId,
    ownerName: row.ownerName,
    prospectId: row.prospectId,
    salesforce: row.fields,
    prospect: row.prospect,
    ledger: ledger.get(row.id) ?? new Map(),
  }));
}
