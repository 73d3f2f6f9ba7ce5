import { count, desc, eq, gte, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import {
  apiUsageSamples,
  prospects,
  suppressedLeads,
  SYNC_OBJECTS,
  syncCursors,
  syncLeases,
  syncTicks,
} from "@/db/schema";
import { countActiveRecords } from "@/server/records/count-records";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import { getPullVisibility } from "@/server/settings/pull-visibility";
import { readSetting } from "@/server/settings/settings-store";
import { PULL_ORDER } from "./core/pull-objects";
import { getSyncOptions } from "./sync-options";
import { ZTickSummarySchema } from "./tick-summary";

export const ZObjectProgressSchema = z.object({
  object: z.enum(SYNC_OBJECTS),
  loaded: z.number(),
  total: z.number().nullable(),
  initialLoadAt: z.number().nullable(),
  lastPulledAt: z.number().nullable(),
  visible: z.boolean(),
  stored: z.number(),
});

export const ZSyncProgressSchema = z.object({
  objects: z.array(ZObjectProgressSchema),
  state: z.enum(["not-started", "running", "paused", "done"]),
  tickRunning: z.boolean(),
  suppressedLeads: z.number(),
  prospectsInCrm: z.number(),
});
export type TSyncProgress = z.infer<typeof ZSyncProgressSchema>;

/** The first sync's progress per object, for the wizard's bars (polled while it runs). */
export async function getSyncProgress(db: TDatabase, now: number): Promise<TSyncProgress> {
  const cursors = new Map((await db.select().from(syncCursors)).map((row) => [row.object, row]));
  const visibility = await getPullVisibility(db);
  const options = await getSyncOptions(db);
  const [lease] = await db.select().from(syncLeases).where(eq(syncLeases.name, "tick"));
  const stored = await countActiveRecords(db);
  const objects = PULL_ORDER.map((object) => {
    const row = cursors.get(object);
    return {
      object,
      loaded: row?.loaded ?? 0,
      total: row?.total ?? null,
      initialLoadAt: row?.initialLoadAt ?? null,
      lastPulledAt: row?.lastPulledAt ?? null,
      visible: visibility[object],
      stored: stored[object],
    };
  });
  const tickRunning = Boolean(lease && lease.expiresAt > now);
  const done = objects.every((object) => object.initialLoadAt !== null);
  const started = objects.some((object) => object.lastPulledAt !== null);
  const [suppressed] = await db.select({ value: count() }).from(suppressedLeads);
  const [inCrm] = await db.select({ value: count() }).from(prospects).where(isNotNull(prospects.crmRecordId));
  return {
    objects,
    state: done ? "done" : options.pausedByAdmin ? "paused" : started || tickRunning ? "running" : "not-started",
    tickRunning,
    suppressedLeads: suppressed?.value ?? 0,
    prospectsInCrm: inCrm?.value ?? 0,
  };
}

export const ZTickRowSchema = z.object({
  id: z.string(),
  trigger: z.string(),
  startedAt: z.number(),
  durationMs: z.number().nullable(),
  status: z.string(),
  apiCalls: z.number(),
  more: z.boolean(),
  error: z.string().nullable(),
  errorCode: z.string().nullable(),
  summary: ZTickSummarySchema.nullable(),
});

/** The Sync page: recent ticks, API usage over the last day, outbound-message freshness. */
export async function getSyncDashboard(db: TDatabase, now: number) {
  const ticks = await db.select().from(syncTicks).orderBy(desc(syncTicks.startedAt)).limit(25);
  const usage = await db
    .select()
    .from(apiUsageSamples)
    .where(gte(apiUsageSamples.at, now - 24 * 3_600_000))
    .orderBy(apiUsageSamples.at);
  const row = await getConnectionRow(db);
  const connection = row
    ? {
        status: row.status,
        environment: row.environment,
        orgId: row.orgId,
        orgName: row.orgName,
        apiUsed: row.apiUsed,
        apiMax: row.apiMax,
        lastError: row.lastError,
      }
    : null;
  const lastMessage = await readSetting(
    db,
    "outbound.lastReceived",
    z.object({ at: z.number(), object: z.string().nullable(), notifications: z.number() }).nullable().default(null),
  );
  return {
    connection,
    ticks: ticks.map((tick) => ({
      id: tick.id,
      trigger: tick.trigger,
      startedAt: tick.startedAt,
      durationMs: tick.durationMs,
      status: tick.status,
      apiCalls: tick.apiCalls,
      more: tick.more,
      error: tick.error,
      errorCode: tick.errorCode,
      summary: ZTickSummarySchema.safeParse(tick.summary).data ?? null,
    })),
    usage: usage.map((sample) => ({ at: sample.at, used: sample.used, max: sample.max })),
    lastMessage,
  };
}
