/**
 * One measured pull, in its own process so its peak RSS is its own (the emulator, and sqld when
 * used, run in other processes). Prints one JSON line.
 *   tsx server/bench/pull-once.ts tandem|bare|floor <emulatorUrl>
 * `tandem` and `floor` write into DATABASE_URL (with DATABASE_AUTH_TOKEN) when it is set, a fresh
 * database such as the sqld server `run.ts` starts; otherwise into a temporary `file:` database.
 */
import { createClient } from "@libsql/client";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { downloadLikeFirstLoad, downloadRestPages } from "@/server/salesforce/testing/bare-download";
import { runTick } from "@/server/sync/run-tick";
import { benchDatabase, connectToEmulator, tokens } from "./bench-org";
import { FLOOR_SCHEMA, writeFloorPage } from "./floor";
import { countRoundTrips } from "./round-trips";

async function advanceOrgClock(url: string, advanceMs: number): Promise<{ offsetMs: number }> {
  const response = await fetch(`${url}/__emulator/clock`, {
    method: "POST",
    headers: { "content-type": "application/json", connection: "close" },
    body: JSON.stringify({ advanceMs }),
  });
  return (await response.json()) as { offsetMs: number };
}

async function tandem(url: string) {
  const database = benchDatabase();
  const handle = openDatabase(database.config);
  const roundTrips = countRoundTrips(handle.client);
  await migrateDatabase(handle);
  await connectToEmulator(handle.db, url);
  // The org's clock may already run ahead (an earlier run moved it); Tandem's clock follows it.
  let offset = (await advanceOrgClock(url, 0)).offsetMs;
  const now = () => Date.now() + offset;
  roundTrips.reset();
  const started = performance.now();
  let apiCalls = 0;
  let records = 0;
  let ticks = 0;
  let duplicatesMs = 0;
  for (;;) {
    const summary = await runTick(handle.db, "cli", { budgetMs: 600_000, now });
    if ("skipped" in summary) throw new Error("lease busy");
    if (!summary.ok) throw new Error(JSON.stringify(summary.failures));
    ticks += 1;
    apiCalls += summary.apiCalls;
    duplicatesMs += summary.duplicates?.durationMs ?? 0;
    records += Object.values(summary.pull).reduce(
      (sum, counts) => sum + counts.created + ("suppressed" in counts ? counts.suppressed : 0),
      0,
    );
    if (!summary.more) break;
  }
  const wallMs = performance.now() - started;
  const pull = roundTrips.snapshot();
  // Time passes in the org and in Tandem alike: first a tick inside the overlap window (it
  // re-reads the burst just loaded, as late commits could hide there), then a truly idle one.
  const later = async (minutes: number) => {
    offset = (await advanceOrgClock(url, minutes * 60_000)).offsetMs;
    const summary = await runTick(handle.db, "cli", { now });
    return "skipped" in summary ? -1 : summary.apiCalls;
  };
  const settleCalls = await later(6);
  const idleCalls = await later(1);
  handle.client.close();
  database.remove();
  return { wallMs, duplicatesMs, apiCalls, records, ticks, settleCalls, idleCalls, roundTrips: pull };
}

/** The same records fetched by bare jsforce into nothing. */
async function bare(url: string) {
  const issued = await tokens(url);
  const started = performance.now();
  const download = await downloadRestPages({ instanceUrl: issued.instance_url, accessToken: issued.access_token });
  return { wallMs: performance.now() - started, ...download };
}

/** The floor: bare jsforce downloads, one indexed libSQL table (see floor.ts). */
async function floor(url: string) {
  const database = benchDatabase();
  const client = createClient(database.config);
  // As db/migrate.ts sets it on a `file:` database.
  if (database.config.url.startsWith("file:")) await client.execute("PRAGMA journal_mode = WAL");
  await client.executeMultiple(FLOOR_SCHEMA);
  const issued = await tokens(url);
  const started = performance.now();
  const download = await downloadLikeFirstLoad(
    { instanceUrl: issued.instance_url, accessToken: issued.access_token },
    (object, records) => writeFloorPage(client, object, records),
  );
  const wallMs = performance.now() - started;
  const stored = Number((await client.execute("SELECT count(*) AS n FROM floor_records")).rows[0]?.n ?? 0);
  client.close();
  database.remove();
  if (stored !== download.records) throw new Error(`floor stored ${stored} of ${download.records} records`);
  return { wallMs, ...download };
}

const MODES = { tandem, bare, floor } as const;
const [mode, url] = process.argv.slice(2);
if (!url || !(mode && mode in MODES)) throw new Error("usage: pull-once.ts tandem|bare|floor <emulatorUrl>");
const result = await MODES[mode as keyof typeof MODES](url);
console.log(JSON.stringify({ ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
