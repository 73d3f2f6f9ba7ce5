import { count, desc, isNotNull, ne } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { prospects, suppressedLeads, syncTicks } from "@/db/schema";
import { countActiveRecords } from "@/server/records/count-records";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import { PUSH_KINDS, type TPushKind } from "@/server/sync/core/push-kinds";

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
  /** PUSH-1: per kind, whether push is on and what waits or failed. */
  push: Record<TPushKind, { enabled: boolean; pending: number; failed: number }>;
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
  const active = await countActiveRecords(db);
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
      accounts: active.Account,
      contacts: active.Contact,
      leads: active.Lead,
      opportunities: active.Opportunity,
      prospects: await countOf(db.select({ value: count() }).from(prospects)),
      prospectsInCrm: await countOf(
        db.select({ value: count() }).from(prospects).where(isNotNull(prospects.crmRecordId)),
      ),
      suppressedLeads: await countOf(db.select({ value: count() }).from(suppressedLeads)),
      // Duplicate detection (DUP-1) and the push error log (ERR-1) report here once they exist.
      potentialDuplicates: 0,
      openErrors: 0,
    },
    // Nothing is pushed yet: every kind is off (PUSH-1's default) with nothing queued.
    push: Object.fromEntries(
      PUSH_KINDS.map((kind) => [kind, { enabled: false, pending: 0, failed: 0 }]),
    ) as TSyncStatus["push"],
  };
}
