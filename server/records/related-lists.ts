import "server-only";
import { and, asc, count, eq, or, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmOpportunities, crmPeople } from "@/db/schema";
import { isVisible, salesforceRecordUrl, type TRecordsWorkspace } from "./get-records-workspace";
import { withoutIndex } from "./list-query";
import type { TRelatedList, TRelatedRecord } from "./profile-schemas";

/** Rows shown in a related list before "View all". */
export const RELATED_LIMIT = 10;

export type TAccountRef = {
  id: string;
  name: string;
  /** Null for an account created in Tandem that is not in Salesforce yet. */
  sfId: string | null;
  industry: string | null;
  city: string | null;
  country: string | null;
};

/**
 * A record's account, in any state, when accounts are in view: by its Salesforce Id, or by the
 * Tandem id a record created in Tandem carries before either reaches Salesforce.
 */
export async function findAccount(
  db: TDatabase,
  workspace: TRecordsWorkspace,
  link: { accountSfId: string | null; accountId?: string | null },
): Promise<TAccountRef | null> {
  if (!isVisible(workspace, "Account")) return null;
  const where = link.accountId
    ? eq(crmAccounts.id, link.accountId)
    : link.accountSfId
      ? eq(crmAccounts.sfId, link.accountSfId)
      : null;
  if (!where) return null;
  const row = await db
    .select({
      id: crmAccounts.id,
      name: crmAccounts.name,
      sfId: crmAccounts.sfId,
      industry: crmAccounts.industry,
      city: crmAccounts.city,
      country: crmAccounts.country,
    })
    .from(crmAccounts)
    .where(where)
    .get();
  return row ?? null;
}

/**
 * Records linked to an account: by its Salesforce Id, or (created in Tandem) by its Tandem id.
 * Combine it with the other filters through `withoutIndex`: SQLite then reads the two account
 * indexes (a few rows) instead of walking every active record by the state index and testing
 * each (145–290 ms a call at 100,000 records, measured by the load bench).
 */
function linkedTo(columns: typeof crmPeople | typeof crmOpportunities, account: Pick<TAccountRef, "id" | "sfId">) {
  return account.sfId
    ? or(eq(columns.accountSfId, account.sfId), eq(columns.accountId, account.id))
    : eq(columns.accountId, account.id);
}

/** The account as a related record: its name, with industry and place beneath. */
export function accountRecord(workspace: TRecordsWorkspace, account: TAccountRef): TRelatedRecord {
  const place = [account.city, account.country].filter(Boolean).join(", ");
  const detail = [account.industry, place].filter(Boolean).join(" · ");
  return {
    id: account.id,
    name: account.name,
    detail: detail || null,
    kind: null,
    salesforceUrl: salesforceRecordUrl(workspace, "Account", account.sfId),
  };
}

/** An account's active contacts, by name. */
export async function contactsOfAccount(
  db: TDatabase,
  workspace: TRecordsWorkspace,
  account: Pick<TAccountRef, "id" | "sfId"> | null,
): Promise<TRelatedList> {
  const hidden = !isVisible(workspace, "Contact");
  if (hidden || !account) return { object: "Contact", hidden, total: 0, records: [], viewAllHref: null };
  const where = and(
    linkedTo(crmPeople, account),
    eq(withoutIndex(crmPeople.kind), "contact"),
    eq(withoutIndex(crmPeople.state), "active"),
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: crmPeople.id,
        name: crmPeople.name,
        title: crmPeople.title,
        email: crmPeople.email,
        sfId: crmPeople.sfId,
      })
      .from(crmPeople)
      .where(where)
      .orderBy(asc(crmPeople.name), asc(crmPeople.id))
      .limit(RELATED_LIMIT),
    db.select({ total: count() }).from(crmPeople).where(where),
  ]);
  return {
    object: "Contact",
    hidden: false,
    total: counted?.total ?? 0,
    records: rows.map((row) => ({
      id: row.id,
      name: row.name,
      detail: row.title ?? row.email,
      kind: "contact" as const,
      salesforceUrl: salesforceRecordUrl(workspace, "Contact", row.sfId),
    })),
    viewAllHref: `/people?kind=contact&account=${encodeURIComponent(account.id)}`,
  };
}

function compactAmount(amount: number, currency: unknown): string {
  const code = typeof currency === "string" && /^[A-Z]{3}$/.test(currency) ? currency : "USD";
  return new Intl.NumberFormat("en", {
    style: "currency",
    currency: code,
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(amount);
}

/** An account's active opportunities, latest close date first. */
export async function opportunitiesOfAccount(
  db: TDatabase,
  workspace: TRecordsWorkspace,
  account: Pick<TAccountRef, "id" | "sfId"> | null,
): Promise<TRelatedList> {
  const hidden = !isVisible(workspace, "Opportunity");
  if (hidden || !account) return { object: "Opportunity", hidden, total: 0, records: [], viewAllHref: null };
  const where = and(linkedTo(crmOpportunities, account), eq(withoutIndex(crmOpportunities.state), "active"));
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: crmOpportunities.id,
        name: crmOpportunities.name,
        stage: crmOpportunities.stageName,
        amount: crmOpportunities.amount,
        currency: sql<string | null>`json_extract(${crmOpportunities.fields}, '$.CurrencyIsoCode')`,
        sfId: crmOpportunities.sfId,
      })
      .from(crmOpportunities)
      .where(where)
      .orderBy(
        sql`${crmOpportunities.closeDate} is null`,
        sql`${crmOpportunities.closeDate} desc`,
        asc(crmOpportunities.id),
      )
      .limit(RELATED_LIMIT),
    db.select({ total: count() }).from(crmOpportunities).where(where),
  ]);
  return {
    object: "Opportunity",
    hidden: false,
    total: counted?.total ?? 0,
    records: rows.map((row) => ({
      id: row.id,
      name: row.name,
      detail:
        [row.stage, row.amount === null ? null : compactAmount(row.amount, row.currency)].filter(Boolean).join(" · ") ||
        null,
      kind: null,
      salesforceUrl: salesforceRecordUrl(workspace, "Opportunity", row.sfId),
    })),
    viewAllHref: `/opportunities?account=${encodeURIComponent(account.id)}`,
  };
}
