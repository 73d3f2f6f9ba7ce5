import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { TDatabaseOrTransaction } from "@/db/client";
import { crmAccounts, crmPeople } from "@/db/schema";
import type { TProspectKind } from "./schemas";
import { chunk, KEYS_PER_QUERY } from "./chunk";

/** A CRM record a prospect can be matched to (PULL-3). */
export type TCrmMatch = { id: string; key: string; type: "person" | "account"; label: string; name: string };

/**
 * Active CRM records having one of the keys: people by normalised email (contacts and leads,
 * hidden objects too), accounts by normalised domain. Per key the preferred record comes first:
 * a contact before a lead, then the oldest, so the choice is stable.
 */
export async function findCrmMatches(
  db: TDatabaseOrTransaction,
  kind: TProspectKind,
  keys: string[],
): Promise<TCrmMatch[]> {
  const matches: TCrmMatch[] = [];
  for (const slice of chunk(keys, KEYS_PER_QUERY)) {
    if (kind === "person") {
      const rows = await db
        .select({ id: crmPeople.id, key: crmPeople.emailNormalized, kind: crmPeople.kind, name: crmPeople.name })
        .from(crmPeople)
        .where(and(inArray(crmPeople.emailNormalized, slice), eq(crmPeople.state, "active")))
        .orderBy(
          sql`case ${crmPeople.kind} when 'contact' then 0 else 1 end`,
          asc(crmPeople.createdAt),
          asc(crmPeople.id),
        );
      for (const row of rows)
        if (row.key) matches.push({ id: row.id, key: row.key, type: "person", label: row.kind, name: row.name });
    } else {
      const rows = await db
        .select({ id: crmAccounts.id, key: crmAccounts.domainNormalized, name: crmAccounts.name })
        .from(crmAccounts)
        .where(and(inArray(crmAccounts.domainNormalized, slice), eq(crmAccounts.state, "active")))
        .orderBy(asc(crmAccounts.createdAt), asc(crmAccounts.id));
      for (const row of rows)
        if (row.key) matches.push({ id: row.id, key: row.key, type: "account", label: "account", name: row.name });
    }
  }
  return matches;
}
