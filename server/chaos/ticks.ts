import type { Client } from "@libsql/client";
import { sleep, startTickProcess } from "@/server/sync/testing/processes";
import type { TBusyTick, TTickSummary } from "@/server/sync/tick-summary";
import type { TChaosEnvironment } from "./environment";

export type TTickVia = "cli" | "cron";

const count = async (client: Client, sql: string) => Number((await client.execute(sql)).rows[0]?.n ?? 0);

/** Work Tandem still has: outbox rows to send, notifications to apply, records to re-check (MAP-4). */
export async function openWork(client: Client) {
  return {
    outbox: await count(client, "SELECT COUNT(*) AS n FROM push_outbox WHERE state IN ('pending', 'sending')"),
    notifications: await count(client, "SELECT COUNT(*) AS n FROM outbound_notifications WHERE status = 'pending'"),
    rechecks: await count(client, "SELECT COUNT(*) AS n FROM mapping_recheck"),
  };
}

/** Whether a tick did anything: a pull that changed records, a push, notifications applied. */
function changedSomething(summary: TTickSummary): boolean {
  const pulled = Object.values(summary.pull).some((counts) => counts.created + counts.updated + counts.deleted > 0);
  const pushed = Object.values(summary.push).some((counts) => counts.created + counts.updated + counts.failed > 0);
  return pulled || pushed || (summary.outbound?.applied ?? 0) > 0;
}

/** One tick: `npm run tandem -- sync --json` as a process, or GET /api/cron/sync on the web server. */
export async function tickOnce(env: TChaosEnvironment, via: TTickVia): Promise<TTickSummary | TBusyTick | null> {
  if (via === "cron") {
    const response = await env.web.cronTick().catch(() => null);
    if (!response?.ok) return null;
    return (await response.json()) as TTickSummary | TBusyTick;
  }
  const tick = startTickProcess({ url: env.databaseUrl, authToken: env.databaseAuthToken });
  return tick.summary.catch(() => null);
}

/**
 * Time moves on for retries that wait: pushes and notifications in backoff (30 s and up) become
 * due now. Only the wait is skipped; what is retried, and how, is Tandem's own decision.
 */
async function fastForwardRetries(client: Client) {
  const now = Date.now();
  await client.execute({
    sql: "UPDATE push_outbox SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?",
    args: [now - 1, now],
  });
  await client.execute({
    sql: "UPDATE outbound_notifications SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ?",
    args: [now - 1, now],
  });
}

/**
 * Which ticks a kill left dead: the killed tick process's (`cli`), or, while the web server is
 * down, every tick (no other process runs one then).
 */
export type TDeadTicks = "cli" | "all";

/**
 * After a kill: a dead tick's lease blocks every other for up to 25 s (LEASE_TTL_MS). Unless told
 * to wait that out, a lease held by a tick known to be dead is expired at once; one whose holder
 * is unknown (killed before it logged its tick) is expired once it is seen not renewed (a live
 * holder renews every 5 s). Both are what those 25 s would do, sooner.
 */
export async function releaseDeadLease(
  client: Client,
  options: { waitLeases: boolean; dead?: TDeadTicks },
): Promise<"free" | "expired" | "held"> {
  const read = async () => {
    const row = (
      await client.execute(
        `SELECT l.holder, l.expires_at, t.trigger FROM sync_leases l LEFT JOIN sync_ticks t ON t.id = l.holder
          WHERE l.name = 'tick'`,
      )
    ).rows[0];
    return row
      ? { holder: String(row.holder), expiresAt: Number(row.expires_at), trigger: row.trigger as string | null }
      : null;
  };
  const first = await read();
  if (!first || first.expiresAt < Date.now()) return "free";
  if (options.waitLeases) return "held";
  const knownDead = options.dead === "all" || (options.dead === "cli" && first.trigger === "cli");
  if (!knownDead) {
    const deadline = Date.now() + 7_000;
    while (Date.now() < deadline) {
      await sleep(250);
      const now = await read();
      if (!now || now.holder !== first.holder || now.expiresAt !== first.expiresAt) return "held";
    }
  }
  await client.execute({
    sql: "UPDATE sync_leases SET expires_at = 0 WHERE name = 'tick' AND holder = ? AND expires_at = ?",
    args: [first.holder, first.expiresAt],
  });
  return "expired";
}

export type TSettleStats = { ticks: number; busy: number; ms: number };

/**
 * Ticks until nothing is left: a tick that changed nothing, reported no more work and no failure,
 * with no outbox row, notification or re-check open in Tandem and no outbound message waiting in
 * the org. `via` picks how each tick runs (by its number).
 */
export async function settle(
  env: TChaosEnvironment,
  options: { via: (tick: number) => TTickVia; timeoutMs: number; waitLeases: boolean },
): Promise<TSettleStats> {
  const started = Date.now();
  const stats = { ticks: 0, busy: 0, ms: 0 };
  let idleRounds = 0;
  for (let tick = 0; ; tick++) {
    if (Date.now() - started > options.timeoutMs) {
      const work = await openWork(env.database.client);
      throw new Error(
        `the sync did not settle within ${options.timeoutMs / 1000} s: open work ${JSON.stringify(work)}`,
      );
    }
    const summary = await tickOnce(env, options.via(tick));
    stats.ticks++;
    if (!summary || "skipped" in summary) {
      stats.busy++;
      await releaseDeadLease(env.database.client, { waitLeases: options.waitLeases });
      await sleep(300);
      continue;
    }
    const work = await openWork(env.database.client);
    const outbound = (await env.salesforce.admin("outbound-messages", undefined, "GET")) as { pending: unknown[] };
    const idle =
      summary.ok && !summary.more && !changedSomething(summary) && outbound.pending.length === 0 && work.outbox === 0;
    if (idle && work.notifications === 0 && work.rechecks === 0) {
      stats.ms = Date.now() - started;
      return stats;
    }
    // Nothing moved but work is open: it waits for a backoff. Let that time pass.
    idleRounds = changedSomething(summary) ? 0 : idleRounds + 1;
    if (idleRounds >= 1) await fastForwardRetries(env.database.client);
    if (outbound.pending.length > 0) await sleep(200);
  }
}
