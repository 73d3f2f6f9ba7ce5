import { and, count, desc, eq, isNotNull, ne } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmOpportunities, crmPeople, prospects, suppressedLeads, syncTicks } from "@/db/schema";
import { getConnectionRow } from "@/server/salesforce/connection-store";

export type TSyncStatus = {
  connected: boolean;
  orgId: string | null;
  lastTick: {
    id: string;
    startedAt: string;
    durationMs: number | null;
    status: string;
    apiCalls: number;
    error: string | null;
  } | null;
  counts: {
    accounts: number;
    contacts: number;
    leads: number;
    opportunities: number;
    prospects: number;
    prospectsInCrm: number;
    suppressedLeads: number;
    potentialDuplicates: number;
    openErrors: number;
  };
};

/** `tandem status --json`: the connection, the last tick and what Tandem holds. */
export async function getSyncStatus(db: TDatabase): Promise<TSyncStatus> {
  const connection = await getConnectionRow(db);
  const [lastTick] = await db
    .select()
    .from(syncTicks)
    .where(ne(syncTicks.status, "running"))
    .orderBy(desc(syncTicks.startedAt))
    .limit(1);
  const countOf = async (query: Promise<Array<{ value: number }>>) => (await query)[0]?.value ?? 0;
  const active = (table: typeof crmAccounts | typeof crmOpportunities) =>
    db.select({ value: count() }).from(table).where(eq(table.state, "active"));
  const people = (kind: "contact" | "lead") =>
    db
      .select({ value: count() })
      .from(crmPeople)
      .where(and(eq(crmPeople.kind, kind), eq(crmPeople.state, "active")));
  return {
    connected: connection?.status === "connected",
    orgId: connection?.orgId ?? null,
    lastTick: lastTick
      ? {
          id: lastTick.id,
          startedAt: new Date(lastTick.startedAt).toISOString(),
          durationMs: lastTick.durationMs,
          status: lastTick.status,
          apiCalls: lastTick.apiCalls,
          error: lastTick.error,
        }
      : null,
    counts: {
      accounts: await countOf(active(crmAccounts)),
      contacts: await countOf(people("contact")),
      leads: await countOf(people("lead")),
      opportunities: await countOf(active(crmOpportunities)),
      prospects: await countOf(db.select({ value: count() }).from(prospects)),
      prospectsInCrm: await countOf(
        db.select({ value: count() }).from(prospects).where(isNotNull(prospects.crmRecordId)),
      ),
      suppressedLeads: await countOf(db.select({ value: count() }).from(suppressedLeads)),
      // Duplicate detection (DUP-1) and the push error log (ERR-1) report here once they exist.
      potentialDuplicates: 0,
      openErrors: 0,
    },
  };
}
