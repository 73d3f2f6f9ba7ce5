/**
 * `npm run bench`: the initial pull and an idle tick against an emulated org of 10,000 and
 * 100,000 records across accounts, contacts, leads and opportunities, into a `file:` database and
 * into a real sqld server over HTTP (Turso's path); beside them, measured in the same run, bare
 * jsforce fetching the same records into nothing, and the floor (floor.ts): bare jsforce
 * downloads written into one indexed libSQL table. Then push (push-section.ts): 1,000 and 10,000
 * people created in Tandem with their accounts, against bare jsforce creating the same records.
 * Then field mapping (mapping-section.ts): an incremental pull of 10,000 linked contacts with five
 * mapped fields on, against the same pull with them off, and the API calls of the writes.
 * Then duplicates (duplicates/section.ts): the matcher's accuracy on public data with ground truth
 * (read from `--data DIR`, ../shared/data/dedup by default; skipped when missing), and on 100,000
 * synthetic people its blocking, a full dedup and the single-record check of a create form.
 * `npm run bench -- --quick`: pull at 10,000, push at 1,000, mapping at 2,000, duplicates at 20,000
 * only. `--push-only`, `--mapping-only` and `--duplicates-only`: that section alone (smaller with
 * `--quick`); the duplicates section needs no emulated org.
 * `npm run bench -- load` runs the load section (load/section.ts) alone: signed-in reps browsing
 * while a 100,000-record pull and a 10,000-record push run, p50/p95 per call, and the people search
 * through its index and by scan; `--quick` at 10,000 and 1,000, `--pages` also times page loads
 * from `next start` (building first unless a current build exists), `--sync-in-server` runs the
 * sync's ticks in that server through its cron route instead of in a process of their own;
 * `--sql-profile FILE`, `--cpu-prof DIR` and `--keep` show where the servers' time goes
 * (load/section.ts).
 */
import { execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { startSqld } from "@/db/testing/sqld";
import { childProcessEnv, setEnvDefault } from "@/server/env";
import { defaultDataDir } from "./duplicates/public-data";
import { runDuplicatesSection } from "./duplicates/section";
import { runLoadSection } from "./load/section";
import { runMappingSection } from "./mapping-section";
import { runPushSection } from "./push-section";
import type { TRoundTrips } from "./round-trips";

const QUICK = process.argv.includes("--quick");
const LOAD = process.argv.includes("load");
const PUSH_ONLY = process.argv.includes("--push-only");
const MAPPING_ONLY = process.argv.includes("--mapping-only");
const DUPLICATES_ONLY = process.argv.includes("--duplicates-only");
const SIZES = PUSH_ONLY || MAPPING_ONLY || DUPLICATES_ONLY ? [] : QUICK ? [10_000] : [10_000, 100_000];
const PUSH_SIZES = MAPPING_ONLY || DUPLICATES_ONLY ? [] : QUICK ? [1_000] : [1_000, 10_000];
const MAPPING_CONTACTS = PUSH_ONLY || DUPLICATES_ONLY ? 0 : QUICK ? 2_000 : 10_000;
const DUPLICATES_PEOPLE = PUSH_ONLY || MAPPING_ONLY ? 0 : QUICK ? 20_000 : 100_000;
/** The absolute path given after `name`, if any. */
function optionValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  const value = at > 0 ? process.argv[at + 1] : undefined;
  return value ? path.resolve(value) : undefined;
}
const DATA_DIR = optionValue("--data") ?? defaultDataDir();
const MIX = { Account: 0.2, Contact: 0.45, Lead: 0.2, Opportunity: 0.15 } as const;
const PAGE = 2000;
const BULK_ABOVE = 10_000;
const BULK_PAGE = 10_000;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startEmulatorProcess() {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "server/emulator/cli.ts",
      "--port",
      String(port),
      "--seed",
      "empty",
      "--daily-limit",
      "10000000",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return { url: `http://localhost:${port}`, stop: () => child.kill("SIGTERM") };
}

async function admin(url: string, path: string, body: unknown) {
  const response = await fetch(`${url}/__emulator/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", connection: "close" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

type TDatabaseEnv = { DATABASE_URL?: string; DATABASE_AUTH_TOKEN?: string };

function measure(mode: "tandem" | "bare" | "floor", url: string, database: TDatabaseEnv = {}) {
  const output = execFileSync(process.execPath, ["--import", "tsx", "server/bench/pull-once.ts", mode, url], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    // A temporary `file:` database unless a server is given: never one set in the caller's shell.
    env: childProcessEnv({ DATABASE_URL: undefined, DATABASE_AUTH_TOKEN: undefined, ...database }),
  });
  return JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as {
    wallMs: number;
    duplicatesMs?: number;
    apiCalls: number;
    records: number;
    settleCalls?: number;
    idleCalls?: number;
    maxRssMb: number;
    roundTrips?: TRoundTrips;
  };
}

/** A pull into a fresh sqld server, started (about 0.1 s) for this measurement alone. */
async function measureOnSqld(mode: "tandem" | "floor", url: string) {
  const server = await startSqld();
  try {
    return measure(mode, url, { DATABASE_URL: server.url, DATABASE_AUTH_TOKEN: server.authToken });
  } finally {
    await server.stop();
  }
}

/** libSQL client calls charged to each applied page: "median (min–max)". */
function perPage(trips: TRoundTrips | undefined) {
  const sorted = [...(trips?.perPage ?? [])].sort((a, b) => a - b);
  if (sorted.length === 0) return "no pages";
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return `${median} (${sorted[0]}–${sorted.at(-1)})`;
}

const ms = (value: number | undefined) => Math.round(value ?? 0).toLocaleString("en-US");
const rate = (records: number, ms: number) => Math.round((records / ms) * 1000).toLocaleString("en-US");

async function runEmulatedSections() {
  if (SIZES.length > 0)
    console.log(
      "floor: the same records by bare jsforce (REST pages; Bulk API 2.0 above 10,000 rows, as Tandem) into one libSQL table indexed like crm_people, content hashes, one transaction per 2,000 rows. sqld: a real libSQL server over HTTP on loopback with JWT auth.",
    );
  const emulator = await startEmulatorProcess();
  const rows: Array<{ size: number; rss: number }> = [];
  try {
    for (const size of SIZES) {
      await admin(emulator.url, "reset", { seed: "empty" });
      const counts = Object.entries(MIX).map(([object, share]) => [object, Math.round(size * share)] as const);
      for (const [object, count] of counts) await admin(emulator.url, "records", { object, count });
      // Fewest calls possible: one composite carries every object's first query; an object up to
      // 10,000 rows then needs one call per further 2,000-row page, a larger one a Bulk API job
      // (create, at least one status check, one call per 50,000-row results page).
      const minimum =
        1 +
        counts.reduce(
          (sum, [, count]) =>
            sum + (count > BULK_ABOVE ? 2 + Math.ceil(count / BULK_PAGE) : Math.max(1, Math.ceil(count / PAGE)) - 1),
          0,
        );
      const bareRun = measure("bare", emulator.url);
      const floorRun = measure("floor", emulator.url);
      const tandemRun = measure("tandem", emulator.url);
      const sqldRun = await measureOnSqld("tandem", emulator.url);
      const floorSqldRun = await measureOnSqld("floor", emulator.url);
      const stored = [tandemRun, sqldRun, bareRun, floorRun, floorSqldRun].map((run) => run.records);
      if (new Set(stored).size > 1)
        throw new Error(`record counts differ (Tandem, on sqld, bare, floor, floor on sqld): ${stored.join(", ")}`);
      rows.push({ size, rss: tandemRun.maxRssMb });
      console.log(
        `\n${size.toLocaleString("en-US")} records (${counts.map(([object, count]) => `${object} ${count.toLocaleString("en-US")}`).join(", ")})`,
      );
      // The floor if every bulk job came back in one results page (memory permitting).
      const floor =
        1 +
        counts.reduce((sum, [, count]) => sum + (count > BULK_ABOVE ? 3 : Math.max(1, Math.ceil(count / PAGE)) - 1), 0);
      console.log(
        `  initial pull   ${tandemRun.apiCalls} API calls (minimum ${minimum} with ${BULK_PAGE.toLocaleString("en-US")}-row bulk pages: ${(tandemRun.apiCalls / minimum).toFixed(2)}×, target ≤ 1.10×; ${floor} with one page per job: ${(tandemRun.apiCalls / floor).toFixed(2)}×)`,
      );
      console.log(
        `  idle tick      ${tandemRun.idleCalls} API call (minimum 1); the tick that settles the 5-minute overlap after a load re-reads it: ${tandemRun.settleCalls} calls`,
      );
      console.log(
        `  Tandem         ${ms(tandemRun.wallMs)} ms, ${rate(tandemRun.records, tandemRun.wallMs)} records/s, peak RSS ${tandemRun.maxRssMb} MB`,
      );
      console.log(
        `  bare jsforce   ${ms(bareRun.wallMs)} ms, ${rate(bareRun.records, bareRun.wallMs)} records/s, ${bareRun.apiCalls} API calls, peak RSS ${bareRun.maxRssMb} MB`,
      );
      const pullMs = tandemRun.wallMs - (tandemRun.duplicatesMs ?? 0);
      console.log(
        `  of which       ${ms(tandemRun.duplicatesMs)} ms checking the loaded records for duplicates (DUP-1, after the load); the pull alone ${ms(pullMs)} ms`,
      );
      console.log(
        `  Tandem / bare  ${(tandemRun.wallMs / bareRun.wallMs).toFixed(2)}× (target ≤ 2×); the pull alone ${(pullMs / bareRun.wallMs).toFixed(2)}×`,
      );
      console.log(
        `  floor          ${ms(floorRun.wallMs)} ms, ${rate(floorRun.records, floorRun.wallMs)} records/s, ${floorRun.apiCalls} API calls, peak RSS ${floorRun.maxRssMb} MB`,
      );
      console.log(`  Tandem / floor ${(tandemRun.wallMs / floorRun.wallMs).toFixed(2)}× (target ≤ 1.5× at 100,000)`);
      console.log(
        `  Tandem on sqld ${ms(sqldRun.wallMs)} ms, ${rate(sqldRun.records, sqldRun.wallMs)} records/s, peak RSS ${sqldRun.maxRssMb} MB`,
      );
      console.log(
        `  floor on sqld  ${ms(floorSqldRun.wallMs)} ms, ${rate(floorSqldRun.records, floorSqldRun.wallMs)} records/s`,
      );
      console.log(
        `  sqld / file    ${(sqldRun.wallMs / tandemRun.wallMs).toFixed(2)}× (target ≤ 2× on loopback); the floor's ${(floorSqldRun.wallMs / floorRun.wallMs).toFixed(2)}×`,
      );
      const trips = sqldRun.roundTrips;
      const onFile = perPage(tandemRun.roundTrips);
      console.log(
        `  round trips    ${perPage(trips)} per applied page on sqld${onFile === perPage(trips) ? " and on file" : `, ${onFile} on file`}: libSQL client calls, median (min–max), the page's one batch included; ${trips?.calls} in the pull for ${trips?.pages} pages (${trips?.execute} execute, ${trips?.batch} batch, ${trips?.transaction} in transactions)`,
      );
      console.log(
        `  libSQL busy    on sqld ${ms(trips?.executeMs)} ms with an execute in flight, ${ms(trips?.batchMs)} ms with a batch; on file ${ms(tandemRun.roundTrips?.executeMs)} and ${ms(tandemRun.roundTrips?.batchMs)} ms`,
      );
    }
    const [small, large] = rows;
    if (small && large)
      console.log(`\nPeak RSS growth 10,000 → 100,000 records: ${large.rss - small.rss} MB (target < 150 MB)`);
    if (PUSH_SIZES.length > 0) await runPushSection(emulator.url, PUSH_SIZES);
    if (MAPPING_CONTACTS > 0) await runMappingSection(emulator.url, MAPPING_CONTACTS);
  } finally {
    emulator.stop();
  }
}

async function main() {
  // Every process the bench starts inherits this: its figures, not a JSON line per tick and batch.
  setEnvDefault("LOG_LEVEL", "warn");
  if (LOAD)
    return runLoadSection({
      quick: QUICK,
      pages: process.argv.includes("--pages") || process.argv.includes("--sync-in-server"),
      syncInServer: process.argv.includes("--sync-in-server"),
      startEmulator: startEmulatorProcess,
      mix: MIX,
      keep: process.argv.includes("--keep"),
      cpuProfileDir: optionValue("--cpu-prof"),
      sqlProfile: optionValue("--sql-profile"),
    });
  if (!DUPLICATES_ONLY) await runEmulatedSections();
  if (DUPLICATES_PEOPLE > 0) runDuplicatesSection({ people: DUPLICATES_PEOPLE, dataDir: DATA_DIR });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
