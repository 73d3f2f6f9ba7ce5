import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { type RunningEmulator, type SeedName, startEmulator } from "@/server/emulator";
import { adminConnection } from "@/server/salesforce/testing/admin-connection";
import { getSyncStatus } from "@/server/status/sync-status";
import { runTick } from "@/server/sync/run-tick";
import { connectToEmulator } from "@/server/sync/testing/emulator-connection";
import { forgetLoad } from "@/server/sync/testing/processes";
import type { TTickSummary } from "@/server/sync/tick-summary";
import { listDuplicatePairs } from "./list-duplicate-pairs";
import { storedPairs } from "./testing/duplicate-fixtures";

let database: TTestDatabase;
let emulator: RunningEmulator;

beforeAll(async () => {
  database = await createTestDatabase();
  emulator = await startEmulator({ seed: "empty" });
});
afterAll(async () => {
  await emulator?.stop();
  await database?.cleanup();
});

async function startWith(seed: SeedName) {
  await emulator.reset(seed);
  await forgetLoad(database.client);
  await database.client.execute("DELETE FROM salesforce_connection");
  await connectToEmulator(database.db, emulator);
}

async function tick(): Promise<TTickSummary> {
  const summary = await runTick(database.db, "cli", { budgetMs: 120_000 });
  if ("skipped" in summary) throw new Error("tick was skipped");
  return summary;
}

/** The open pairs as the queue shows them: each pair's two names and kinds, sorted. */
async function queue() {
  const list = await listDuplicatePairs(database.db, { pageSize: 500 });
  return list.rows.map((row) => [`${row.a.kind} ${row.a.name}`, `${row.b.kind} ${row.b.name}`].sort().join(" = "));
}

describe(`duplicates in the tick on ${testDatabaseKind()}`, () => {
  beforeEach(async () => {
    await startWith("empty");
  });

  it("DUP-1: a pulled contact that matches another is flagged, never merged", async () => {
    const sf = adminConnection(emulator);
    const account = await sf.sobject("Account").create({ Name: "Initech", Website: "https://initech.com" });
    const first = await sf.sobject("Contact").create({
      FirstName: "Peter",
      LastName: "Gibbons",
      Email: "peter@initech.com",
      Phone: "(512) 555-0134",
      AccountId: account.id,
    });
    const summary = await tick();
    expect(summary.ok).toBe(true);
    expect(await storedPairs(database.db)).toEqual([]);

    const second = await sf.sobject("Contact").create({
      FirstName: "Pete",
      LastName: "Gibbons",
      Email: "Peter@Initech.com",
      AccountId: account.id,
    });
    const next = await tick();
    expect(next.pull.Contact.created).toBe(1);
    expect(await queue()).toEqual(["contact Pete Gibbons = contact Peter Gibbons"]);
    const [pair] = await storedPairs(database.db);
    expect(pair!.reasons).toEqual(expect.arrayContaining(["same email", "same company"]));

    // Never merged: both stay in Salesforce and in Tandem, each still syncing.
    const inSalesforce = await sf.sobject("Contact").retrieve([first.id!, second.id!]);
    expect(inSalesforce.map((record) => (record as { Id: string }).Id)).toEqual([first.id, second.id]);
    expect((await getSyncStatus(database.db)).counts).toMatchObject({ contacts: 2, potentialDuplicates: 1 });

    // An idle tick changes nothing.
    const idle = await tick();
    expect(idle.ok).toBe(true);
    expect(await storedPairs(database.db)).toEqual([
      expect.objectContaining({ id: pair!.id, updatedAt: pair!.updatedAt }),
    ]);
  });

  it("DUP-1: the first pull of the demo org flags its exact and fuzzy duplicates", async () => {
    await startWith("demo");
    const summary = await tick();
    expect(summary.ok).toBe(true);
    expect(summary.more).toBe(false);
    const pairs = await queue();
    expect(pairs).toEqual(
      expect.arrayContaining([
        "account Globex Corporation = account Globex Corporation",
        "account ACME, Incorporated = account Acme Inc",
        "contact Maria Garcia = contact Maria Garcia",
        "contact Jon Smith = contact Jonathan Smith",
      ]),
    );
    const status = await getSyncStatus(database.db);
    expect(status.counts.potentialDuplicates).toBe(pairs.length);
  });
});
