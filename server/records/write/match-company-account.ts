import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts } from "@/db/schema";
import { selectInChunks } from "@/server/sync/pull/select-in-chunks";

/** An account a person's company may be. */
export type TCompanyAccount = {
  id: string;
  name: string;
  website: string | null;
  domainNormalized: string | null;
  sfId: string | null;
};

export type TCompanyMatch =
  | { status: "one"; account: TCompanyAccount }
  | { status: "none" }
  | { status: "several"; candidates: TCompanyAccount[] };

/** Company names compare exactly, but trimmed and case-insensitive. */
export function companyNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Which account a company is: the accounts with its web domain or its name. Exactly one is the
 * account; several are for the rep to choose from (in bulk, none is chosen).
 */
export function matchCompanyAccount(
  accounts: readonly TCompanyAccount[],
  company: { domain: string | null; name: string | null },
): TCompanyMatch {
  const nameKey = company.name ? companyNameKey(company.name) : null;
  const matches = accounts.filter(
    (account) =>
      (company.domain !== null && account.domainNormalized === company.domain) ||
      (nameKey !== null && companyNameKey(account.name) === nameKey),
  );
  const distinct = [...new Map(matches.map((account) => [account.id, account])).values()];
  if (distinct.length === 1 && distinct[0]) return { status: "one", account: distinct[0] };
  if (distinct.length === 0) return { status: "none" };
  return { status: "several", candidates: distinct.sort((a, b) => a.name.localeCompare(b.name)) };
}

/** The active accounts with any of these domains or names (names as `companyNameKey` gives them). */
export async function loadCompanyAccounts(
  db: TDatabase,
  keys: { domains: readonly string[]; names: readonly string[] },
): Promise<TCompanyAccount[]> {
  const columns = {
    id: crmAccounts.id,
    name: crmAccounts.name,
    website: crmAccounts.website,
    domainNormalized: crmAccounts.domainNormalized,
    sfId: crmAccounts.sfId,
  };
  const active = eq(crmAccounts.state, "active");
  const [byDomain, byName] = await Promise.all([
    selectInChunks([...new Set(keys.domains)], (slice) =>
      db
        .select(columns)
        .from(crmAccounts)
        .where(and(inArray(crmAccounts.domainNormalized, slice), active)),
    ),
    // The same key in SQL: SQLite's lower() folds ASCII only, so the final comparison is done in
    // matchCompanyAccount with companyNameKey.
    selectInChunks([...new Set(keys.names)], (slice) =>
      db
        .select(columns)
        .from(crmAccounts)
        .where(and(inArray(sql`lower(trim(${crmAccounts.name}))`, slice), active)),
    ),
  ]);
  return [...new Map([...byDomain, ...byName].map((account) => [account.id, account])).values()];
}
