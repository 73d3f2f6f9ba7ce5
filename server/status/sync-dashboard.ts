import { desc, gte } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { apiUsageSamples, syncTicks } from "@/db/schema";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import { readSetting } from "@/server/settings/settings-store";
import { ZTickSummarySchema } from "@/server/sync/tick-summary";
import { getOutboundQueue } from "./outbound-queue";

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

/** The Sync page: recent ticks, API usage over the last day, outbound messages (last arrival, waiting, failed). */
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
  const lastMessage = await readSetting(db, "outbound.lastReceived");
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
    outbound: await getOutboundQueue(db),
  };
}
