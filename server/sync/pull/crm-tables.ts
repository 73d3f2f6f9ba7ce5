import { inArray } from "drizzle-orm";
import type { TDatabaseOrTransaction } from "@/db/client";
import { crmAccounts, crmOpportunities, crmPeople, type TSyncObject } from "@/db/schema";
import { mapAccount, mapOpportunity, mapPerson, type TPulledRecord } from "./core/pull-objects";

/** How each pulled object lands in Tandem: its table, its activity-log record type, its typed columns. */
export type TCrmTable = typeof crmPeople | typeof crmAccounts | typeof crmOpportunities;
export type TCrmRow = {
  id: string;
  sfId: string | null;
  fields: Record<string, unknown>;
  contentHash: string | null;
  systemModstamp: string | null;
  state: string;
  kind?: string;
  emailNormalized?: string | null;
  domainNormalized?: string | null;
  name: string;
};

export type TObjectSpec = {
  table: TCrmTable;
  recordType: "person" | "account" | "opportunity";
  columns(record: TPulledRecord): Record<string, unknown>;
};

export const OBJECT_SPECS: Record<TSyncObject, TObjectSpec> = {
  Account: { table: crmAccounts, recordType: "account", columns: mapAccount },
  Contact: { table: crmPeople, recordType: "person", columns: (record) => mapPerson(record, "contact") },
  Lead: { table: crmPeople, recordType: "person", columns: (record) => mapPerson(record, "lead") },
  Opportunity: { table: crmOpportunities, recordType: "opportunity", columns: mapOpportunity },
};

const CHUNK = 500;

/** The Tandem rows for some Salesforce Ids, by Salesforce Id. */
export async function loadBySfIds(
  db: TDatabaseOrTransaction,
  table: TCrmTable,
  sfIds: string[],
): Promise<Map<string, TCrmRow>> {
  const rows = new Map<string, TCrmRow>();
  for (let start = 0; start < sfIds.length; start += CHUNK) {
    const chunk = sfIds.slice(start, start + CHUNK);
    // The three tables share these columns; drizzle cannot type a union of tables.
    const found = (await (db as any).select().from(table).where(inArray(table.sfId, chunk))) as TCrmRow[];
    for (const row of found) if (row.sfId) rows.set(row.sfId, row);
  }
  return rows;
}
