import { count, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { prospects, suppressedLeads, SYNC_OBJECTS, syncCursors, syncLeases } from "@/db/schema";
import { countActiveRecords } from "@/server/records/count-records";
import { getPullVisibility } from "@/server/settings/pull-visibility";
import { PULL_ORDER } from "@/server/sync/core/pull-objects";
import { TICK_LEASE } from "@/server/sync/lease";
import { getSyncOptions } from "@/server/sync/sync-options";

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
  const [lease] = await db.select().from(syncLeases).where(eq(syncLeases.name, TICK_LEASE));
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
