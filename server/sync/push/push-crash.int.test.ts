import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { openSalesforce } from "@/server/salesforce/open-connection";
import { runTick } from "../run-tick";
import { connectToEmulator, emulatorAdmin } from "../testing/emulator-connection";
import {
  forgetLoad,
  sleep,
  startEmulatorProcess,
  startTickProcess,
  type TEmulatorProcess,
  type TRunningProcess,
} from "../testing/processes";
import { createTandemAccount, createTandemPeople, enablePush } from "../testing/push-fixtures";
import { checkOrgForPush } from "./org-push-info";

/**
 * PUSH-2 across a crash: a tick process killed with SIGKILL after it sent a push (Salesforce
 * committed it) and before it stored the outcome ends, after a restart, exactly where an
 * uninterrupted run ends: each Tandem record once in Salesforce, linked, logged once.
 */
const kind = testDatabaseKind();
const PEOPLE = 2400;

let database: TTestDatabase;
let emulator: TEmulatorProcess;
const processes: TRunningProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  emulator = await startEmulatorProcess();
});
afterEach(async () => {
  for (const running of processes.splice(0)) await running.stop();
});
afterAll(async () => {
  await emulator?.stop();
  await database?.cleanup();
});

async function prepare() {
  await emulatorAdmin(emulator, "faults", {});
  await emulatorAdmin(emulator, "reset", { seed: "empty" });
  await forgetLoad(database.client);
  await database.client.execute("DELETE FROM salesforce_connection");
  await connectToEmulator(database.db, emulator);
  await enablePush(database.db);
  const salesforce = await openSalesforce(database.db);
  await checkOrgForPush(database.db, salesforce, Date.now());
  await salesforce.flush();
  const accountId = await createTandemAccount(database.db, { name: "Crash Test Dummies" });
  await createTandemPeople(
    database.db,
    Array.from({ length: PEOPLE }, (_, index) => ({
      firstName: `C${index}`,
      lastName: `Dummy ${index}`,
      email: `dummy${index}@crash.example`,
      accountId,
    })),
  );
}

async function openRows(): Promise<number> {
  const result = await database.client.execute(
    "SELECT COUNT(*) AS n FROM push_outbox WHERE state IN ('pending', 'sending')",
  );
  return Number(result.rows[0]?.n ?? 0);
}

/** Ticks until the outbox is empty. */
async function settle() {
  const deadline = Date.now() + 90_000;
  while ((await openRows()) > 0 && Date.now() < deadline) {
    const summary = await runTick(database.db, "cli", { budgetMs: 120_000 });
    if ("skipped" in summary) await sleep(500);
  }
}

/** What both sides hold once the push is over, without generated ids or times. */
async function outcome() {
  const lines = async (sql: string) =>
    (await database.client.execute(sql)).rows.map((row) => Object.values(row).map(String).join(" "));
  const salesforce = await openSalesforce(database.db);
  const all = async (soql: string) => {
    let page = await salesforce.queryAll(soql);
    const records = [...page.records];
    while (page.nextRecordsUrl) {
      page = await salesforce.queryMore(page.nextRecordsUrl);
      records.push(...page.records);
    }
    return { totalSize: records.length, records };
  };
  const contacts = await all("SELECT Id, Tandem_Id__c FROM Contact");
  const accounts = await all("SELECT Id, Tandem_Id__c FROM Account");
  await salesforce.flush();
  const linked = await lines(
    "SELECT id, sf_id FROM crm_people UNION ALL SELECT id, sf_id FROM crm_accounts ORDER BY 1",
  );
  const inSalesforce = [...contacts.records, ...accounts.records]
    .map((record) => `${String(record.Tandem_Id__c)} ${record.Id}`)
    .sort();
  return {
    salesforceCounts: { contacts: contacts.totalSize, accounts: accounts.totalSize },
    linkedMatchesSalesforce: JSON.stringify(linked) === JSON.stringify(inSalesforce),
    pushStates: await lines(
      "SELECT push_state, COUNT(*) FROM (SELECT push_state FROM crm_people UNION ALL SELECT push_state FROM crm_accounts) GROUP BY 1",
    ),
    outbox: await lines("SELECT state, COUNT(*) FROM push_outbox GROUP BY state ORDER BY state"),
    activity: await lines(
      "SELECT record_type, event, COUNT(*) FROM activity_log GROUP BY record_type, event ORDER BY record_type, event",
    ),
    errors: await lines("SELECT COUNT(*) FROM push_errors"),
  };
}

function databaseTarget() {
  return { url: database.url, authToken: kind === "sqld" ? inject("sqld").authToken : undefined };
}

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const count = async (sql: string) => Number((await database.client.execute(sql)).rows[0]?.n ?? 0);

describe(`push across kill -9 on ${kind}`, () => {
  it("PUSH-2: a tick killed between sending and storing results, at two points, ends as an uninterrupted run", async () => {
    await prepare();
    await settle();
    const reference = await outcome();
    expect(reference.salesforceCounts).toEqual({ contacts: PEOPLE, accounts: 1 });
    expect(reference.linkedMatchesSalesforce).toBe(true);

    const killPoints = {
      // The first call went out (the account); Salesforce committed it and has not answered.
      "the first call in flight": async () =>
        (await count("SELECT COUNT(*) AS n FROM push_outbox WHERE state = 'sending'")) > 0,
      // Some results are stored, the next call is in flight.
      "results stored, the next call in flight": async () =>
        (await count("SELECT COUNT(*) AS n FROM push_outbox WHERE state = 'done'")) > 0 &&
        (await count("SELECT COUNT(*) AS n FROM push_outbox WHERE state = 'sending'")) > 0,
    };
    for (const [point, reached] of Object.entries(killPoints)) {
      await prepare();
      // Each write commits at once and is answered 600 ms later: the window a crash falls into.
      await emulatorAdmin(emulator, "faults", { latencyAfterCommitMs: 600, onlyMethods: ["POST"] });
      const tick = startTickProcess(databaseTarget());
      processes.push(tick);
      await waitUntil(point, reached);
      await sleep(100);
      tick.child.kill("SIGKILL");
      expect((await tick.exited).signal, point).toBe("SIGKILL");
      // The dead tick's lease would hold the next one back for up to 25 s (server/sync/crash.int.test.ts
      // proves that wait); here it is released at once, as its expiry would.
      await database.client.execute("DELETE FROM sync_leases");
      await emulatorAdmin(emulator, "faults", {});
      await settle();
      const after = await outcome();
      expect(after, point).toEqual(reference);
    }
  }, 240_000);
});
