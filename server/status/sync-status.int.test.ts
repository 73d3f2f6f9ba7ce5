import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { fakeSalesforceId, insertPeople } from "@/server/records/testing/crm-fixtures";
import { PUSH_KINDS } from "@/server/sync/core/push-kinds";
import { decideDuplicate } from "@/server/duplicates/decide-duplicate";
import { rebuildDuplicates } from "@/server/duplicates/rebuild-duplicates";
import { insertPerson, storedPairs } from "@/server/duplicates/testing/duplicate-fixtures";
import { getSyncStatus } from "./sync-status";

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.cleanup();
});

describe(`status --json on ${testDatabaseKind()}`, () => {
  it("reports the contract's shape: connection, last tick, counts and a push block for every kind", async () => {
    const status = await getSyncStatus(database.db);
    expect(status).toMatchObject({ connected: false, orgId: null, lastTick: null });
    expect(Object.keys(status.counts).sort()).toEqual(
      [
        "accounts",
        "contacts",
        "leads",
        "opportunities",
        "prospects",
        "prospectsInCrm",
        "suppressedLeads",
        "potentialDuplicates",
        "openErrors",
      ].sort(),
    );
    expect(Object.keys(status.push)).toEqual([...PUSH_KINDS]);
    for (const kind of PUSH_KINDS) expect(status.push[kind]).toEqual({ enabled: false, pending: 0, failed: 0 });
  });

  it("counts active people only, as the wizard's progress does (one definition)", async () => {
    await insertPeople(database.db, [
      { sfId: fakeSalesforceId("003"), kind: "contact", name: "Active Contact" },
      { sfId: fakeSalesforceId("00Q"), kind: "lead", name: "Active Lead" },
      { sfId: fakeSalesforceId("00Q"), kind: "lead", name: "Retired Lead", state: "retired" },
      { sfId: fakeSalesforceId("003"), kind: "contact", name: "Deleted Contact", state: "deleted" },
    ]);
    const status = await getSyncStatus(database.db);
    expect(status.counts).toMatchObject({ contacts: 1, leads: 1 });
  });

  it("DUP-1: counts potential duplicates: the open pairs of the review queue", async () => {
    expect((await getSyncStatus(database.db)).counts.potentialDuplicates).toBe(0);
    for (const suffix of ["", "", "-x"]) {
      await insertPerson(database.db, { firstName: "Rosa", lastName: "Parks", email: `rosa${suffix}@example.org` });
    }
    await insertPerson(database.db, { firstName: "Alan", lastName: "Turing", email: "alan@example.org" });
    await insertPerson(database.db, { firstName: "Alan", lastName: "Turing", email: "alan@example.org" });
    await rebuildDuplicates(database.db, Date.now());
    const pairs = await storedPairs(database.db);
    expect((await getSyncStatus(database.db)).counts.potentialDuplicates).toBe(pairs.length);
    await decideDuplicate(
      database.db,
      { pairId: pairs[0]!.id, decision: "dismiss" },
      { userId: null, now: Date.now() },
    );
    expect((await getSyncStatus(database.db)).counts.potentialDuplicates).toBe(pairs.length - 1);
  });
});
