import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { fakeSalesforceId, insertPeople } from "@/server/records/testing/crm-fixtures";
import { PUSH_KINDS } from "@/server/sync/core/push-kinds";
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
});
