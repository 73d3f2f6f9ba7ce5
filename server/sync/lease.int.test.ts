import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { testDatabaseKind } from "@/db/testing/test-database";
import { startEmulator } from "@/server/emulator";
import { captureLogs } from "@/server/testing/capture-logs";
import { acquireLease } from "./lease";
import { runTick } from "./run-tick";
import { connectToEmulator, emulatorAdmin } from "./testing/emulator-connection";
import { sleep } from "./testing/processes";
import { setUpSyncTestBed } from "./testing/test-bed";
import type { TTickSummary } from "./tick-summary";

const bed = setUpSyncTestBed();

afterEach(() => {
  vi.restoreAllMocks();
});

async function tick(): Promise<TTickSummary> {
  const summary = await runTick(bed.database.db, "cli", { budgetMs: 60_000 });
  if ("skipped" in summary) throw new Error("the tick was skipped: busy");
  return summary;
}

async function count(sql: string) {
  return Number((await bed.database.client.execute(sql)).rows[0]?.[0]);
}

/** Waits until the first load of contacts has committed a page, with pages still to come. */
async function contactsMidLoad() {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const row = (await bed.database.client.execute("SELECT loaded, total FROM sync_cursors WHERE object = 'Contact'"))
      .rows[0];
    if (row && Number(row.loaded) > 0) {
      if (Number(row.loaded) >= Number(row.total)) throw new Error("the load finished before it could be interrupted");
      return;
    }
    if (Date.now() > deadline) throw new Error("timed out waiting for contacts to be partly loaded");
    await sleep(10);
  }
}

/** Everything a pull writes, to see whether a tick wrote anything more. */
async function written() {
  const rows = async (sql: string) => (await bed.database.client.execute(sql)).rows.map((row) => ({ ...row }));
  return {
    people: await count("SELECT COUNT(*) FROM crm_people"),
    accounts: await count("SELECT COUNT(*) FROM crm_accounts"),
    activity: await count("SELECT COUNT(*) FROM activity_log"),
    cursors: await rows("SELECT * FROM sync_cursors ORDER BY object"),
  };
}

const failureCodes = (summary: TTickSummary) => (summary.failures ?? []).map((failure) => failure.code);

describe(`the tick's lease on ${testDatabaseKind()}`, () => {
  it("a tick that loses its lease mid-load stops at once and writes nothing more", { timeout: 30_000 }, async () => {
    // 10,000 rows: a first load over REST, five pages, each committed with its cursor.
    await emulatorAdmin(bed.emulator, "records", { object: "Contact", count: 10_000 });
    const ticking = tick();
    await contactsMidLoad();
    const thief = await acquireLease(bed.database.db, { holder: "thief", now: Date.now, steal: true });
    try {
      const callsAtTheft = bed.emulator.org.usage.total;
      const before = await written();

      const summary = await ticking;
      expect(summary).toMatchObject({ ok: false, more: true });
      expect(failureCodes(summary)).toEqual(["LEASE_LOST"]);
      expect(await written()).toEqual(before);
      expect(before.people).toBeLessThan(10_000);
      // It asks Salesforce for at most the pages already on their way, not for the rest.
      expect(bed.emulator.org.usage.total - callsAtTheft).toBeLessThanOrEqual(2);
      const [logged] = (await bed.database.client.execute("SELECT status, error_code FROM sync_ticks")).rows;
      expect({ ...logged }).toEqual({ status: "failed", error_code: "LEASE_LOST" });
      // The thief's lease is untouched: the lost tick did not give back what it no longer held.
      const leases = await bed.database.client.execute("SELECT holder FROM sync_leases");
      expect(leases.rows.map((row) => row.holder)).toEqual(["thief"]);
    } finally {
      await thief?.release();
    }
  });

  it("the lease is given back even when recording the tick fails", { timeout: 30_000 }, async () => {
    await emulatorAdmin(bed.emulator, "records", { object: "Account", count: 5 });
    const logs = captureLogs();
    onTestFinished(logs.restore);
    await bed.database.client.execute(
      "CREATE TRIGGER sync_ticks_refuse_update BEFORE UPDATE ON sync_ticks BEGIN SELECT RAISE(ABORT, 'no tick log today'); END",
    );
    try {
      const summary = await tick();
      expect(summary.pull.Account.created).toBe(5);
      const [line, ...more] = logs.events("sync.tick_not_recorded");
      expect(more).toEqual([]);
      expect(line).toMatchObject({ level: "error", tickId: summary.tickId });
      expect(JSON.stringify(line?.err)).toContain("no tick log today");
      expect(await count("SELECT COUNT(*) FROM sync_leases")).toBe(0);
    } finally {
      await bed.database.client.execute("DROP TRIGGER IF EXISTS sync_ticks_refuse_update");
    }
    // So the next tick runs at once instead of waiting for the lease to expire.
    expect((await tick()).pull.Account.unchanged).toBe(5);
  });

  it(
    "connecting another org while a tick runs: the old tick commits nothing, the new org loads whole",
    { timeout: 30_000 },
    async () => {
      const other = await startEmulator({ seed: "empty", orgId: "00D5g000000ORGB" });
      try {
        await emulatorAdmin(bed.emulator, "records", { object: "Account", count: 100 });
        await emulatorAdmin(bed.emulator, "records", { object: "Contact", count: 10_000 });
        await emulatorAdmin(other, "records", { object: "Account", count: 20 });
        await emulatorAdmin(other, "records", { object: "Contact", count: 300 });
        const ticking = tick();
        await contactsMidLoad();
        await connectToEmulator(bed.database.db, other);

        const old = await ticking;
        expect(failureCodes(old)).toContain("LEASE_LOST");
        expect(old.pull.Contact.created).toBeLessThan(10_000);
        expect(await written()).toEqual({ people: 0, accounts: 0, activity: 0, cursors: [] });
        // The connection is the new org's, as it was stored: nothing of the old org's tick on it.
        const [connection] = (
          await bed.database.client.execute("SELECT org_id, status, api_used, api_max FROM salesforce_connection")
        ).rows;
        expect({ ...connection }).toEqual({ org_id: other.orgId, status: "connected", api_used: null, api_max: null });

        const next = await tick();
        expect(next).toMatchObject({ ok: true, more: false });
        expect(next.pull.Account.created).toBe(20);
        expect(next.pull.Contact.created).toBe(300);
        const ids = (await bed.database.client.execute("SELECT sf_id FROM crm_people")).rows.map((row) => row.sf_id);
        expect(ids).toHaveLength(300);
        expect(ids.every((id) => other.store.table("Contact")!.byId.has(String(id)))).toBe(true);
        const cursors = await bed.database.client.execute("SELECT loaded, initial_load_at FROM sync_cursors");
        expect(cursors.rows.every((row) => row.initial_load_at !== null)).toBe(true);
      } finally {
        await other.stop();
      }
    },
  );
});
