import type { Client } from "@libsql/client";
import { SYNC_OBJECTS } from "@/server/sync/core/sync-objects";
import { LOAD_CHUNK } from "@/server/sync/pull/bulk-first-load";
import { sleep, startTickProcess } from "@/server/sync/testing/processes";
import type { TChaosEnvironment } from "./environment";
import type { TRandom } from "./random";
import { releaseDeadLease } from "./ticks";

/**
 * Where a kill -9 lands: a tick process (`tandem sync`), the web server while it runs a cron tick,
 * or the web server while the org delivers outbound messages to it (and it applies them).
 */
export type TKillTarget = "cli tick" | "server during cron tick" | "server during outbound messages";

export type TKillPoint = {
  number: number;
  /** "first pull" or "round N". */
  phase: string;
  target: TKillTarget;
  /**
   * When the kill is sent, as a share (0..1) of the work: during the first load, of its records;
   * otherwise of a tick's work (see killTickAfter), or for outbound messages, of the second after
   * Salesforce's changes, while the org delivers them.
   */
  at: number;
};

export type TKillRecord = TKillPoint & {
  /** Milliseconds after the work started (the tick, its first page, the changes) that the last kill was sent. */
  delayMs: number;
  /** Milliseconds since the run started. */
  atMs: number;
  /**
   * Whether the kill caught work: a tick that had started and not finished, or outbound messages
   * undelivered or not yet applied.
   */
  landed: boolean;
  /** What had committed when it died: cursors mid-load, outbox and notification states. */
  state: string;
  /** SIGKILLs sent for this point (a tick kill that caught no tick at work is tried again). */
  attempts: number;
  /** Whether the first load was still under way when the kill landed. */
  duringLoad: boolean;
};

/** The key under which a run's tick lengths (by phase) hold how long the first load took. */
export const FIRST_LOAD = "first load";

/** How long outbound deliveries are watched after a round's changes in Salesforce. */
const OUTBOUND_WINDOW_MS = 1_000;

/**
 * The kill points of a run, from the seed: about a third during the first pull (a long load:
 * Bulk API jobs, pages, cursors), the rest spread over the rounds; three in five kill a tick
 * process, the others the web server (during outbound messages only in rounds: the first pull
 * has none). A phase's tick kills run in this order; the first pull's go by `at`, its place in the
 * load (see orderOfPhase).
 */
export function planKillPoints(random: TRandom, kills: number, rounds: number): TKillPoint[] {
  const points: TKillPoint[] = [];
  for (let number = 1; number <= kills; number++) {
    const phase = random.next() < 0.35 ? "first pull" : `round ${random.int(1, rounds)}`;
    const roll = random.next();
    const target: TKillTarget =
      roll < 0.6
        ? "cli tick"
        : roll < 0.8 || phase === "first pull"
          ? "server during cron tick"
          : "server during outbound messages";
    points.push({ number, phase, target, at: 0.02 + random.next() * 0.96 });
  }
  return points;
}

/**
 * The order a phase's tick kills run in. In the first pull, by their place in the load: each then
 * waits for the load to reach it, and they spread over the whole load. Two places in one chunk
 * put the second kill in the start of the tick that redoes the chunk.
 */
export function orderOfPhase(points: readonly TKillPoint[]): TKillPoint[] {
  return points[0]?.phase === "first pull" ? [...points].sort((left, right) => left.at - right.at) : [...points];
}

/**
 * A line on what had committed, read right after a kill. Until the first load is done for every
 * object it names each one not done: how far its load got, or that it has not started (a kill
 * between two objects, after one's last chunk and before the next one's cursor exists).
 */
export async function describeState(client: Client): Promise<string> {
  const cursors = await client.execute("SELECT object, loaded, total, initial_load_at FROM sync_cursors");
  const byObject = new Map(cursors.rows.map((row) => [String(row.object), row]));
  const loading: string[] = [];
  const notStarted = SYNC_OBJECTS.filter((object) => !byObject.has(object));
  for (const object of SYNC_OBJECTS) {
    const row = byObject.get(object);
    if (row && row.initial_load_at === null)
      loading.push(`${object} ${Number(row.loaded)}/${row.total === null ? "?" : Number(row.total)} loaded`);
  }
  if (notStarted.length > 0) loading.push(`not started: ${notStarted.join(", ")}`);
  const outbox = await client.execute(
    "SELECT state, COUNT(*) AS n FROM push_outbox WHERE state IN ('pending', 'sending') GROUP BY state ORDER BY state",
  );
  const notifications = await client.execute(
    "SELECT COUNT(*) AS n FROM outbound_notifications WHERE status = 'pending'",
  );
  const parts = [...loading, ...outbox.rows.map((row) => `outbox ${Number(row.n)} ${String(row.state)}`)];
  const pending = Number(notifications.rows[0]?.n ?? 0);
  if (pending > 0) parts.push(`${pending} notifications pending`);
  return parts.length > 0 ? parts.join(", ") : "nothing in flight";
}

/**
 * Whether outbound messages are in flight: deliveries the org has not had acknowledged yet, or
 * notifications Tandem stored and has not applied (those being applied are still pending).
 */
async function outboundInFlight(env: TChaosEnvironment): Promise<boolean> {
  const outbound = (await env.salesforce.admin("outbound-messages", undefined, "GET")) as { pending: unknown[] };
  if (outbound.pending.length > 0) return true;
  const stored = await env.database.client.execute(
    "SELECT COUNT(*) AS n FROM outbound_notifications WHERE status = 'pending'",
  );
  return Number(stored.rows[0]?.n ?? 0) > 0;
}

/** Ticks of one trigger that started and have not finished (a killed tick's row stays so). */
async function unfinishedTicks(client: Client, trigger: "cli" | "cron"): Promise<string[]> {
  const result = await client.execute({
    sql: "SELECT id FROM sync_ticks WHERE status = 'running' AND trigger = ?",
    args: [trigger],
  });
  return result.rows.map((row) => String(row.id));
}

/**
 * The first load's progress: records loaded so far, and whether all `objects` are loaded (an
 * object's cursor appears only when its load starts).
 */
async function firstLoadProgress(client: Client, objects: number): Promise<{ done: number; complete: boolean }> {
  const result = await client.execute(
    `SELECT SUM(CASE WHEN initial_load_at IS NULL THEN loaded ELSE COALESCE(total, loaded) END) AS done,
      SUM(initial_load_at IS NOT NULL) AS finished FROM sync_cursors`,
  );
  const row = result.rows[0];
  return { done: Number(row?.done ?? 0), complete: Number(row?.finished ?? 0) >= objects };
}

type TKillTiming = {
  tickMs: number;
  /** The reference's first load: its objects and records, and how long it took. */
  firstLoad: { objects: number; records: number; ms: number };
};

/**
 * Starts a tick (`start`) and kills it once it has begun work (its tick row appears) and then
 * `at` of the reference's longest tick in the phase has passed. While the first load is under
 * way, `at` is a place in the load instead: the kill waits for the load to commit the chunks
 * before that place, then lands as far into the next chunk's time (the reference's time per
 * chunk) as the place is into the chunk. A place the load has already passed (a previous kill
 * undid less than it) puts the kill that far into the tick's start. Counting from the tick, not
 * from the process's start, puts the kill inside the tick whatever the start-up costs. Says
 * whether the tick was still at work when killed, or had ended by itself.
 */
async function killTickAfter(
  client: Client,
  input: { trigger: "cli" | "cron"; at: number; loading: boolean; timing: TKillTiming },
  start: () => { ended: Promise<unknown>; kill: () => Promise<void> },
): Promise<{ landed: boolean; finished: boolean; delayMs: number; tickMs?: number }> {
  const { trigger, timing } = input;
  const before = new Set(await unfinishedTicks(client, trigger));
  const { records, ms } = timing.firstLoad;
  const place = input.at * records;
  const chunkStart = Math.floor(place / LOAD_CHUNK) * LOAD_CHUNK;
  const chunkMs = (ms * Math.min(LOAD_CHUNK, records)) / Math.max(1, records);
  const tick = start();
  let ended = false;
  const markEnded = () => {
    ended = true;
  };
  tick.ended.then(markEnded, markEnded);
  const deadline = Date.now() + 120_000;
  let id: string | undefined;
  while (!ended && Date.now() < deadline) {
    id ??= (await unfinishedTicks(client, trigger)).find((tickId) => !before.has(tickId));
    if (id && !input.loading) break;
    if (id) {
      const progress = await firstLoadProgress(client, timing.firstLoad.objects);
      if (progress.complete || progress.done >= chunkStart) break;
    }
    await sleep(15);
  }
  const delayMs = Math.max(
    10,
    Math.round(input.loading ? ((place - chunkStart) / LOAD_CHUNK) * chunkMs : input.at * timing.tickMs),
  );
  if (id && !ended) await Promise.race([sleep(delayMs), tick.ended]);
  await tick.kill();
  const landed = id !== undefined && (await unfinishedTicks(client, trigger)).includes(id);
  if (id === undefined || landed) return { landed, finished: false, delayMs };
  const finished = await client.execute({ sql: "SELECT duration_ms FROM sync_ticks WHERE id = ?", args: [id] });
  const tickMs = Number(finished.rows[0]?.duration_ms ?? Number.NaN);
  return { landed, finished: true, delayMs, tickMs: Number.isFinite(tickMs) ? tickMs : undefined };
}

/**
 * Runs one kill point: starts the work it targets (a tick process, a cron tick) or finds it under
 * way (outbound deliveries), waits its share of the work and sends SIGKILL. A tick kill that
 * caught no tick at work is tried again, up to four times: when the tick had finished first, at
 * the same share of that tick's length (a phase's later ticks have less to do than its longest),
 * or at half the share. The dead tick's lease is released (see releaseDeadLease) and the web server
 * started again.
 */
export async function executeKillPoint(
  env: TChaosEnvironment,
  point: TKillPoint,
  context: TKillTiming & { startedAt: number; waitLeases: boolean },
): Promise<TKillRecord> {
  const client = env.database.client;
  let at = point.at;
  let timing: TKillTiming = context;
  for (let attempt = 1; ; attempt++) {
    let outcome: { landed: boolean; finished: boolean; delayMs: number; tickMs?: number };
    if (point.target === "server during outbound messages") {
      const delayMs = Math.round(at * OUTBOUND_WINDOW_MS);
      await sleep(delayMs);
      // Notifications being applied are still pending: in flight covers the server's own tick too.
      const inFlight = await outboundInFlight(env);
      await env.web.crash({ restart: false });
      outcome = { landed: inFlight, finished: false, delayMs };
    } else {
      const loading =
        point.phase === "first pull" && !(await firstLoadProgress(client, context.firstLoad.objects)).complete;
      const input = { at, loading, timing };
      outcome =
        point.target === "cli tick"
          ? await killTickAfter(client, { ...input, trigger: "cli" }, () => {
              const tick = startTickProcess({ url: env.databaseUrl, authToken: env.databaseAuthToken });
              return { ended: tick.exited, kill: () => tick.stop() };
            })
          : await killTickAfter(client, { ...input, trigger: "cron" }, () => ({
              ended: env.web.cronTick().catch(() => null),
              kill: () => env.web.crash({ restart: false }),
            }));
    }
    const atMs = Date.now() - context.startedAt;
    const state = await describeState(client);
    const duringLoad = outcome.landed && !(await firstLoadProgress(client, context.firstLoad.objects)).complete;
    await releaseDeadLease(client, {
      waitLeases: context.waitLeases,
      dead: point.target === "cli tick" ? "cli" : "all",
    });
    if (point.target !== "cli tick") await env.web.start();
    // Outbound messages all applied do not come back: there is nothing to wait for again.
    const again = !outcome.landed && attempt < 4 && point.target !== "server during outbound messages";
    if (!again) {
      return {
        ...point,
        at,
        delayMs: outcome.delayMs,
        atMs,
        landed: outcome.landed,
        state,
        attempts: attempt,
        duringLoad,
      };
    }
    if (outcome.finished && outcome.tickMs !== undefined && outcome.tickMs < timing.tickMs)
      timing = { ...timing, tickMs: Math.max(20, outcome.tickMs) };
    else if (outcome.finished) at /= 2;
  }
}
