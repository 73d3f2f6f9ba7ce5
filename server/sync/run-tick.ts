import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { apiUsageSamples, syncTicks } from "@/db/schema";
import type { TApiMeter } from "@/server/salesforce/api-meter";
import { getConnectionRow, updateConnectionRow } from "@/server/salesforce/connection-store";
import { ensureHeadlessConnection } from "@/server/salesforce/headless-connection";
import { openSalesforce, type TSalesforce } from "@/server/salesforce/open-connection";
import { isAppError } from "@/server/errors";
import { classifySyncError } from "./core/classify-error";
import { acquireLease, releaseLease } from "./lease";
import { applyPendingNotifications } from "./outbound/apply-notifications";
import { pullObjects } from "./pull-objects";
import { getSyncOptions } from "./sync-options";
import type { TBusyTick, TTickSummary } from "./tick-summary";

export type TTickTrigger = (typeof syncTicks.$inferInsert)["trigger"];

export type TTickDeps = {
  now?: () => number;
  budgetMs?: number;
  open?: (db: TDatabase) => Promise<TSalesforce>;
};

const LEASE = "tick";

function emptyPull(): TTickSummary["pull"] {
  const counts = () => ({ created: 0, updated: 0, deleted: 0, unchanged: 0 });
  return { Account: counts(), Contact: counts(), Lead: { ...counts(), suppressed: 0 }, Opportunity: counts() };
}

/**
 * One tick: pull (then, once push exists, push) under a lease, within a time budget. It never
 * throws for a Salesforce problem: the summary says what failed in plain words (ERR-3), and the
 * tick log keeps it for the Sync page.
 */
export async function runTick(
  db: TDatabase,
  trigger: TTickTrigger,
  deps: TTickDeps = {},
): Promise<TTickSummary | TBusyTick> {
  const now = deps.now ?? Date.now;
  const budgetMs = deps.budgetMs ?? Number(process.env.SYNC_TIME_BUDGET_MS ?? 240_000);
  const started = now();
  const tickId = randomUUID();
  if (!(await acquireLease(db, LEASE, tickId, started, budgetMs + 60_000))) return { ok: true, skipped: "busy" };

  const summary: TTickSummary = {
    ok: true,
    tickId,
    durationMs: 0,
    apiCalls: 0,
    more: false,
    pull: emptyPull(),
    push: {},
  };
  await db.insert(syncTicks).values({ id: tickId, trigger, startedAt: started, status: "running" });
  let meter: TApiMeter | null = null;
  try {
    await ensureHeadlessConnection(db);
    const connection = await getConnectionRow(db);
    const options = await getSyncOptions(db);
    const background = trigger === "cron" || trigger === "schedule" || trigger === "outbound";
    if (!connection) {
      summary.paused = "disconnected";
      summary.failures = [
        { code: "SALESFORCE_NOT_CONNECTED", message: "Salesforce is not connected. An admin connects it in Setup." },
      ];
    } else if (connection.status === "broken") {
      summary.ok = false;
      summary.paused = "broken";
      summary.failures = [
        {
          code: "CONNECTION_BROKEN",
          message: connection.lastError ?? "The Salesforce connection is broken. An admin must reconnect it in Setup.",
        },
      ];
    } else if (background && options.pausedByAdmin) {
      summary.paused = "cancelled";
    } else if (
      background &&
      connection.apiUsed !== null &&
      connection.apiMax &&
      connection.apiUsed / connection.apiMax >= options.apiPauseShare
    ) {
      summary.paused = "api-budget";
      summary.failures = [
        {
          code: "API_BUDGET",
          message: `Background sync is paused: the org has used ${connection.apiUsed} of ${connection.apiMax} daily API calls (over ${Math.round(options.apiPauseShare * 100)}%). It resumes as the rolling 24-hour window frees calls; "Sync now" still works.`,
        },
      ];
    } else {
      const salesforce = await (deps.open ?? openSalesforce)(db);
      meter = salesforce.meter;
      const result = await pullObjects(db, salesforce, {
        now,
        deadline: started + budgetMs,
        overlapMs: options.overlapMinutes * 60_000,
        summary,
      });
      if (!result.brokenConnection) {
        // Notifications left pending by a crash or a Salesforce error are applied here at the latest.
        const outbound = await applyPendingNotifications(db, { now, salesforce });
        if (outbound.error)
          summary.failures = [...(summary.failures ?? []), { code: "OUTBOUND_PENDING", message: outbound.error }];
      }
      if (result.brokenConnection) {
        await updateConnectionRow(db, { status: "broken", lastError: result.brokenConnection });
      }
    }
  } catch (error) {
    const classified = isAppError(error)
      ? { code: error.code, message: error.message, connection: false }
      : classifySyncError(error as Error);
    if (classified.connection) await updateConnectionRow(db, { status: "broken", lastError: classified.message });
    // A transient failure leaves work for the next tick, which resumes from the cursors.
    if ("retryable" in classified && classified.retryable) summary.more = true;
    summary.ok = false;
    summary.failures = [...(summary.failures ?? []), { code: classified.code, message: classified.message }];
  } finally {
    const finished = now();
    summary.durationMs = finished - started;
    summary.apiCalls = meter?.calls ?? 0;
    await finishTick(db, tickId, summary, finished, meter);
    await releaseLease(db, LEASE, tickId);
  }
  return summary;
}

async function finishTick(
  db: TDatabase,
  tickId: string,
  summary: TTickSummary,
  finished: number,
  meter: TApiMeter | null,
) {
  const failure = summary.failures?.[0];
  await db
    .update(syncTicks)
    .set({
      finishedAt: finished,
      durationMs: summary.durationMs,
      apiCalls: summary.apiCalls,
      more: summary.more,
      status: summary.ok ? (summary.paused ? "skipped" : "ok") : "failed",
      summary,
      error: failure?.message ?? null,
      errorCode: failure?.code ?? null,
    })
    .where(eq(syncTicks.id, tickId));
  if (meter?.limit) {
    await db.insert(apiUsageSamples).values({ at: meter.limit.at, used: meter.limit.used, max: meter.limit.max });
    await updateConnectionRow(db, { apiUsed: meter.limit.used, apiMax: meter.limit.max, apiUsageAt: meter.limit.at });
  }
}
