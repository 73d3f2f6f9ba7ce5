/**
 * The sync side of the load bench, in its own process as `npm run tandem -- sync` runs beside the
 * web server (at the same lowered CPU priority):
 * `tsx server/bench/load/sync-driver.ts <emulatorUrl> <pushPeople> [<cronUrl>]` into DATABASE_URL
 * (migrated, connected to the emulated org). First the initial pull of everything the org holds,
 * tick after tick; then push switched on, `pushPeople` people and their accounts created in
 * Tandem as the write side creates them, and push ticks until the outbox is empty. Prints one JSON
 * line per phase. With `cronUrl` (and CRON_SECRET), each tick is a GET of the web server's cron
 * route instead, so the sync runs in the server's process, as a scheduler calling it would.
 */
import { openDatabase, readDatabaseConfig, type TDatabase } from "@/db/client";
import { getEnv } from "@/server/env";
import { lowerCpuPriority } from "@/server/sync/background-priority";
import { runTick } from "@/server/sync/run-tick";
import type { TBusyTick, TTickSummary } from "@/server/sync/tick-summary";
import { emulatorApiCalls } from "../bench-org";
import { createBenchPush } from "../push-records";

async function orgClockOffset(url: string): Promise<number> {
  const response = await fetch(`${url}/__emulator/clock`, {
    method: "POST",
    headers: { "content-type": "application/json", connection: "close" },
    body: JSON.stringify({ advanceMs: 0 }),
  });
  return ((await response.json()) as { offsetMs: number }).offsetMs;
}

async function openOutbox(db: TDatabase) {
  const result = await db.$client.execute(
    "SELECT count(*) AS n FROM push_outbox WHERE state IN ('pending', 'sending')",
  );
  return Number(result.rows[0]?.n ?? 0);
}

type TTicker = (trigger: "cli" | "push") => Promise<TTickSummary | TBusyTick>;

/** Ticks run here, as the CLI runs them. */
async function localTicker(db: TDatabase, url: string): Promise<TTicker> {
  const offset = await orgClockOffset(url);
  const now = () => Date.now() + offset;
  return (trigger) => runTick(db, trigger, { budgetMs: 600_000, now });
}

/** Ticks run in the web server, one GET of its cron route each. */
function cronTicker(cronUrl: string, secret: string): TTicker {
  return async () => {
    const response = await fetch(cronUrl, { headers: { authorization: `Bearer ${secret}` } });
    if (!response.ok) throw new Error(`the cron route answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as TTickSummary | TBusyTick;
  };
}

async function pull(tick: TTicker, url: string) {
  const callsBefore = await emulatorApiCalls(url);
  const started = performance.now();
  let records = 0;
  let ticks = 0;
  for (;;) {
    const summary = await tick("cli");
    if ("skipped" in summary) throw new Error("the tick lease is busy");
    if (!summary.ok) throw new Error(JSON.stringify(summary.failures));
    ticks += 1;
    records += Object.values(summary.pull).reduce(
      (sum, counts) => sum + counts.created + ("suppressed" in counts ? counts.suppressed : 0),
      0,
    );
    if (!summary.more) break;
  }
  const wallMs = performance.now() - started;
  return { phase: "pull", wallMs, records, ticks, apiCalls: (await emulatorApiCalls(url)) - callsBefore };
}

async function push(db: TDatabase, tick: TTicker, url: string, people: number) {
  const { createMs, records } = await createBenchPush(db, people);
  const callsBefore = await emulatorApiCalls(url);
  const started = performance.now();
  let ticks = 0;
  let failed = 0;
  for (;;) {
    const summary = await tick("push");
    if ("skipped" in summary) throw new Error("the tick lease is busy");
    if (!summary.ok) throw new Error(JSON.stringify(summary.failures));
    ticks += 1;
    failed += Object.values(summary.push).reduce((sum, counts) => sum + counts.failed, 0);
    const open = await openOutbox(db);
    if (open === 0) break;
    if (ticks >= 200) throw new Error(`${open} outbox rows still open after ${ticks} ticks`);
  }
  const wallMs = performance.now() - started;
  if (failed > 0) throw new Error(`${failed} records failed to push`);
  return {
    phase: "push",
    wallMs,
    createMs,
    records,
    ticks,
    apiCalls: (await emulatorApiCalls(url)) - callsBefore,
  };
}

const [url, count, cronUrl] = process.argv.slice(2);
const people = Number(count);
if (!url || !Number.isInteger(people) || people < 0)
  throw new Error("usage: sync-driver.ts <emulatorUrl> <pushPeople> [<cronUrl>]");
lowerCpuPriority();
const handle = openDatabase(readDatabaseConfig());
const tick = cronUrl ? cronTicker(cronUrl, getEnv().CRON_SECRET ?? "") : await localTicker(handle.db, url);
console.log(JSON.stringify(await pull(tick, url)));
if (people > 0) console.log(JSON.stringify(await push(handle.db, tick, url, people)));
handle.client.close();
