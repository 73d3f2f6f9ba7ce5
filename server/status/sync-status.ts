import { count, desc, inArray, isNotNull, ne } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { prospects, pushErrors, pushOutbox, suppressedLeads, syncTicks } from "@/db/schema";
import { countPotentialDuplicates } from "@/server/duplicates/count-potential-duplicates";
import { readSetting } from "@/server/settings/settings-store";
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
      potentialDuplicates: await countPotentialDuplicates(db),
      openErrors: await countOf(
        db
          .select({ value: count() })
          .from(pushErrors)
          .where(inArray(pushErrors.state, ["open", "retrying"])),
      ),
    },
    push: await pushBlock(db),
  };
}

/** PUSH-1 per kind: switched on or not, rows waiting (pending or in flight) and rows failed. */
async function pushBlock(db: TDatabase): Promise<TSyncStatus["push"]> {
  const settings = await readSetting(db, "push.settings");
  const rows = await db
    .select({ kind: pushOutbox.kind, state: pushOutbox.state, value: count() })
    .from(pushOutbox)
    .where(inArray(pushOutbox.state, ["pending", "sending", "failed"]))
    .groupBy(pushOutbox.kind, pushOutbox.state);
  const tally = (kind: TPushKind, states: string[]) =>
    rows.filter((row) => row.kind === kind && states.includes(row.state)).reduce((sum, row) => sum + row.value, 0);
  return Object.fromEntries(
    PUSH_KINDS.map((kind) => [
      kind,
      {
        enabled: settings[kind].enabled,
        pending: tally(kind, ["pending", "sending"]),
        failed: tally(kind, ["failed"]),
      },
    ]),
  ) as TSyncStatus["push"];
}
