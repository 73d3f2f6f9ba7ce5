import "server-only";
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmOpportunities, crmPeople } from "@/db/schema";
import { getRecordsWorkspace, isVisible } from "./get-records-workspace";
import { ownerKey, withoutIndex } from "./list-query";
import type { TOwnerOption } from "./record-schemas";

export type TOwnerListObject = "people" | "accounts" | "opportunities";

/** Enough for any sales team; a filter with more owners than this would need a search box. */
const MAX_OWNERS = 500;

/**
 * The owner filter's options: each distinct owner among the active records in view, labelled by
 * name and falling back to the Salesforce user id when no name was pulled.
 */
export async function listOwners(db: TDatabase, object: TOwnerListObject): Promise<TOwnerOption[]> {
  const workspace = await getRecordsWorkspace(db);
  const table = { people: crmPeople, accounts: crmAccounts, opportunities: crmOpportunities }[object];
  const kinds = (["contact", "lead"] as const).filter((kind) =>
    isVisible(workspace, kind === "contact" ? "Contact" : "Lead"),
  );
  const objectVisible =
    object === "people" ? kinds.length > 0 : isVisible(workspace, object === "accounts" ? "Account" : "Opportunity");
  if (!objectVisible) return [];
  // PULL-2: with one kind hidden, its people's owners are not offered either.
  const scope = object === "people" && kinds.length === 1 ? inArray(crmPeople.kind, kinds) : undefined;
  const key = ownerKey(table.ownerSfId, table.ownerName);
  const label = sql<string>`max(coalesce(${table.ownerName}, ${table.ownerSfId}))`;
  // Every row is read to group owners, so a table scan beats walking the state index.
  const rows = await db
    .select({ value: key, label })
    .from(table)
    .where(
      and(eq(withoutIndex(table.state), "active"), or(isNotNull(table.ownerSfId), isNotNull(table.ownerName)), scope),
    )
    .groupBy(key)
    .orderBy(sql`${label} collate nocase`)
    .limit(MAX_OWNERS);
  return rows
    .filter((row): row is TOwnerOption => row.value !== null)
    .map((row) => ({ value: row.value, label: row.label }));
}
