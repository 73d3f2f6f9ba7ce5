import { asc, eq } from "drizzle-orm";
import Papa from "papaparse";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmOpportunities, crmPeople } from "@/db/schema";
import { listProspectsForExport } from "@/server/prospects/list-prospects-for-export";
import { escapeCsvRows } from "./csv-cell";

export const EXPORT_KINDS = ["people", "accounts", "opportunities", "prospects"] as const;
export type TExportKind = (typeof EXPORT_KINDS)[number];

/**
 * `tandem export`: every active row with its Salesforce Id, source and flags. `pushState`
 * (local|pending|pushed|failed) says where Tandem's writes stand; empty for a record Tandem never wrote.
 */
export async function exportRows(db: TDatabase, kind: TExportKind): Promise<Array<Record<string, unknown>>> {
  if (kind === "people") {
    const rows = await db.select().from(crmPeople).where(eq(crmPeople.state, "active")).orderBy(asc(crmPeople.name));
    return rows.map((row) => ({
      id: row.id,
      salesforceId: row.sfId,
      kind: row.kind,
      name: row.name,
      email: row.email,
      title: row.title,
      company: row.company,
      accountSalesforceId: row.accountSfId,
      owner: row.ownerName,
      leadStatus: row.leadStatus,
      source: row.source,
      state: row.state,
      pushState: row.pushState,
    }));
  }
  if (kind === "accounts") {
    const rows = await db
      .select()
      .from(crmAccounts)
      .where(eq(crmAccounts.state, "active"))
      .orderBy(asc(crmAccounts.name));
    return rows.map((row) => ({
      id: row.id,
      salesforceId: row.sfId,
      name: row.name,
      website: row.website,
      domain: row.domainNormalized,
      industry: row.industry,
      city: row.city,
      country: row.country,
      owner: row.ownerName,
      source: row.source,
      state: row.state,
      pushState: row.pushState,
    }));
  }
  if (kind === "opportunities") {
    const rows = await db
      .select()
      .from(crmOpportunities)
      .where(eq(crmOpportunities.state, "active"))
      .orderBy(asc(crmOpportunities.name));
    return rows.map((row) => ({
      id: row.id,
      salesforceId: row.sfId,
      name: row.name,
      accountSalesforceId: row.accountSfId,
      stage: row.stageName,
      amount: row.amount,
      closeDate: row.closeDate,
      isClosed: row.isClosed,
      isWon: row.isWon,
      owner: row.ownerName,
      source: row.source,
      state: row.state,
      pushState: row.pushState,
    }));
  }
  return (await listProspectsForExport(db, {})) as Array<Record<string, unknown>>;
}

export function toCsv(rows: Array<Record<string, unknown>>): string {
  return Papa.unparse(escapeCsvRows(rows), { newline: "\n" });
}
