import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { syncCursors } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { openSalesforce } from "@/server/salesforce/open-connection";
import type { SalesforcePort, TBulkJobState } from "@/server/salesforce/port";
import { runTick, type TTickDeps } from "../run-tick";
import { emulatorAdmin } from "../testing/emulator-connection";
import { setUpSyncTestBed } from "../testing/test-bed";
import type { TTickSummary } from "../tick-summary";

const bed = setUpSyncTestBed();
beforeEach(async () => {
  // Above the Bulk API threshold (10,000): the first load of contacts is a bulk job.
  await emulatorAdmin(bed.emulator, "records", { object: "Contact", count: 10_500 });
});

async function tick(deps: TTickDeps = {}): Promise<TTickSummary> {
  const summary = await runTick(bed.database.db, "cli", { budgetMs: 60_000, ...deps });
  if ("skipped" in summary) throw new Error("the tick was skipped: busy");
  return summary;
}

/** The real port to the emulator, with each look at a bulk job's state going through `poll`. */
function pollingThrough(poll: (port: SalesforcePort, jobId: string) => Promise<TBulkJobState>): TTickDeps["open"] {
  return async (db) => {
    const port = await openSalesforce(db);
    return new Proxy(port, {
      get: (target, key) => (key === "getBulkJob" ? (jobId: string) => poll(target, jobId) : Reflect.get(target, key)),
    });
  };
}

async function contactCursor() {
  const [row] = await bed.database.db.select().from(syncCursors).where(eq(syncCursors.object, "Contact"));
  return row;
}

const jobsCreated = () => [...bed.emulator.org.bulkJobs.jobs.keys()];

describe(`bulk first loads that wait on ${testDatabaseKind()}`, () => {
  it("a network blip while waiting on a bulk job resumes the same job next tick", { timeout: 30_000 }, async () => {
    const polled: string[] = [];
    const blip = pollingThrough(async (port, jobId) => {
      polled.push(jobId);
      // The connection drops on the way to Salesforce: the job itself is fine.
      await emulatorAdmin(bed.emulator, "faults", { dropConnections: 1 });
      return port.getBulkJob(jobId);
    });
    const failed = await tick({ open: blip });
    expect(failed).toMatchObject({ ok: false, more: true });
    expect(failed.failures).toEqual([expect.objectContaining({ object: "Contact", code: "NETWORK" })]);
    expect(failed.pull.Contact.created).toBe(0);
    expect(polled).toHaveLength(1);
    const [job] = polled;
    expect(await contactCursor()).toMatchObject({ bulkJobId: job, loaded: 0, initialLoadAt: null });

    const resumed = await tick();
    expect(resumed.ok).toBe(true);
    expect(resumed.pull.Contact.created).toBe(10_500);
    expect(jobsCreated()).toEqual([job]);
    const cursor = await contactCursor();
    expect(cursor).toMatchObject({ bulkJobId: null, loaded: 10_500 });
    expect(cursor?.initialLoadAt).not.toBeNull();
  });

  it("waiting on a bulk job stops at the tick's deadline and leaves the job for the next tick", async () => {
    const polled: string[] = [];
    // A job Salesforce takes its time over: still in progress whenever the tick looks.
    const slowJob = pollingThrough(async (port, jobId) => {
      polled.push(jobId);
      return { ...(await port.getBulkJob(jobId)), state: "InProgress" };
    });
    const waited = await tick({ budgetMs: 1, open: slowJob });
    expect(waited).toMatchObject({ ok: true, more: true });
    expect(waited.pull.Contact.created).toBe(0);
    // Past the deadline on arrival: one look, no waiting for another.
    expect(polled).toHaveLength(1);
    const [job] = polled;
    expect(await contactCursor()).toMatchObject({ bulkJobId: job, loaded: 0, initialLoadAt: null });
    expect(jobsCreated()).toEqual([job]);
  });
});
