import "server-only";
import { and, count, eq, or, type SQL, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmOpportunities } from "@/db/schema";
import { getRecordsWorkspace, isVisible, listContext, salesforceRecordUrl } from "./get-records-workspace";
import { containsText, orderTerms, ownerKey, pageOffset, withoutIndex } from "./list-query";
import { type TOpportunitiesList, type TOpportunitiesListInput, ZOpportunitiesListInputSchema } from "./list-schemas";

const STATUS_FILTERS = {
  open: sql`coalesce(${crmOpportunities.isClosed}, 0) = 0`,
  won: sql`${crmOpportunities.isWon} = 1`,
  lost: sql`${crmOpportunities.isClosed} = 1 and coalesce(${crmOpportunities.isWon}, 0) = 0`,
};

/** Active opportunities, one page at a time, with their account when accounts are in view. */
export async function listOpportunities(db: TDatabase, rawInput: TOpportunitiesListInput): Promise<TOpportunitiesList> {
  const input = ZOpportunitiesListInputSchema.parse(rawInput);
  const workspace = await getRecordsWorkspace(db);
  const context = listContext(workspace, ["Opportunity"]);
  const empty = { rows: [], total: 0, page: input.page, pageSize: input.pageSize, context, account: null };
  if (!isVisible(workspace, "Opportunity")) return empty;
  const accountsVisible = isVisible(workspace, "Account");

  let account: { id: string; name: string; sfId: string | null } | undefined;
  if (input.accountId) {
    account = await db
      .select({ id: crmAccounts.id, name: crmAccounts.name, sfId: crmAccounts.sfId })
      .from(crmAccounts)
      .where(eq(crmAccounts.id, input.accountId))
      .get();
    if (!account?.sfId || !accountsVisible)
      return { ...empty, account: account && accountsVisible ? { id: account.id, name: account.name } : null };
  }

  const accountName = accountsVisible ? crmAccounts.name : sql<string | null>`null`;
  const term = input.search;
  const filters: Array<SQL | undefined> = [
    // One account's opportunities: its account index finds them, not a walk of every active one.
    eq(withoutIndex(crmOpportunities.state, Boolean(account?.sfId)), "active"),
    input.owner ? sql`${ownerKey(crmOpportunities.ownerSfId, crmOpportunities.ownerName)} = ${input.owner}` : undefined,
    input.source ? eq(crmOpportunities.source, input.source) : undefined,
    input.status ? STATUS_FILTERS[input.status] : undefined,
    account?.sfId ? eq(crmOpportunities.accountSfId, account.sfId) : undefined,
    term
      ? or(
          containsText(crmOpportunities.name, term),
          accountsVisible ? containsText(crmAccounts.name, term) : undefined,
        )
      : undefined,
  ];
  const where = and(...filters);
  const sortColumn = {
    name: crmOpportunities.name,
    account: accountName,
    stage: crmOpportunities.stageName,
    amount: crmOpportunities.amount,
    closeDate: crmOpportunities.closeDate,
    owner: crmOpportunities.ownerName,
  }[input.sort];

  const countQuery =
    term && accountsVisible
      ? db
          .select({ total: count() })
          .from(crmOpportunities)
          .leftJoin(crmAccounts, eq(crmAccounts.sfId, crmOpportunities.accountSfId))
          .where(where)
      : db.select({ total: count() }).from(crmOpportunities).where(where);
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: crmOpportunities.id,
        sfId: crmOpportunities.sfId,
        name: crmOpportunities.name,
        accountId: accountsVisible ? crmAccounts.id : sql<string | null>`null`,
        accountName,
        stage: crmOpportunities.stageName,
        amount: crmOpportunities.amount,
        currency: sql<string | null>`json_extract(${crmOpportunities.fields}, '$.CurrencyIsoCode')`,
        closeDate: crmOpportunities.closeDate,
        isClosed: crmOpportunities.isClosed,
        isWon: crmOpportunities.isWon,
        ownerName: crmOpportunities.ownerName,
        ownerSfId: crmOpportunities.ownerSfId,
        source: crmOpportunities.source,
        pushState: crmOpportunities.pushState,
      })
      .from(crmOpportunities)
      .leftJoin(crmAccounts, eq(crmAccounts.sfId, crmOpportunities.accountSfId))
      .where(where)
      .orderBy(...orderTerms(sortColumn, input.direction, crmOpportunities.id, input.sort !== "name"))
      .limit(input.pageSize)
      .offset(pageOffset(input.page, input.pageSize)),
    countQuery,
  ]);

  return {
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      account: row.accountId && row.accountName ? { id: row.accountId, name: row.accountName } : null,
      stage: row.stage,
      amount: row.amount,
      currency: typeof row.currency === "string" ? row.currency : null,
      closeDate: row.closeDate,
      isClosed: row.isClosed,
      isWon: row.isWon,
      owner: row.ownerName ?? row.ownerSfId,
      source: row.source,
      pushState: row.pushState,
      salesforceUrl: salesforceRecordUrl(workspace, "Opportunity", row.sfId),
    })),
    total: counted?.total ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    context,
    account: account ? { id: account.id, name: account.name } : null,
  };
}
