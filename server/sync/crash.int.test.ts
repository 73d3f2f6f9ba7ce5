import { createClient } from "@libsql/client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { runTick } from "./run-tick";
import { connectToEmulator, emulatorAdmin } from "./testing/emulator-connection";
import {
  forgetLoad,
  isStopped,
  loadSnapshot,
  sleep,
  spawnScript,
  startEmulatorProcess,
  startTickProcess,
  type TEmulatorProcess,
  type TRunningProcess,
} from "./testing/processes";
import type { TTickSummary } from "./tick-summary";

const kind = testDatabaseKind();

let database: TTestDatabase;
let emulator: TEmulatorProcess;
let reference: Awaited<ReturnType<typeof loadSnapshot>>;
const processes: TRunningProcess[] = [];

/** Where tick processes find the test database (sqld is on localhost, so they reach it too). */
function databaseTarget() {
  return { url: database.url, authToken: kind === "sqld" ? inject("sqld").authToken : undefined };
}

function track<T extends TRunningProcess>(running: T): T {
  processes.push(running);
  return running;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function contactCursor() {
  const result = await database.client.execute(
    "SELECT loaded, total, initial_load_at, updated_at FROM sync_cursors WHERE object = 'Contact'",
  );
  const row = result.rows[0];
  if (!row) return null;
  return {
    loaded: Number(row.loaded),
    total: Number(row.total),
    done: row.initial_load_at !== null,
    updatedAt: Number(row.updated_at),
  };
}

/** Waits until a first load of contacts has committed some, but not all, of its rows. */
function contactsMidLoad() {
  return waitFor("contacts to be partly loaded", async () => {
    const cursor = await contactCursor();
    if (!cursor || cursor.done || cursor.loaded === 0) return null;
    if (cursor.loaded >= cursor.total) throw new Error("the load finished before it could be interrupted");
    return cursor;
  });
}

async function leaseHolder() {
  const result = await database.client.execute("SELECT holder FROM sync_leases WHERE name = 'tick'");
  return result.rows[0] ? String(result.rows[0].holder) : null;
}

/**
 * SIGSTOPs a tick process where it holds no write transaction: a process stopped inside one would
 * keep a `file:` database locked, which no lease can help with. Continues it and tries again when
 * it was caught mid-commit. On sqld a commit is one HTTP request: a stopped client holds no lock.
 */
async function pauseBetweenCommits(tick: TRunningProcess) {
  const probe = kind === "file" ? createClient({ url: database.url, timeout: 100 }) : null;
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      tick.child.kill("SIGSTOP");
      await waitFor("the tick to stop", async () => (isStopped(tick.pid) ? true : null), 5_000);
      const writable = await (probe?.batch(["SELECT 1"], "write") ?? Promise.resolve()).then(
        () => true,
        (error: { code?: string }) => {
          if (error.code !== "SQLITE_BUSY") throw error;
          return false;
        },
      );
      if (writable) return;
      tick.child.kill("SIGCONT");
      await sleep(5 + attempt);
    }
    throw new Error("the tick never paused outside a commit");
  } finally {
    probe?.close();
  }
}

async function tickInProcess(): Promise<TTickSummary> {
  const summary = await runTick(database.db, "cli", { budgetMs: 120_000 });
  if ("skipped" in summary) throw new Error("the tick was skipped: busy");
  return summary;
}

/** Ticks until nothing is left (more: false), as a scheduler would. */
async function tickUntilDone() {
  for (let round = 0; round < 10; round++) {
    const summary = await tickInProcess();
    if (!summary.ok) throw new Error(`a tick failed: ${JSON.stringify(summary.failures)}`);
    if (!summary.more) return;
  }
  throw new Error("the load did not finish in 10 ticks");
}

function failureCodes(summary: unknown) {
  return ((summary as TTickSummary | null)?.failures ?? []).map((failure) => failure.code);
}

describe(`ticks in separate processes on ${kind}`, () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    emulator = await startEmulatorProcess();
    // Contacts above the Bulk threshold (two results pages), accounts and leads over REST; the
    // synthetic leads share the contacts' emails, so they are suppressed once the contacts are in.
    await emulatorAdmin(emulator, "records", { object: "Account", count: 200 });
    await emulatorAdmin(emulator, "records", { object: "Contact", count: 12_000 });
    await emulatorAdmin(emulator, "records", { object: "Lead", count: 1_000 });
    await connectToEmulator(database.db, emulator);
    // One uninterrupted load of the same org: what every interrupted one must end in.
    await tickUntilDone();
    reference = await loadSnapshot(database.client);
    expect(reference.people).toHaveLength(12_000);
    expect(reference.accounts).toHaveLength(200);
    expect(reference.suppressedLeads).toHaveLength(1_000);
  }, 120_000);
  beforeEach(async () => {
    await forgetLoad(database.client);
  });
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((running) => running.stop()));
  });
  afterAll(async () => {
    await Promise.all(processes.splice(0).map((running) => running.stop()));
    await emulator?.stop();
    await database?.cleanup();
  });

  it(
    "two ticks racing on a lease that expired mid-load end as one uninterrupted load would",
    { timeout: 120_000 },
    async () => {
      const a = track(startTickProcess(databaseTarget()));
      const stoppedAt = await contactsMidLoad();
      await pauseBetweenCommits(a);
      const holderA = await leaseHolder();
      expect(holderA).not.toBeNull();
      // A stalls past its lease (as a frozen VM or a long GC pause would): B may take over.
      await database.client.execute("UPDATE sync_leases SET expires_at = 0");
      const b = track(startTickProcess(databaseTarget()));
      await waitFor("B to take the lease and commit", async () => {
        const holder = await leaseHolder();
        const cursor = await contactCursor();
        return holder && holder !== holderA && cursor && cursor.updatedAt > stoppedAt.updatedAt ? true : null;
      });
      a.child.kill("SIGCONT");

      const [resultA, summaryA] = await Promise.all([a.exited, a.summary]);
      expect(failureCodes(summaryA), resultA.stderr).toContain("LEASE_LOST");
      expect(summaryA).toMatchObject({ ok: false, more: true });
      const [resultB, summaryB] = await Promise.all([b.exited, b.summary]);
      expect(summaryB, resultB.stderr).toMatchObject({ ok: true });

      if ((summaryB as TTickSummary).more) await tickUntilDone();
      expect(await loadSnapshot(database.client)).toEqual(reference);
    },
  );

  it(
    "a tick killed with kill -9 mid-load blocks the next until its lease runs out (at most 30 s), and the load converges",
    { timeout: 120_000 },
    async () => {
      const a = track(startTickProcess(databaseTarget()));
      await contactsMidLoad();
      a.child.kill("SIGKILL");
      const killedAt = Date.now();
      expect((await a.exited).signal).toBe("SIGKILL");

      // Its lease outlives it: a tick started right away finds it taken.
      expect(await runTick(database.db, "cli", { budgetMs: 120_000 })).toEqual({ ok: true, skipped: "busy" });
      // The dead tick renewed its lease last before it died: the lease runs out at most 30 s after.
      const lease = await database.client.execute("SELECT expires_at FROM sync_leases WHERE name = 'tick'");
      const expiresAt = Number(lease.rows[0]?.expires_at);
      expect(expiresAt).toBeGreaterThan(killedAt);
      expect(expiresAt - killedAt).toBeLessThanOrEqual(30_000);
      // Rather than sleep it out, let that time pass: the next tick takes the lease and goes on.
      await database.client.execute({
        sql: "UPDATE sync_leases SET expires_at = ? WHERE name = 'tick'",
        args: [Date.now() - 1],
      });
      const summary = await runTick(database.db, "cli", { budgetMs: 120_000 });
      if ("skipped" in summary) throw new Error("the dead tick's lease was still honoured after it ran out");
      expect(summary.ok, JSON.stringify(summary.failures)).toBe(true);

      if (summary.more) await tickUntilDone();
      expect(await loadSnapshot(database.client)).toEqual(reference);
    },
  );

  // The busy timeout of `file:` connections is what this proves; sqld serializes writers itself.
  it.skipIf(kind !== "file")(
    "two processes writing to one file database at once never see SQLITE_BUSY",
    { timeout: 60_000 },
    async () => {
      const writers = ["one", "two"].map((label) =>
        track(spawnScript("server/sync/testing/write-loop.ts", [database.url, label, "200"], process.env)),
      );
      await waitFor("both writers to be ready", async () =>
        writers.every((writer) => writer.output().includes("ready")) ? true : null,
      );
      for (const writer of writers) writer.child.kill("SIGUSR2");
      const results = await Promise.all(writers.map((writer) => writer.exited));
      for (const result of results) {
        expect(result.stderr).not.toMatch(/SQLITE_BUSY|database is locked/);
        expect(result.code, result.stderr).toBe(0);
      }
      const [one, two] = results.map(
        (result) => JSON.parse(result.stdout.slice(result.stdout.indexOf("{"))) as Record<string, number>,
      );
      // They really did write at the same time.
      expect(one!.startedAt).toBeLessThan(two!.finishedAt!);
      expect(two!.startedAt).toBeLessThan(one!.finishedAt!);
      const rows = await database.client.execute("SELECT COUNT(*) AS n FROM api_usage_samples");
      expect(Number(rows.rows[0]?.n)).toBe(400);
    },
  );
});
