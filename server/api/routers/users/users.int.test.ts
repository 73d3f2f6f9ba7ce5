import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { addUser } from "@/server/users/add-user";
import { createFirstAdmin } from "@/server/users/create-first-admin";

let database: TTestDatabase;
let admin: { id: string; email: string; name: string; role: "admin" };
let member: { id: string; email: string; name: string; role: "member" };

beforeAll(async () => {
  database = await createTestDatabase();
  const first = await createFirstAdmin(database.db, {
    name: "Ada",
    email: "ada@example.com",
    password: "correct horse battery",
  });
  admin = { ...first, role: "admin" };
  const added = await addUser(database.db, {
    name: "Max",
    email: "max@example.com",
    password: "0123456789",
    role: "member",
  });
  member = { ...added, role: "member" };
});
afterAll(() => database.cleanup());

const callerFor = (user: typeof admin | typeof member | null) => createCaller({ db: database.db, user });

describe(`users procedures on ${testDatabaseKind()}`, () => {
  it("answers UNAUTHORIZED without a session", async () => {
    await expect(callerFor(null).users.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(null).users.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("answers FORBIDDEN to a member on admin procedures", async () => {
    await expect(callerFor(member).users.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(member).users.add({ name: "Eve", email: "eve@example.com", password: "0123456789", role: "admin" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await callerFor(member).users.me()).toMatchObject({ email: "max@example.com", role: "member" });
  });

  it("lets an admin list and add members, never exposing password hashes", async () => {
    const added = await callerFor(admin).users.add({
      name: "Eve",
      email: "EVE@example.com",
      password: "0123456789",
      role: "member",
    });
    expect(added.email).toBe("eve@example.com");
    const listed = await callerFor(admin).users.list();
    expect(listed.map((user) => user.email).sort()).toEqual(["ada@example.com", "eve@example.com", "max@example.com"]);
    expect(JSON.stringify(listed)).not.toContain("scrypt");
  });

  it("rejects malformed input with BAD_REQUEST naming the field", async () => {
    const error = await callerFor(admin)
      .users.add({ name: "Bad", email: "not-an-email", password: "0123456789", role: "member" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("turns rule violations into clear errors", async () => {
    await expect(
      callerFor(admin).users.add({ name: "Max", email: "max@example.com", password: "0123456789", role: "member" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "max@example.com is already on the team.",
    });
    await expect(callerFor(admin).users.remove({ userId: admin.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
