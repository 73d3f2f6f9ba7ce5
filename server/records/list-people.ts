import "server-only";
import { and, count, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmPeople } from "@/db/schema";
import { getRecordsWorkspace, isVisible, listContext, salesforceRecordUrl } from "./get-records-workspace";
import {
  containsText,
  matchPhrase,
  orderTerms,
  ownerKey,
  pageOffset,
  searchesByTrigrams,
  withoutIndex,
} from "./list-query";
import { type TPeopleList, type TPeopleListInput, ZPeopleListInputSchema } from "./list-schemas";
import type { TPersonKind } from "./record-schemas";

const OBJECT_BY_KIND = { contact: "Contact", lead: "Lead" } as const;
const rowid = sql<number>`${crmPeople}.rowid`;

/**
 * Active contacts and leads, one page at a time. PULL-2: a hidden kind is left out entirely; the
 * page explains why from `context.hiddenObjects`.
 *
 * Built for 100,000 people in two steps: first the page's rowids (from the (kind, state, name)
 * index alone when the list is only narrowed by kind), then those rows with their accounts.
 *
 * `options.search` is how a search reads crm_people: through the trigram index (`index`, the
 * default), or by a LIKE scan of every row (`scan`), which tests and the load bench compare it with.
 */
export async function listPeople(
  db: TDatabase,
  rawInput: TPeopleListInput,
  options: { search?: TPeopleSearchMethod } = {},
): Promise<TPeopleList> {
  const input = ZPeopleListInputSchema.parse(rawInput);
  const workspace = await getRecordsWorkspace(db);
  const context = listContext(workspace, ["Contact", "Lead"]);
  const visibleKinds = (["contact", "lead"] as const).filter((kind) => isVisible(workspace, OBJECT_BY_KIND[kind]));
  const kinds: TPersonKind[] = input.kind ? visibleKinds.filter((kind) => kind === input.kind) : visibleKinds;
  const accountsVisible = isVisible(workspace, "Account");
  const empty = { rows: [], total: 0, page: input.page, pageSize: input.pageSize, context, account: null };
  if (kinds.length === 0) return empty;

  let account: { id: string; name: string; sfId: string | null } | undefined;
  if (input.accountId) {
    account = await db
      .select({ id: crmAccounts.id, name: crmAccounts.name, sfId: crmAccounts.sfId })
      .from(crmAccounts)
      .where(eq(crmAccounts.id, input.accountId))
      .get();
    // An account that is hidden, unknown or never reached Salesforce has no people to list.
    if (!account?.sfId || !accountsVisible)
      return { ...empty, account: account && accountsVisible ? { id: account.id, name: account.name } : null };
  }

  const term = input.search;
  const method = options.search ?? "index";
  const search = !term
    ? undefined
    : method === "index" && searchesByTrigrams(term)
      ? await indexedSearch(db, term, accountsVisible)
      : scannedSearch(term, accountsVisible);
  // When only kind, state and name matter, the (kind, state, name) index answers alone — even
  // deep pages, as SQLite merges the per-kind ranges. Anything else needs the rows themselves,
  // and then one pass over the table beats looking each index entry's row up (5–10× at 100,000).
  // The count needs no order: it can take the index whatever the sort.
  const narrowedByKindOnly = !input.owner && !input.source && !term && !account;
  const indexOnly = narrowedByKindOnly && (input.sort === "name" || input.sort === "kind");
  const filtered = (byIndex: boolean) =>
    and(
      eq(withoutIndex(crmPeople.state, !byIndex), "active"),
      inArray(withoutIndex(crmPeople.kind, !byIndex), kinds),
      input.owner ? sql`${ownerKey(crmPeople.ownerSfId, crmPeople.ownerName)} = ${input.owner}` : undefined,
      input.source ? eq(crmPeople.source, input.source) : undefined,
      account?.sfId ? eq(crmPeople.accountSfId, account.sfId) : undefined,
      search,
    );
  const where = filtered(indexOnly);

  const sortsByCompany = input.sort === "company";
  const companyColumn = sql<
    string | null
  >`coalesce(${accountsVisible ? crmAccounts.name : sql`null`}, ${crmPeople.company})`;
  const sortColumn = {
    name: crmPeople.name,
    kind: crmPeople.kind,
    title: crmPeople.title,
    company: companyColumn,
    email: crmPeople.emailNormalized,
    owner: crmPeople.ownerName,
    source: crmPeople.source,
  }[input.sort];
  const nullable = !["name", "kind", "source"].includes(input.sort);
  const order =
    input.sort === "kind"
      ? [...orderTerms(crmPeople.kind, input.direction, crmPeople.name, false), sql`${rowid}`]
      : orderTerms(sortColumn, input.direction, rowid, nullable);

  // Narrowed by more than kind, the page's query reads every match to sort them: it counts them
  // in that same pass rather than a second one (each is 30–50 ms for a search at 100,000 people).
  // Narrowed by kind only, the (kind, state, name) index counts in a few milliseconds.
  const selection = { rowid, total: narrowedByKindOnly ? sql<null>`null` : sql<number>`count(*) over ()` };
  const keysQuery = sortsByCompany
    ? db
        .select(selection)
        .from(crmPeople)
        .leftJoin(crmAccounts, eq(crmAccounts.sfId, crmPeople.accountSfId))
        .where(where)
    : db.select(selection).from(crmPeople).where(where);
  const keys = await keysQuery
    .orderBy(...order)
    .limit(input.pageSize)
    .offset(pageOffset(input.page, input.pageSize));
  const countAll = async () =>
    (await db.select({ total: count() }).from(crmPeople).where(filtered(narrowedByKindOnly)))[0]?.total ?? 0;
  // A page past the end has no row to read the count from.
  const total = keys[0]?.total ?? (keys.length === 0 && input.page === 1 ? 0 : await countAll());
  const rows = keys.length
    ? await db
        .select({
          rowid,
          id: crmPeople.id,
          sfId: crmPeople.sfId,
          kind: crmPeople.kind,
          name: crmPeople.name,
          title: crmPeople.title,
          email: crmPeople.email,
          company: crmPeople.company,
          accountId: crmAccounts.id,
          accountName: crmAccounts.name,
          ownerName: crmPeople.ownerName,
          ownerSfId: crmPeople.ownerSfId,
          source: crmPeople.source,
          pushState: crmPeople.pushState,
        })
        .from(crmPeople)
        // A contact created in Tandem links its account by Tandem id until both are in Salesforce.
        .leftJoin(crmAccounts, or(eq(crmAccounts.sfId, crmPeople.accountSfId), eq(crmAccounts.id, crmPeople.accountId)))
        .where(
          inArray(
            rowid,
            keys.map((key) => key.rowid),
          ),
        )
    : [];
  const position = new Map(keys.map((key, index) => [key.rowid, index]));
  rows.sort((left, right) => (position.get(left.rowid) ?? 0) - (position.get(right.rowid) ?? 0));

  return {
    rows: rows.map((row) => {
      const rowAccount =
        accountsVisible && row.accountId && row.accountName ? { id: row.accountId, name: row.accountName } : null;
      return {
        id: row.id,
        kind: row.kind,
        name: row.name,
        title: row.title,
        email: row.email,
        company: rowAccount?.name ?? row.company,
        account: rowAccount,
        owner: row.ownerName ?? row.ownerSfId,
        source: row.source,
        pushState: row.pushState,
        salesforceUrl: salesforceRecordUrl(workspace, OBJECT_BY_KIND[row.kind], row.sfId),
      };
    }),
    total: Number(total),
    page: input.page,
    pageSize: input.pageSize,
    context,
    account: account ? { id: account.id, name: account.name } : null,
  };
}

export type TPeopleSearchMethod = "index" | "scan";

/**
 * Above this many matches, reading the matching people one by one costs more than one pass over
 * crm_people (measured at 100,000 people: about even at 20,000; at 60,000 matches the pass that
 * checks each row against the index's matches takes 400–800 ms, the LIKE pass 70–150 ms).
 */
const BROAD_MATCHES = 20_000;

/**
 * Name, email or company contains the term (3 characters or more), from the trigram index
 * (db/migrations/0007); so does the account's name, for contacts.
 *
 * The index folds the case of every letter ("ölaf" finds "Ölaf"), as people expect of a search
 * box; LIKE folds ASCII letters only. So it finds all that the scan finds and, with non-ASCII
 * letters, also what differs from the term only in their case. Shorter terms, which it cannot
 * answer, and account names (a LIKE pass over accounts costs about 5 ms at 20,000) keep LIKE.
 *
 * A term the index finds in more than BROAD_MATCHES people ("com", "gmail") needs a pass over
 * crm_people either way: when LIKE finds the same people (a term of ASCII characters only), that
 * pass is the LIKE scan; otherwise it checks each row against the index's matches.
 */
async function indexedSearch(db: TDatabase, term: string, accountsVisible: boolean): Promise<SQL | undefined> {
  const broad = (await countIndexMatches(db, term, BROAD_MATCHES + 1)) > BROAD_MATCHES;
  if (broad && isAscii(term)) return scannedSearch(term, accountsVisible);
  return or(
    sql`${withoutIndex(crmPeople.id, broad)} in (${indexedMatches(term)})`,
    accountsVisible ? accountNameContains(term) : undefined,
  );
}

function isAscii(term: string): boolean {
  return /^[\x00-\x7f]*$/.test(term);
}

/** The same search by LIKE over every person: ASCII letters only fold their case. */
function scannedSearch(term: string, accountsVisible: boolean): SQL | undefined {
  return or(
    containsText(crmPeople.name, term),
    containsText(crmPeople.emailNormalized, term.toLowerCase()),
    containsText(crmPeople.company, term),
    accountsVisible ? accountNameContains(term) : undefined,
  );
}

/** The person's account's name contains the term: one pass over the accounts, not a join per person. */
function accountNameContains(term: string): SQL {
  return sql`${crmPeople.accountSfId} in (select ${crmAccounts.sfId} from ${crmAccounts} where ${containsText(crmAccounts.name, term)})`;
}

/** The ids of the people whose name, email or company contains `term`, from the trigram index. */
function indexedMatches(term: string): SQL {
  return sql`select person_id from people_search_docs where doc in (select rowid from people_search where people_search match ${matchPhrase(term)})`;
}

/** How many people the index matches (any state), counting no further than `limit`: the index alone answers it. */
async function countIndexMatches(db: TDatabase, term: string, limit: number): Promise<number> {
  const [row] = await db.all<{ matches: number }>(
    sql`select count(*) as matches from (select 1 from people_search where people_search match ${matchPhrase(term)} limit ${limit})`,
  );
  return Number(row?.matches ?? 0);
}
