import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { signInFailures } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { claimAttempt, forgiveAttempt, throttleKeys } from "./sign-in-failures";
import { FAILURE_WINDOW_MS, FREE_FAILURES, MAX_WAIT_MS, remainingWait, type TFailureRecord } from "./throttle-policy";

let database: TTestDatabase;
afterAll(() => database?.cleanup());
beforeEach(async () => {
  database ??= await createTestDatabase();
  await database.db.delete(signInFailures);
});

const keys = throttleKeys("ada@example.com", "203.0.113.9");

function failures(count: number, at: number): TFailureRecord {
  return { failures: count, firstFailureAt: at, lastFailureAt: at };
}

async function storeBoth(record: TFailureRecord) {
  await database.db.insert(signInFailures).values([
    { key: keys.account, ...record },
    { key: keys.client, ...record },
  ]);
}

describe(`sign-in failure counts on ${testDatabaseKind()}`, () => {
  it.each([
    { name: "below the free failures", record: failures(FREE_FAILURES - 1, 0), now: 0 },
    { name: "at the free failures, right away", record: failures(FREE_FAILURES, 0), now: 0 },
    { name: "at the free failures, a moment early", record: failures(FREE_FAILURES, 0), now: 999 },
    { name: "at the free failures, after a second", record: failures(FREE_FAILURES, 0), now: 1000 },
    { name: "doubled, early", record: failures(FREE_FAILURES + 3, 0), now: 7999 },
    { name: "doubled, on time", record: failures(FREE_FAILURES + 3, 0), now: 8000 },
    { name: "capped, early", record: failures(FREE_FAILURES + 40, 0), now: MAX_WAIT_MS - 1 },
    { name: "capped, on time", record: failures(FREE_FAILURES + 40, 0), now: MAX_WAIT_MS },
    { name: "forgotten after the window", record: failures(50, 0), now: FAILURE_WINDOW_MS + 1 },
  ])("the statement waits exactly when throttle-policy.ts does: $name", async ({ record, now }) => {
    await storeBoth(record);
    const expected = remainingWait(record, now);
    const wait = await claimAttempt(database.db, keys, now);
    expect(wait > 0).toBe(expected > 0);
    if (expected > 0) expect(wait).toBe(Math.max(1000, expected));
  });

  it("counts an allowed attempt against both keys, and a waiting one against neither", async () => {
    await storeBoth(failures(FREE_FAILURES - 1, 0));
    expect(await claimAttempt(database.db, keys, 10)).toBe(0);
    expect(await claimAttempt(database.db, keys, 10)).toBeGreaterThan(0);
    const rows = await database.db.select().from(signInFailures);
    expect(rows.map((row) => [row.failures, row.lastFailureAt])).toEqual([
      [FREE_FAILURES, 10],
      [FREE_FAILURES, 10],
    ]);
  });

  it("a success forgets the address for this client and gives back the client's claimed attempt", async () => {
    await storeBoth(failures(FREE_FAILURES, 0));
    expect(await claimAttempt(database.db, keys, 1000)).toBe(0);
    await forgiveAttempt(database.db, keys, 1000);
    const rows = await database.db.select().from(signInFailures);
    expect(rows).toEqual([{ key: keys.client, failures: FREE_FAILURES, firstFailureAt: 0, lastFailureAt: 0 }]);
    // The wait the client owed is over: the next attempt goes ahead.
    expect(await claimAttempt(database.db, keys, 1000)).toBe(0);
  });
});
