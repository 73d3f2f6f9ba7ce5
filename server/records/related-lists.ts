import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmOpportunities, crmPeople } from "@/db/schema";
import { isVisible, salesforceRecordUrl, type TRecordsWorkspace } from "./get-records-workspace";
import type { TRelatedList, TRelatedRecord } from "./profile-schemas";

/** Rows shown in a related list before "View all". */
export const RELATED_LIMIT = 10;

export type TAccountRef = {
  id: string;
  name: string;
  sfId: string;
  industry: string | null;
  city: string | null;
  country: string | null;
};

/** The account with this Salesforce id, in any state, when accounts are in view. */
export async function findAccount(
  db: TDatabase,
  workspace: TRecordsWorkspace,
  accountSfId: string | null,
): Promise<TAccountRef | null> {
  if (!accountSfId || !isVisible(workspace, "Account")) return null;
  const row = await db
    .select({
      id: crmAccounts.id,
      name: crmAccounts.name,
      industry: crmAccounts.industry,
      city: crmAccounts.city,
      country: crmAccounts.country,
    })
    .from(crmAccounts)
    .where(eq(crmAccounts.sfId, accountSfId))
    .get();
  return row ? { ...row, sfId: accountSfId } : null;
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
    eq(crmPeople.accountSfId, account.sfId),
    eq(crmPeople.kind, "contact"),
    eq(crmPeople.state, "active"),
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
  const where = and(eq(crmOpportunities.accountSfId, account.sfId), eq(crmOpportunities.state, "active"));
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
