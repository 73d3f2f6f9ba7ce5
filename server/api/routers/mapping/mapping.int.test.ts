import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { addUser } from "@/server/users/add-user";

let database: TTestDatabase;
let member: { id: string; email: string; name: string; role: "member" };
let admin: { id: string; email: string; name: string; role: "admin" };

beforeAll(async () => {
  database = await createTestDatabase();
  const rep = await addUser(database.db, {
    name: "Max",
    email: "max@example.com",
    password: "0123456789",
    role: "member",
  });
  member = { ...rep, role: "member" };
  const boss = await addUser(database.db, {
    name: "Ann",
    email: "ann@example.com",
    password: "0123456789",
    role: "admin",
  });
  admin = { ...boss, role: "admin" };
});
afterAll(() => database.cleanup());

const callerFor = (user: typeof member | typeof admin | null) => createCaller({ db: database.db, user });
const contactEntries = [{ tandem: "title", salesforce: "Title", mode: "auto-fill" as const }];

describe(`mapping and enrichment procedures on ${testDatabaseKind()}`, () => {
  it("answers UNAUTHORIZED without a session", async () => {
    await expect(callerFor(null).mapping.view()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(null).enrichment.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      callerFor(null).enrichment.useTandemValue({ items: [{ recordType: "person", recordId: "x" }] }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("keeps the mapping for admins: a member cannot read, preview or change it", async () => {
    await expect(callerFor(member).mapping.view()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(member).mapping.preview({ object: "Contact", entries: contactEntries }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(member).mapping.save({ object: "Contact", entries: contactEntries })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(member).mapping.checkOrg()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("MAP-1: shows each object's default pairs, all off, and refuses to save before the org's fields were read", async () => {
    const view = await callerFor(admin).mapping.view();
    expect(view.objects.map((object) => object.object)).toEqual(["Contact", "Lead", "Account"]);
    expect(view.checkedAt).toBeNull();
    expect(view.objects[0]!.entries.every((entry) => entry.mode === "off")).toBe(true);
    expect(view.objects[0]!.tandemFields.map((field) => field.name)).toContain("title");
    await expect(callerFor(admin).mapping.save({ object: "Contact", entries: contactEntries })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Tandem has not read this org's fields yet"),
    });
  });

  it("MAP-5: lets every rep read the Enrichment worklist", async () => {
    const list = await callerFor(member).enrichment.list({ status: "empty" });
    expect(list).toMatchObject({ rows: [], total: 0, page: 1 });
  });

  it("MAP-5: an enrichment of records that are not linked says so", async () => {
    await expect(
      callerFor(member).enrichment.useTandemValue({ items: [{ recordType: "person", recordId: "nope" }] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("linked to a prospect") });
  });
});
