import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { crmAccounts, crmPeople, pushOutbox } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { type RunningEmulator, startEmulator } from "@/server/emulator";
import { openSalesforce } from "@/server/salesforce/open-connection";
import { runTick } from "../run-tick";
import { checkOrgForPush } from "./org-push-info";
import { connectToEmulator, emulatorAdmin } from "../testing/emulator-connection";
import { forgetLoad } from "../testing/processes";
import { createTandemAccount, createTandemPeople, enablePush } from "../testing/push-fixtures";
import type { TTickSummary } from "../tick-summary";

/**
 * PUSH-2 under faults: lost answers, answers after the client's timeout, a share of failing calls,
 * expired sessions and push switched off mid-queue, on an org with Tandem_Id__c and on one without.
 */
let database: TTestDatabase;
const orgs: Record<"withTandemId" | "withoutTandemId", RunningEmulator> = {} as never;

beforeAll(async () => {
  database = await createTestDatabase();
  orgs.withTandemId = await startEmulator({ seed: "empty" });
  orgs.withoutTandemId = await startEmulator({ seed: "empty", externalIdField: null });
});
afterAll(async () => {
  await Promise.all(Object.values(orgs).map((org) => org?.stop()));
  await database?.cleanup();
});

/** A clock that moves ten minutes per tick, past any retry backoff, without waiting. */
function clock() {
  let now = Date.now();
  return { now: () => now, advance: (ms = 10 * 60_000) => (now += ms) };
}

async function tick(
  time: ReturnType<typeof clock>,
  options: { pushTimeoutMs?: number; trigger?: "cli" | "push" } = {},
): Promise<TTickSummary> {
  const { trigger = "cli", ...deps } = options;
  const summary = await runTick(database.db, trigger, { budgetMs: 120_000, now: time.now, ...deps });
  if ("skipped" in summary) throw new Error("tick was skipped");
  time.advance();
  return summary;
}

const stored = (org: RunningEmulator, object: string) => [...(org.store.table(object)?.byId.values() ?? [])];

for (const variant of ["withTandemId", "withoutTandemId"] as const) {
  describe(`push faults ${variant} on ${testDatabaseKind()}`, () => {
    let org: RunningEmulator;
    beforeEach(async () => {
      org = orgs[variant];
      await org.reset("empty");
      await forgetLoad(database.client);
      await database.client.execute("DELETE FROM salesforce_connection");
      await connectToEmulator(database.db, org);
      await enablePush(database.db);
    });

    it("PUSH-2: a create whose answer was lost after Salesforce committed it exists once on each side", async () => {
      const time = clock();
      const accountId = await createTandemAccount(database.db, { name: "Lost Answer Ltd" }, time.now());
      await createTandemPeople(
        database.db,
        [{ firstName: "Lou", lastName: "Lost", email: "lou@lost.example", accountId }],
        time.now(),
      );
      // The org's facts are known already, so the push's own call is the first write the fault meets.
      await checkOrgForPush(database.db, await openSalesforce(database.db), time.now());
      await emulatorAdmin(org, "faults", { dropAfterCommit: 1, onlyMethods: ["POST"] });
      const first = await tick(time, { trigger: "push" });
      expect(first.failures?.[0]?.code).toBe("NETWORK");
      expect(stored(org, "Account")).toHaveLength(1);

      for (let i = 0; i < 3; i++) await tick(time);
      expect(stored(org, "Account")).toHaveLength(1);
      expect(stored(org, "Contact")).toHaveLength(1);
      expect(await database.db.select().from(crmAccounts)).toHaveLength(1);
      expect(await database.db.select().from(crmPeople)).toHaveLength(1);
      const account = await database.db.query.crmAccounts.findFirst({ where: eq(crmAccounts.id, accountId) });
      expect(account?.sfId).toBe(stored(org, "Account")[0]?.Id);
      expect(account?.pushState).toBe("pushed");
    });

    it("PUSH-2: a create answered after the client's timeout is not sent a second time", async () => {
      const time = clock();
      await createTandemAccount(database.db, { name: "Slow Answer Inc" }, time.now());
      await checkOrgForPush(database.db, await openSalesforce(database.db), time.now());
      await emulatorAdmin(org, "faults", { latencyAfterCommitMs: 1500, onlyMethods: ["POST"] });
      const first = await tick(time, { pushTimeoutMs: 300, trigger: "push" });
      expect(first.failures?.[0]?.code).toBe("TIMEOUT");
      await emulatorAdmin(org, "faults", {});
      await tick(time);
      await tick(time);
      expect(stored(org, "Account")).toHaveLength(1);
      expect(await database.db.select().from(crmAccounts)).toHaveLength(1);
      const [account] = await database.db.select().from(crmAccounts);
      expect(account?.pushState).toBe("pushed");
    });

    it("PUSH-2: 10% of calls failing (500, 503, row locks) over 2,000 people converges to each pushed once", async () => {
      const time = clock();
      const people = Array.from({ length: 2000 }, (_, index) => ({
        firstName: `F${index}`,
        lastName: `Person ${index}`,
        email: `person${index}@faults.example`,
      }));
      const ids = await createTandemPeople(database.db, people, time.now());
      await checkOrgForPush(database.db, await openSalesforce(database.db), time.now());
      // Certain faults first (a row lock refusing a call, then a lost answer), then 10% at random.
      await emulatorAdmin(org, "faults", {
        errorRate: 0.1,
        statuses: [500, 503, 400],
        onlyMethods: ["POST", "PATCH"],
        nextErrors: {
          count: 1,
          status: 400,
          errorCode: "UNABLE_TO_LOCK_ROW",
          message: "unable to obtain exclusive access to this record",
        },
        dropAfterCommit: 1,
      });
      const failures: string[] = [];
      for (let i = 0; i < 40; i++) {
        const summary = await tick(time, { trigger: "push" });
        failures.push(...(summary.failures ?? []).map((failure) => failure.code));
        const open = await database.db
          .select({ id: pushOutbox.id })
          .from(pushOutbox)
          .where(inArray(pushOutbox.state, ["pending", "sending"]));
        if (open.length === 0) break;
      }
      expect(failures).toEqual(expect.arrayContaining(["UNABLE_TO_LOCK_ROW", "NETWORK"]));
      await emulatorAdmin(org, "faults", {});
      await tick(time);
      const contacts = stored(org, "Contact");
      expect(contacts).toHaveLength(2000);
      expect(new Set(contacts.map((contact) => contact.Email)).size).toBe(2000);
      const rows = await database.db.select().from(crmPeople);
      expect(rows).toHaveLength(2000);
      expect(rows.filter((row) => row.pushState === "pushed")).toHaveLength(2000);
      expect(new Set(rows.map((row) => row.sfId)).size).toBe(2000);
      expect(ids).toHaveLength(2000);
    });
  });
}

describe(`push session and switches on ${testDatabaseKind()}`, () => {
  let org: RunningEmulator;
  beforeEach(async () => {
    org = orgs.withTandemId;
    await org.reset("empty");
    await forgetLoad(database.client);
    await database.client.execute("DELETE FROM salesforce_connection");
    await connectToEmulator(database.db, org);
    await enablePush(database.db);
  });

  it("PUSH-2: an access token that expired mid-queue is refreshed and the push goes on", async () => {
    const time = clock();
    await createTandemAccount(database.db, { name: "Before Expiry" }, time.now());
    await tick(time);
    await emulatorAdmin(org, "expire-tokens");
    await createTandemAccount(database.db, { name: "After Expiry" }, time.now());
    const summary = await tick(time);
    expect(summary.ok).toBe(true);
    expect(summary.push.Account).toEqual({ created: 1, updated: 0, failed: 0 });
    expect(stored(org, "Account").map((account) => account.Name)).toEqual(
      expect.arrayContaining(["Before Expiry", "After Expiry"]),
    );
  });

  it("PUSH-1: push switched off mid-queue sends nothing more; switched on, it resumes", async () => {
    const time = clock();
    for (const name of ["One", "Two", "Three"]) await createTandemAccount(database.db, { name }, time.now());
    await enablePush(database.db, ["people"]);
    const off = await tick(time);
    expect(off.push).toEqual({});
    expect(stored(org, "Account")).toHaveLength(0);
    await enablePush(database.db);
    const on = await tick(time);
    expect(on.push.Account).toEqual({ created: 3, updated: 0, failed: 0 });
  });
});
