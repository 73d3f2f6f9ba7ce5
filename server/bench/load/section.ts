/**
 * `npm run bench -- load`: signed-in reps browsing Tandem while a first pull and then a push run.
 *
 * - The emulated org holds 100,000 records (10,000 with `--quick`), in the shares the pull bench uses.
 * - Tandem: a `file:` libSQL database; the app's tRPC router and Auth.js on node:http in their own
 *   process (app-server.ts), no `next build` needed; with `--pages`, also `next start` on the same
 *   database (pages.ts).
 * - 20 reps (8 with `--quick`), each with a user and a real session from the credentials sign-in,
 *   browse lists, filtered and sorted lists, searches of 3+ and of 1–2 characters, and profiles,
 *   with a think time between steps (users.ts), until the sync is done.
 * - The sync (sync-driver.ts, another process, as `npm run tandem -- sync` runs, at its lowered
 *   CPU priority): the initial pull, then 10,000 people (1,000) created in Tandem with their
 *   accounts and pushed.
 * - With `--pages`, each page is loaded once before the reps start (a fresh server's first load of
 *   a page loads its code); those first loads are printed apart.
 * Printed: each call kind's count, p50, p95, max and errors (target p95 ≤ 300 ms, no error); then,
 * with the reps gone, the people search at 100,000 people (10,000) through the trigram index and
 * through the LIKE scan, on the same terms. Exits 1 on any error or on totals that differ.
 * To find where a slow call's time goes: `--sql-profile FILE`, `--cpu-prof DIR` and `--keep`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { CHAOS_CRON_SECRET, freePort } from "@/server/chaos/web-server";
import { allowServerOnly } from "@/server/cli/server-only";
import { childProcessEnv } from "@/server/env";
import { addUser } from "@/server/users/add-user";
import { BENCH_AUTH_SECRET, connectToEmulator } from "../bench-org";
import { pageStep, startPagesServer, warmPages } from "./pages";
import { formatSummaries, LatencyLog } from "./summary";
import { appClient, browse, signIn } from "./users";

export const TARGET_P95_MS = 300;

export type TLoadOptions = {
  quick: boolean;
  pages: boolean;
  /** The emulator in a process of its own, as the other sections start it. */
  startEmulator: () => Promise<{ url: string; stop: () => void }>;
  /** The share of each object in the org's records. */
  mix: Readonly<Record<"Account" | "Contact" | "Lead" | "Opportunity", number>>;
  /** `--keep`: leave the database in place, to study its query plans after the run. */
  keep?: boolean;
  /** `--cpu-prof DIR`: the app server writes a V8 CPU profile there (open it in Chrome's DevTools). */
  cpuProfileDir?: string;
  /** `--sql-profile FILE`: the app server writes there the statements that took it the most time. */
  sqlProfile?: string;
  /**
   * `--sync-in-server`: the ticks run in `next start`'s process through its cron route, as a
   * scheduler calling the route runs them, instead of in a process of their own. Needs the pages.
   */
  syncInServer?: boolean;
};

export function loadSizes(quick: boolean) {
  return quick
    ? { records: 10_000, push: 1_000, users: 8, searchPeople: 10_000, searchTerms: 60, maxSteps: 400 }
    : { records: 100_000, push: 10_000, users: 20, searchPeople: 100_000, searchTerms: 200, maxSteps: 100_000 };
}

const PASSWORD = "load bench password";
/** The most a rep waits between two steps (uniformly from 0): reading a page, typing. */
const THINK_MS = 500;

async function admin(url: string, path: string, body: unknown) {
  const response = await fetch(`${url}/__emulator/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", connection: "close" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

/** A child process started with tsx; resolves once its stdout says `ready`. */
async function startChild(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: string,
  nodeOptions: string[] = [],
) {
  const child = spawn(process.execPath, [...nodeOptions, "--import", "tsx", script, ...args], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (chunk.toString().includes(ready)) {
        child.stdout.off("data", onData);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return child;
}

/** The sync process: resolves with each phase's JSON line once it exits cleanly. */
function runSync(child: ChildProcess, onPhase: (phase: Record<string, unknown>) => void) {
  return new Promise<void>((resolve, reject) => {
    let pending = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.startsWith("{")) onPhase(JSON.parse(line) as Record<string, unknown>);
    });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the sync exited with ${code}`))));
  });
}

/** A seeded pseudo-random generator (mulberry32): the same browsing on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const n = (value: number) => Math.round(value).toLocaleString("en-US");

export async function runLoadSection(options: TLoadOptions): Promise<void> {
  allowServerOnly();
  const { compareSearch, sampleTerms, topUpPeople } = await import("./search-compare");
  const sizes = loadSizes(options.quick);
  const dir = mkdtempSync(join(tmpdir(), "tandem-load-"));
  const databaseUrl = `file:${join(dir, "load.db")}`;
  const children: ChildProcess[] = [];
  const stops: Array<() => unknown> = [];
  const emulator = await options.startEmulator();
  stops.push(emulator.stop);
  let failed = false;
  if (options.syncInServer && !options.pages) throw new Error("--sync-in-server needs the pages' server (--pages)");
  const syncInServer = options.syncInServer === true;
  const cpuProfileOptions = (name: string) =>
    options.cpuProfileDir
      ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`, `--cpu-prof-name=${name}.\${pid}.cpuprofile`]
      : [];
  try {
    await admin(emulator.url, "reset", { seed: "empty" });
    const counts = Object.entries(options.mix).map(
      ([object, share]) => [object, Math.round(sizes.records * share)] as const,
    );
    for (const [object, count] of counts) await admin(emulator.url, "records", { object, count });

    const handle = openDatabase({ url: databaseUrl });
    await migrateDatabase(handle);
    await connectToEmulator(handle.db, emulator.url);
    const reps = [];
    for (let index = 0; index < sizes.users; index += 1)
      reps.push(
        await addUser(handle.db, {
          email: `rep${index + 1}@load.example`,
          name: `Rep ${index + 1}`,
          password: PASSWORD,
          role: index === 0 ? "admin" : "member",
        }),
      );

    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    const env = childProcessEnv({
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      DATABASE_AUTH_TOKEN: "",
      AUTH_SECRET: BENCH_AUTH_SECRET,
      AUTH_URL: appUrl,
      CRON_SECRET: CHAOS_CRON_SECRET,
      LOG_LEVEL: "warn",
    });
    const app = await startChild(
      "server/bench/load/app-server.ts",
      [String(port), ...(options.sqlProfile ? [options.sqlProfile] : [])],
      env,
      "listening",
      cpuProfileOptions("app-server"),
    );
    children.push(app);

    const log = new LatencyLog();
    const signIns = new LatencyLog();
    const cookies: string[] = [];
    for (const rep of reps) {
      const started = performance.now();
      cookies.push(await signIn(appUrl, rep.email, PASSWORD));
      signIns.record("sign-in", performance.now() - started);
    }

    let pages: Awaited<ReturnType<typeof startPagesServer>> | null = null;
    let firstLoads: Array<[string, number]> = [];
    if (options.pages) {
      pages = await startPagesServer({
        databaseUrl,
        authSecret: BENCH_AUTH_SECRET,
        logFile: join(dir, "next.log"),
        nodeOptions: cpuProfileOptions("next"),
      });
      stops.push(async () => {
        await pages?.server.stop();
        pages = null;
      });
      firstLoads = await warmPages(pages.server.url, cookies[0]!);
    }

    console.log(
      `\nLoad: ${sizes.users} signed-in reps browsing (think time 0–${THINK_MS} ms) while the initial pull of ${n(sizes.records)} records (${counts.map(([object, count]) => `${object} ${n(count)}`).join(", ")}) and then a push of ${n(sizes.push)} people with ${n(sizes.push / 5)} accounts run. tRPC on node:http in its own process (the app router and Auth.js sessions, no Next build)${pages ? `; pages from \`next start\`${pages.built ? " (built for this run)" : ""}` : ""}; ${syncInServer ? "the sync's ticks through the cron route of `next start`, in its process" : "the sync in another process at a lowered CPU priority, as `npm run tandem -- sync` runs"}; a libSQL file database.`,
    );

    let phase = "pull";
    let syncDone = false;
    const phases: Array<Record<string, unknown>> = [];
    const sync = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "server/bench/load/sync-driver.ts",
        emulator.url,
        String(sizes.push),
        ...(syncInServer && pages ? [`${pages.server.url}/api/cron/sync`] : []),
      ],
      {
        env,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    children.push(sync);
    const synced = runSync(sync, (line) => {
      phases.push(line);
      if (line.phase === "pull") phase = "push";
    }).finally(() => {
      syncDone = true;
    });

    const byPhase = new LatencyLog();
    const phaseLog: Pick<LatencyLog, "record" | "fail"> = {
      record: (kind: string, ms: number) => {
        log.record(kind, ms);
        byPhase.record(`all, during the ${phase}`, ms);
      },
      fail: (kind: string, message: string) => {
        log.fail(kind, message);
        byPhase.fail(`all, during the ${phase}`, message);
      },
    };
    const started = performance.now();
    const browsing = reps.map((_, index) => {
      const random = seededRandom(index + 1);
      const client = appClient(appUrl, cookies[index]!);
      const pagesUrl = pages?.server.url;
      return browse({
        client,
        random,
        log: phaseLog,
        until: () => syncDone,
        pauseMs: THINK_MS,
        maxSteps: sizes.maxSteps,
        page: pagesUrl ? (seen) => pageStep(pagesUrl, cookies[index]!, random, seen) : undefined,
      });
    });
    await synced;
    const steps = (await Promise.all(browsing)).reduce((sum, count) => sum + count, 0);
    const wallMs = performance.now() - started;
    for (const child of children.splice(0)) child.kill("SIGTERM");
    for (const stop of stops.splice(1)) await stop();

    for (const line of phases)
      console.log(
        `  ${String(line.phase).padEnd(5)} ${n(Number(line.records))} records in ${n(Number(line.wallMs))} ms, ${line.apiCalls} API calls${line.createMs !== undefined ? ` (created in Tandem first: ${n(Number(line.createMs))} ms)` : ""}`,
      );
    console.log(
      `  ${n(steps)} steps by ${sizes.users} reps in ${n(wallMs)} ms (a profile is 2–3 calls in parallel, timed together)`,
    );
    if (firstLoads.length > 0)
      console.log(
        `  each page's first load after \`next start\`, before the reps began (not in the figures below): ${firstLoads.map(([path, ms]) => `${path} ${n(ms)} ms`).join(", ")}`,
      );
    console.log("");
    for (const line of formatSummaries(
      [...signIns.summaries().slice(0, 1), ...log.summaries(), ...byPhase.summaries().slice(0, -1)],
      TARGET_P95_MS,
    ))
      console.log(`  ${line}`);
    const all = log.summaries().at(-1)![1];
    console.log(
      `  p95 of all calls ${n(all.p95)} ms (target ≤ ${TARGET_P95_MS} ms): ${all.p95 <= TARGET_P95_MS ? "met" : "missed"}; errors ${all.errors} (target 0)`,
    );
    for (const message of log.firstErrors()) console.log(`  error: ${message}`);
    if (log.errorCount > 0) failed = true;

    // The index holds exactly one row per person after the bulk load, the updates and the push.
    const [docs = 0, people = 0] = await Promise.all(
      ["people_search_docs", "crm_people"].map(async (table) =>
        Number((await handle.client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0),
      ),
    );
    if (docs !== people) {
      console.log(`  the search index holds ${docs} rows for ${people} people`);
      failed = true;
    }

    const added = await topUpPeople(handle.db, sizes.searchPeople);
    const terms = await sampleTerms(handle.db, sizes.searchTerms, seededRandom(99));
    const comparison = await compareSearch(handle.db, terms);
    console.log(
      `\nPeople search at ${n(comparison.people)} active people (${n(people)} after the sync${added > 0 ? `, ${n(added)} copies added` : ""}), ${comparison.terms} terms of 3–6 characters from names, emails and companies, one search at a time:`,
    );
    for (const line of formatSummaries(
      [
        ["trigram index", comparison.index],
        ["LIKE scan", comparison.scan],
      ],
      TARGET_P95_MS,
    ))
      console.log(`  ${line}`);
    console.log(`  index / scan at p95: ${(comparison.index.p95 / Math.max(comparison.scan.p95, 0.001)).toFixed(2)}×`);
    if (comparison.mismatches.length > 0) {
      console.log(
        `  totals differ for ${comparison.mismatches.length} terms: ${comparison.mismatches.slice(0, 5).join("; ")}`,
      );
      failed = true;
    }
    handle.client.close();
  } finally {
    for (const child of children) child.kill("SIGTERM");
    for (const stop of stops) await stop();
    if (options.keep) console.log(`load bench: kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  if (failed) throw new Error("the load bench saw errors (above)");
}
