import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { activityLog, crmAccounts, crmOpportunities, crmPeople, pushErrors, pushOutbox } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { insertActivity, insertPeople } from "../testing/crm-fixtures";
import { createAccount } from "./create-account";
import { getSyncHistory } from "./get-sync-history";
import { updateRecord } from "./update-record";
import { ADA, connect, failPush, PUSH_INFO, setPush, setPushInfo } from "./testing/write-fixtures";

let database: TTestDatabase;
const NOW = 1_800_000_000_000;
const ADMIN = { userId: "admin-user", role: "admin" as const };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());
beforeEach(async () => {
  const db = database.db;
  for (const table of [crmPeople, crmAccounts, crmOpportunities, pushOutbox, pushErrors, activityLog]) {
    await db.delete(table);
  }
  await connect(db);
  await setPushInfo(db, PUSH_INFO);
  await setPush(db, ["accounts"]);
});

describe(`a record's sync history on ${testDatabaseKind()}`, () => {
  it("ERR-2: lists a record's writes and its push error with the fix, newest first", async () => {
    const account = await createAccount(database.db, { name: "Initech" }, ADA, NOW);
    await failPush(database.db, "account", account.id, ["Website"]);
    await database.db
      .update(pushErrors)
      .set({ firstAt: NOW + 1000, lastAt: NOW + 2000 })
      .where(eq(pushErrors.recordId, account.id));
    await insertActivity(database.db, [
      {
        recordType: "account",
        recordId: account.id,
        at: NOW + 2000,
        event: "push-failed",
        message: "Salesforce rejected the create: Accounts need a website.",
      },
    ]);
    await updateRecord(
      database.db,
      { type: "account", id: account.id, values: { website: "initech.example" } },
      ADA,
      NOW + 3000,
    );

    const history = await getSyncHistory(database.db, ADMIN, { type: "account", id: account.id });

    expect(history.source).toBe("tandem");
    expect(history.pushState).toBe("pending");
    expect(history.entries.map((entry) => entry.event)).toEqual([
      "edited-in-tandem",
      "push-failed",
      "created-in-tandem",
    ]);
    expect(history.errors).toEqual([
      expect.objectContaining({
        code: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
        message: "Accounts need a website.",
        fields: ["Website"],
        // The edit put the rejected push back in the queue.
        state: "retrying",
        attempts: 1,
        firstAt: NOW + 1000,
        lastAt: NOW + 3000,
        hint: expect.objectContaining({ summary: expect.stringContaining("Accounts need a website.") }),
      }),
    ]);
  });

  it("ERR-2: a pulled record Tandem never wrote has no push state and no history", async () => {
    const [person] = await insertPeople(database.db, [{ name: "Pulled Person", email: "pulled@example.com" }]);
    await insertActivity(database.db, [
      {
        recordType: "person",
        recordId: person!.id,
        at: NOW,
        event: "created-by-pull",
        message: "Created from Salesforce by a pull.",
      },
    ]);

    expect(await getSyncHistory(database.db, ADMIN, { type: "person", id: person!.id })).toEqual({
      source: "pull",
      pushState: null,
      entries: [],
      errors: [],
    });
  });

  it("PUSH-1: a record created while its kind is off is local, with its creation in the history", async () => {
    await setPush(database.db, []);
    const account = await createAccount(database.db, { name: "Local Only" }, ADA, NOW);

    const history = await getSyncHistory(database.db, ADMIN, { type: "account", id: account.id });

    expect(history).toMatchObject({ source: "tandem", pushState: "local", errors: [] });
    expect(history.entries).toEqual([
      expect.objectContaining({ event: "created-in-tandem", message: expect.stringContaining("Not in Salesforce") }),
    ]);
  });

  it("answers NOT_FOUND for an unknown record", async () => {
    await expect(getSyncHistory(database.db, ADMIN, { type: "opportunity", id: "no-such-id" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
