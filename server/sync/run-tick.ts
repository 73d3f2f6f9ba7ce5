import { randomUUID } from "node:crypto";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { apiUsageSamples, syncCursors, syncTicks } from "@/db/schema";
import { getEnv } from "@/server/env";
import { log } from "@/server/log";
import { checkChangedRecords } from "@/server/duplicates/check-changed-records";
import { isAppError, isSalesforceError, type SalesforceError } from "@/server/errors";
import {
  getConnectionRow,
  type TConnectionRow,
  updateConnectionOfOrg,
  updateConnectionRow,
} from "@/server/salesforce/connection-store";
import { ensureHeadlessConnection } from "@/server/salesforce/headless-connection";
import { openSalesforce } from "@/server/salesforce/open-connection";
import type { SalesforcePort } from "@/server/salesforce/port";
import { acquireLease, isLeaseLost, type TLease } from "./lease";
import { applyPendingNotifications } from "./outbound/apply-notifications";
import { pullObjects } from "./pull/pull-objects";
import { hasRecheckWork, recheckMappedRecords } from "./pull/recheck-mapped";
import { pushOutboxRows, reconcilePushOutcomes } from "./push/push-outbox";
import { getSyncOptions, type TSyncOptions } from "./sync-options";
import type { TBusyTick, TTickSummary } from "./tick-summary";

export type TTickTrigger = (typeof syncTicks.$inferInsert)["trigger"];

export type TTickDeps = {
  now?: () => number;
  budgetMs?: number;
  open?: (db: TDatabase) => Promise<SalesforcePort>;
  /** How long a push call may take before its outcome counts as unknown. */
  pushTimeoutMs?: number;
};

function emptyPull(): TTickSummary["pull"] {
  const counts = () => ({ created: 0, updated: 0, deleted: 0, unchanged: 0 });
  return { Account: counts(), Contact: counts(), Lead: { ...counts(), suppressed: 0 }, Opportunity: counts() };
}

/**
 * One tick: pull, then the outbound notifications still pending, then push, under the fenced
 * lease, within a time budget. A tick triggered by an outbound message applies only the
 * notifications; one triggered by a rep's write ("push") only pushes. Each also checks the records
 * changed since the last check for potential duplicates (DUP-1), before pushing (a push tick: after).
 * It never throws for a Salesforce problem: the summary says what failed in plain words (ERR-3),
 * and the tick log keeps it for the Sync page.
 */
export async function runTick(
  db: TDatabase,
  trigger: TTickTrigger,
  deps: TTickDeps = {},
): Promise<TTickSummary | TBusyTick> {
  const now = deps.now ?? Date.now;
  const budgetMs = deps.budgetMs ?? getEnv().SYNC_TIME_BUDGET_MS;
  const started = now();
  const tickId = randomUUID();
  const lease = await acquireLease(db, { holder: tickId, now });
  if (!lease) {
    log.debug("sync.tick_busy", { trigger });
    return { ok: true, skipped: "busy" };
  }

  const summary: TTickSummary = {
    ok: true,
    tickId,
    durationMs: 0,
    apiCalls: 0,
    more: false,
    pull: emptyPull(),
    push: {},
  };
  let salesforce: SalesforcePort | null = null;
  try {
    // Holding the lease, any other tick still marked running died without finishing (kill -9).
    await db
      .update(syncTicks)
      .set({
        status: "failed",
        errorCode: "INTERRUPTED",
        error: "This sync stopped without finishing (its process ended).",
      })
      .where(and(eq(syncTicks.status, "running"), ne(syncTicks.id, tickId)));
    await db.insert(syncTicks).values({ id: tickId, trigger, startedAt: started, status: "running" });
    await ensureHeadlessConnection(db);
    const connection = await getConnectionRow(db);
    const held = holdBack(connection, trigger, await getSyncOptions(db));
    if (held) {
      Object.assign(summary, held);
    } else {
      salesforce = await (deps.open ?? openSalesforce)(db);
      await syncWith(db, salesforce, lease, {
        trigger,
        now,
        deadline: started + budgetMs,
        summary,
        pushTimeoutMs: deps.pushTimeoutMs,
      });
    }
  } catch (error) {
    recordFailure(summary, error);
    if (isSalesforceError(error) && error.connectionBroken) await markBroken(db, error, salesforce?.orgId ?? null);
  } finally {
    await salesforce?.flush();
    const finished = now();
    summary.durationMs = finished - started;
    summary.apiCalls = salesforce?.apiCalls ?? 0;
    try {
      await finishTick(db, tickId, summary, finished, salesforce);
    } catch (error) {
      log.error("sync.tick_not_recorded", { tickId, err: error });
    } finally {
      await lease.release();
    }
    logTick(summary, trigger);
  }
  return summary;
}

async function syncWith(
  db: TDatabase,
  salesforce: SalesforcePort,
  lease: TLease,
  options: {
    trigger: TTickTrigger;
    now: () => number;
    deadline: number;
    summary: TTickSummary;
    pushTimeoutMs: number | undefined;
  },
) {
  const { summary } = options;
  // Pushes whose outcome is unknown are settled before a pull or a notification can bring them back.
  const reconciled = await reconcilePushOutcomes(db, salesforce, {
    lease,
    now: options.now,
    deadline: options.deadline,
  });
  if (reconciled.brokenConnection) {
    await markBroken(db, reconciled.brokenConnection, salesforce.orgId);
    recordFailure(summary, reconciled.brokenConnection);
    return;
  }
  mergePushCounts(summary, reconciled.counts);
  if (options.trigger === "push") {
    await pushStep(db, salesforce, lease, options);
    return duplicatesStep(db, lease, options);
  }
  if (options.trigger !== "outbound") {
    const { brokenConnection } = await pullObjects(db, salesforce, {
      ...options,
      overlapMs: await overlapMs(db),
      lease,
    });
    if (brokenConnection) {
      await markBroken(db, brokenConnection, salesforce.orgId);
      return;
    }
    // MAP-4: records queued by a mapping change (or a new prospect link) are pulled again by Id.
    if (await hasRecheckWork(db)) {
      const recheck = await recheckMappedRecords(db, salesforce, { ...options, lease });
      if (recheck.brokenConnection) {
        await markBroken(db, recheck.brokenConnection, salesforce.orgId);
        recordFailure(summary, recheck.brokenConnection);
        return;
      }
    }
  }
  // Notifications left pending (a crash, a Salesforce error, a tick that was busy) are applied here.
  const outbound = await applyPendingNotifications(db, salesforce, {
    now: options.now,
    lease,
    deadline: options.deadline,
  });
  if (outbound.applied > 0 || outbound.failed > 0) {
    summary.outbound = { applied: outbound.applied, failed: outbound.failed };
  }
  if (outbound.brokenConnection) {
    await markBroken(db, outbound.brokenConnection, salesforce.orgId);
    recordFailure(summary, outbound.brokenConnection);
  } else if (outbound.error) {
    summary.failures = [...(summary.failures ?? []), { code: "OUTBOUND_PENDING", message: outbound.error }];
  }
  if (outbound.more) summary.more = true;
  if (outbound.brokenConnection) return;
  await duplicatesStep(db, lease, options);
  if (options.trigger !== "outbound") await pushStep(db, salesforce, lease, options);
}

/**
 * DUP-1: the people, accounts and prospects changed since the last check (by this tick's pull and
 * outbound messages, or by imports and reps' writes in between) are checked for potential
 * duplicates. A failure here is reported and never stops the sync.
 */
async function duplicatesStep(
  db: TDatabase,
  lease: TLease,
  options: { now: () => number; deadline: number; summary: TTickSummary },
) {
  // A first load that goes on next tick is checked once it has finished: matched once, with a
  // model of all its records, instead of again after every part of it.
  if (options.summary.more && (await firstLoadUnfinished(db))) return;
  const started = performance.now();
  try {
    const checked = await checkChangedRecords(db, { lease, now: options.now, deadline: options.deadline });
    if (checked.more) options.summary.more = true;
    if (checked.checked > 0 || checked.rebuilt.length > 0) {
      options.summary.duplicates = {
        checked: checked.checked,
        durationMs: Math.round(performance.now() - started),
      };
    }
  } catch (error) {
    if (isLeaseLost(error)) throw error;
    log.error("sync.duplicates_check_failed", { err: error });
    options.summary.failures = [
      ...(options.summary.failures ?? []),
      {
        code: "DUPLICATES_CHECK_FAILED",
        message: "Checking for potential duplicates failed; the sync itself went on. The next sync tries again.",
      },
    ];
  }
}

/** Push, after the pull: what reps created and edited, in dependency order (PUSH-2). */
async function pushStep(
  db: TDatabase,
  salesforce: SalesforcePort,
  lease: TLease,
  options: { now: () => number; deadline: number; summary: TTickSummary; pushTimeoutMs: number | undefined },
) {
  const { summary } = options;
  const pushed = await pushOutboxRows(db, salesforce, {
    lease,
    now: options.now,
    deadline: options.deadline,
    ...(options.pushTimeoutMs === undefined ? {} : { timeoutMs: options.pushTimeoutMs }),
  });
  mergePushCounts(summary, pushed.counts);
  if (pushed.more) summary.more = true;
  if (pushed.brokenConnection) {
    await markBroken(db, pushed.brokenConnection, salesforce.orgId);
    recordFailure(summary, pushed.brokenConnection);
  } else if (pushed.error) {
    summary.failures = [...(summary.failures ?? []), { code: pushed.error.code, message: pushed.error.message }];
  }
}

async function firstLoadUnfinished(db: TDatabase): Promise<boolean> {
  const [loading] = await db
    .select({ object: syncCursors.object })
    .from(syncCursors)
    .where(isNull(syncCursors.initialLoadAt))
    .limit(1);
  return loading !== undefined;
}

function mergePushCounts(summary: TTickSummary, counts: TTickSummary["push"]) {
  for (const [object, add] of Object.entries(counts)) {
    const into = (summary.push[object] ??= { created: 0, updated: 0, failed: 0 });
    into.created += add.created;
    into.updated += add.updated;
    into.failed += add.failed;
  }
}

async function overlapMs(db: TDatabase) {
  return (await getSyncOptions(db)).overlapMinutes * 60_000;
}

/** Why a tick does nothing this time, if it should: no org, a broken one, a pause or the API budget. */
function holdBack(
  connection: TConnectionRow | null,
  trigger: TTickTrigger,
  options: TSyncOptions,
): Partial<TTickSummary> | null {
  const background = trigger === "cron" || trigger === "schedule" || trigger === "outbound";
  if (!connection) {
    return {
      paused: "disconnected",
      failures: [
        { code: "SALESFORCE_NOT_CONNECTED", message: "Salesforce is not connected. An admin connects it in Setup." },
      ],
    };
  }
  if (connection.status === "broken") {
    const message = connection.lastError ?? "The Salesforce connection is broken. An admin must reconnect it in Setup.";
    return { ok: false, paused: "broken", failures: [{ code: "CONNECTION_BROKEN", message }] };
  }
  if (background && options.pausedByAdmin) return { paused: "cancelled" };
  const { apiUsed, apiMax } = connection;
  if (background && apiUsed !== null && apiMax && apiUsed / apiMax >= options.apiPauseShare) {
    const share = Math.round(options.apiPauseShare * 100);
    return {
      paused: "api-budget",
      failures: [
        {
          code: "API_BUDGET",
          message: `Background sync is paused: the org has used ${apiUsed} of ${apiMax} daily API calls (over ${share}%). It resumes as the rolling 24-hour window frees calls; "Sync now" still works.`,
        },
      ],
    };
  }
  return null;
}

function recordFailure(summary: TTickSummary, error: unknown) {
  summary.ok = false;
  if (isLeaseLost(error)) {
    // Another tick holds the lease now and carries on from the committed cursors.
    summary.more = true;
    summary.failures = [...(summary.failures ?? []), { code: "LEASE_LOST", message: (error as Error).message }];
    return;
  }
  if (isSalesforceError(error)) {
    // A transient failure leaves work for the next tick, which resumes from the cursors.
    if (error.retryable) summary.more = true;
    summary.failures = [...(summary.failures ?? []), { code: error.salesforceCode, message: error.message }];
    return;
  }
  const code = isAppError(error) ? error.code : "INTERNAL";
  const message = isAppError(error) ? error.message : "The sync stopped on an unexpected error; see the server log.";
  if (!isAppError(error)) log.error("sync.unexpected_error", { tickId: summary.tickId, err: error });
  summary.failures = [...(summary.failures ?? []), { code, message }];
}

async function markBroken(db: TDatabase, error: SalesforceError, orgId: string | null) {
  const broken = { status: "broken" as const, lastError: error.message };
  // A tick of an org that was replaced meanwhile must not mark the new connection broken.
  if (orgId) await updateConnectionOfOrg(db, orgId, broken);
  else await updateConnectionRow(db, broken);
}

async function finishTick(
  db: TDatabase,
  tickId: string,
  summary: TTickSummary,
  finished: number,
  salesforce: SalesforcePort | null,
) {
  const failure = summary.failures?.[0];
  await db
    .update(syncTicks)
    .set({
      finishedAt: finished,
      durationMs: summary.durationMs,
      apiCalls: summary.apiCalls,
      more: summary.more,
      status: tickOutcome(summary),
      summary,
      error: failure?.message ?? null,
      errorCode: failure?.code ?? null,
    })
    .where(eq(syncTicks.id, tickId));
  const limit = salesforce?.apiLimit;
  if (salesforce && limit) {
    // Only while the stored connection is still this tick's org: another org connected meanwhile
    // (which took the lease from this tick) must not show the old org's API usage.
    const usage = { apiUsed: limit.used, apiMax: limit.max, apiUsageAt: limit.at };
    if (await updateConnectionOfOrg(db, salesforce.orgId, usage)) {
      await db.insert(apiUsageSamples).values({ at: limit.at, used: limit.used, max: limit.max });
    }
  }
}

function tickOutcome(summary: TTickSummary): "ok" | "skipped" | "failed" {
  return summary.ok ? (summary.paused ? "skipped" : "ok") : "failed";
}

/** The tick's one log line: what it did, in counts and codes (the messages are in the tick log). */
function logTick(summary: TTickSummary, trigger: TTickTrigger) {
  const outcome = tickOutcome(summary);
  (outcome === "failed" ? log.warn : log.info)("sync.tick", {
    tickId: summary.tickId,
    trigger,
    outcome,
    ...(summary.paused ? { paused: summary.paused } : {}),
    durationMs: summary.durationMs,
    apiCalls: summary.apiCalls,
    more: summary.more,
    pull: summary.pull,
    push: summary.push,
    ...(summary.outbound ? { outbound: summary.outbound } : {}),
    ...(summary.duplicates ? { duplicates: summary.duplicates } : {}),
    ...(summary.failures?.length ? { failures: summary.failures.map((failure) => failure.code) } : {}),
  });
}
