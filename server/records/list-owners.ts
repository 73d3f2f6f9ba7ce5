import "server-only";
import { sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmOpportunities, crmPeople } from "@/db/schema";
import { getRecordsWorkspace, isVisible } from "./get-records-workspace";
import { ownerKey } from "./list-query";
import type { TOwnerOption } from "./record-schemas";

export type TOwnerListObject = "people" | "accounts" | "opportunities";

/** Enough for any sales team; a filter with more owners than this would need a search box. */
const MAX_OWNERS = 500;

/**
 * The owner filter's options: each distinct owner among the active records in view, labelled by
 * name and falling back to the Salesforce user id when no name was pulled.
 *
 * Read from the owner index (db/migrations/0008), one owner at a time: each step finds the next
 * owner key after the last, then whether that owner has an active record in view and the name it
 * is known by, each a lookup in the index. A team has tens of owners and a table 100,000 records,
 * so this costs tens of index lookups instead of a pass over every record (33 ms at 100,000
 * people). With one kind of person hidden, the kind is read from the index entries of each owner.
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
  const kind = object === "people" && kinds.length === 1 ? sql` and ${crmPeople.kind} = ${kinds[0]}` : sql``;
  const key = ownerKey(table.ownerSfId, table.ownerName);
  const ofOwner = sql`${key} = owners.value and ${table.state} = 'active'${kind}`;
  const rows = await db.all<{ value: string; label: string }>(sql`
    with recursive owners(value) as (
      select min(${key}) from ${table}
      union all
      select (select min(${key}) from ${table} where ${key} > owners.value) from owners where owners.value is not null
    )
    select value, coalesce((select max(${table.ownerName}) from ${table} where ${ofOwner}), value) as label
    from owners
    where value is not null and exists (select 1 from ${table} where ${ofOwner})
    order by label collate nocase
    limit ${MAX_OWNERS}`);
  return rows.map((row) => ({ value: String(row.value), label: String(row.label) }));
}
