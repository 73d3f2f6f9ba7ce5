import { count, eq } from "drizzle-orm";
import type { TDatabaseOrTransaction } from "@/db/client";
import { crmAccounts, crmOpportunities, crmPeople } from "@/db/schema";
import { syncObjectOf, type TSyncObject } from "@/server/sync/core/sync-objects";

/**
 * How many active records Tandem holds per Salesforce object (retired, deleted and merged ones
 * are not shown, so not counted). People are counted in one grouped query, by kind.
 */
export async function countActiveRecords(db: TDatabaseOrTransaction): Promise<Record<TSyncObject, number>> {
  const [people, [accounts], [opportunities]] = await Promise.all([
    db
      .select({ kind: crmPeople.kind, value: count() })
      .from(crmPeople)
      .where(eq(crmPeople.state, "active"))
      .groupBy(crmPeople.kind),
    db.select({ value: count() }).from(crmAccounts).where(eq(crmAccounts.state, "active")),
    db.select({ value: count() }).from(crmOpportunities).where(eq(crmOpportunities.state, "active")),
  ]);
  const counts: Record<TSyncObject, number> = {
    Account: accounts?.value ?? 0,
    Contact: 0,
    Lead: 0,
    Opportunity: opportunities?.value ?? 0,
  };
  for (const row of people) counts[syncObjectOf("person", row.kind)] = row.value;
  return counts;
}
