import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { insertAccounts, insertActivity, insertPeople } from "@/server/records/testing/crm-fixtures";
import { setPullVisibility } from "@/server/settings/pull-visibility";

let database: TTestDatabase;
let contactId: string;
let leadId: string;
const member = { id: "member-1", email: "max@example.com", name: "Max", role: "member" as const };

beforeAll(async () => {
  database = await createTestDatabase();
  const [account] = await insertAccounts(database.db, [{ name: "Acme" }]);
  const people = await insertPeople(database.db, [
    { name: "Carla Contact", accountSfId: account!.sfId, email: "carla@acme.example" },
    { name: "Leo Lead", kind: "lead", company: "Initech" },
  ]);
  contactId = people[0]!.id;
  leadId = people[1]!.id;
  await insertActivity(database.db, [
    {
      recordType: "person",
      recordId: contactId,
      at: Date.now(),
      event: "created-by-pull",
      message: "Created from Salesforce by a pull.",
    },
  ]);
});
afterAll(() => database.cleanup());

const caller = (user: typeof member | null) => createCaller({ db: database.db, user });

describe(`records procedures on ${testDatabaseKind()}`, () => {
  it("answers UNAUTHORIZED without a session", async () => {
    await expect(caller(null).records.people.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller(null).records.people.get({ id: contactId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller(null).records.activity({ type: "person", id: contactId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("lets any member read lists, profiles, related records and activity", async () => {
    const list = await caller(member).records.people.list({
      sort: "name",
      direction: "asc",
      page: 1,
      pageSize: 25,
      search: "",
      kind: "contact",
    });
    expect(list.rows.map((row) => row.name)).toEqual(["Carla Contact"]);
    expect(await caller(member).records.people.get({ id: contactId })).toMatchObject({
      status: "ok",
      profile: { name: "Carla Contact" },
    });
    expect((await caller(member).records.related({ type: "person", id: contactId })).account?.name).toBe("Acme");
    expect((await caller(member).records.activity({ type: "person", id: contactId })).entries).toHaveLength(1);
    expect(await caller(member).records.owners({ object: "accounts" })).toEqual([]);
    expect((await caller(member).records.accounts.list({})).total).toBe(1);
    expect((await caller(member).records.opportunities.list({})).total).toBe(0);
  });

  it("rejects malformed input with BAD_REQUEST naming the field", async () => {
    await expect(caller(member).records.people.list({ pageSize: 30 as 25 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("pageSize"),
    });
    await expect(caller(member).records.people.list({ sort: "password" as "name" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      caller(member).records.activity({ type: "person", id: contactId, cursor: "yesterday" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers NOT_FOUND for an unknown record", async () => {
    await expect(caller(member).records.accounts.get({ id: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("PULL-2: hidden leads are absent from the list and their profile says they are hidden", async () => {
    await setPullVisibility(database.db, "Lead", false);
    const list = await caller(member).records.people.list({});
    expect(list.rows.map((row) => row.name)).toEqual(["Carla Contact"]);
    expect(list.context.hiddenObjects).toEqual(["Lead"]);
    expect(await caller(member).records.people.get({ id: leadId })).toEqual({ status: "hidden", object: "Lead" });
    await setPullVisibility(database.db, "Lead", true);
    expect((await caller(member).records.people.list({})).total).toBe(2);
  });
});
