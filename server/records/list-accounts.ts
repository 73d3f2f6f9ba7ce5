import "server-only";
import { and, count, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts } from "@/db/schema";
import { getRecordsWorkspace, isVisible, listContext, salesforceRecordUrl } from "./get-records-workspace";
import { containsText, orderTerms, ownerKey, pageOffset } from "./list-query";
import { type TAccountsList, type TAccountsListInput, ZAccountsListInputSchema } from "./list-schemas";

/*
 * Counted per row of the page only (25–100 correlated lookups on crm_people_account_idx and
 * crm_opportunities_account_idx), never for the whole table, which is why they are not sortable.
 * They are read in a second query, for the page's ids: in the page's own query, a sort no index
 * answers (industry, location) made SQLite count for every account before sorting — 1.5–2 s at
 * 20,000 accounts, with the server's thread blocked meanwhile.
 */
// Spelled out in full: Drizzle leaves columns of a one-table select unqualified, and a bare
// "sf_id" inside the subquery would mean the person's own.
const accountSfId = sql.raw(`"crm_accounts"."sf_id"`);
// `+` keeps SQLite on the account indexes: it took the opportunities' (state, name) index, and
// each count walked every active opportunity (94 ms for a page of 25 accounts at 100,000 records,
// 0.2 ms by the account index).
const contactCount = sql<number>`(select count(*) from crm_people p where p.account_sf_id = ${accountSfId} and +p.kind = 'contact' and +p.state = 'active')`;
const openOpportunityCount = sql<number>`(select count(*) from crm_opportunities o where o.account_sf_id = ${accountSfId} and +o.state = 'active' and coalesce(o.is_closed, 0) = 0)`;

/** Active accounts, one page at a time; PULL-2 hides all of them, or only their counts. */
export async function listAccounts(db: TDatabase, rawInput: TAccountsListInput): Promise<TAccountsList> {
  const input = ZAccountsListInputSchema.parse(rawInput);
  const workspace = await getRecordsWorkspace(db);
  const context = listContext(workspace, ["Account"]);
  if (!isVisible(workspace, "Account"))
    return { rows: [], total: 0, page: input.page, pageSize: input.pageSize, context, account: null };
  const contactsVisible = isVisible(workspace, "Contact");
  const opportunitiesVisible = isVisible(workspace, "Opportunity");

  const term = input.search;
  const filters: Array<SQL | undefined> = [
    eq(crmAccounts.state, "active"),
    input.owner ? sql`${ownerKey(crmAccounts.ownerSfId, crmAccounts.ownerName)} = ${input.owner}` : undefined,
    input.source ? eq(crmAccounts.source, input.source) : undefined,
    term
      ? or(
          containsText(crmAccounts.name, term),
          containsText(crmAccounts.website, term),
          containsText(crmAccounts.domainNormalized, term.toLowerCase()),
        )
      : undefined,
  ];
  const where = and(...filters);
  const sortColumn = {
    name: crmAccounts.name,
    website: crmAccounts.domainNormalized,
    industry: crmAccounts.industry,
    location: sql`nullif(trim(coalesce(${crmAccounts.country}, '') || ' ' || coalesce(${crmAccounts.city}, '')), '')`,
    owner: crmAccounts.ownerName,
  }[input.sort];

  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: crmAccounts.id,
        sfId: crmAccounts.sfId,
        name: crmAccounts.name,
        website: crmAccounts.website,
        domain: crmAccounts.domainNormalized,
        industry: crmAccounts.industry,
        city: crmAccounts.city,
        country: crmAccounts.country,
        ownerName: crmAccounts.ownerName,
        ownerSfId: crmAccounts.ownerSfId,
        source: crmAccounts.source,
        pushState: crmAccounts.pushState,
      })
      .from(crmAccounts)
      .where(where)
      .orderBy(...orderTerms(sortColumn, input.direction, crmAccounts.id, input.sort !== "name"))
      .limit(input.pageSize)
      .offset(pageOffset(input.page, input.pageSize)),
    db.select({ total: count() }).from(crmAccounts).where(where),
  ]);
  const counts = new Map(
    rows.length > 0 && (contactsVisible || opportunitiesVisible)
      ? (
          await db
            .select({
              id: crmAccounts.id,
              contactCount: contactsVisible ? contactCount : sql<null>`null`,
              openOpportunityCount: opportunitiesVisible ? openOpportunityCount : sql<null>`null`,
            })
            .from(crmAccounts)
            .where(
              inArray(
                crmAccounts.id,
                rows.map((row) => row.id),
              ),
            )
        ).map((row) => [row.id, row] as const)
      : [],
  );

  return {
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      website: row.website,
      domain: row.domain,
      industry: row.industry,
      city: row.city,
      country: row.country,
      owner: row.ownerName ?? row.ownerSfId,
      source: row.source,
      pushState: row.pushState,
      ...pageCounts(counts.get(row.id)),
      salesforceUrl: salesforceRecordUrl(workspace, "Account", row.sfId),
    })),
    total: counted?.total ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    context,
    account: null,
  };
}

function pageCounts(row: { contactCount: number | null; openOpportunityCount: number | null } | undefined) {
  return {
    contactCount: row?.contactCount == null ? null : Number(row.contactCount),
    openOpportunityCount: row?.openOpportunityCount == null ? null : Number(row.openOpportunityCount),
  };
}
