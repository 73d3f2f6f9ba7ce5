import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts } from "@/db/schema";
import { getPullVisibility } from "@/server/settings/pull-visibility";
import { type TAccountSearchInput, type TAccountSearchResult, ZAccountSearchInputSchema } from "./form-schemas";

/**
 * The account picker of "New person" and "New opportunity": active accounts, pulled or created in
 * Tandem, whose name starts with the query (case-insensitive), alphabetically.
 */
export async function searchAccounts(db: TDatabase, rawInput: TAccountSearchInput): Promise<TAccountSearchResult> {
  const input = ZAccountSearchInputSchema.parse(rawInput);
  // PULL-2: hidden accounts are not offered.
  if (!(await getPullVisibility(db)).Account) return { accounts: [], hidden: true };
  const prefix = `${input.query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const rows = await db
    .select({
      id: crmAccounts.id,
      name: crmAccounts.name,
      website: crmAccounts.website,
      city: crmAccounts.city,
      country: crmAccounts.country,
      sfId: crmAccounts.sfId,
    })
    .from(crmAccounts)
    .where(and(eq(crmAccounts.state, "active"), sql`${crmAccounts.name} LIKE ${prefix} ESCAPE '\\'`))
    .orderBy(sql`${crmAccounts.name} collate nocase`, crmAccounts.id)
    .limit(input.limit);
  return {
    accounts: rows.map(({ sfId, ...row }) => ({ ...row, inSalesforce: sfId !== null })),
    hidden: false,
  };
}
