import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { AppError } from "@/server/errors";
import { addUser } from "./add-user";
import { changeRole, removeUser } from "./change-team";
import { countUsers } from "./count-users";
import { createFirstAdmin } from "./create-first-admin";
import { listUsers } from "./list-users";

let database: TTestDatabase;
afterAll(() => database?.cleanup());
beforeEach(async () => {
  database ??= await createTestDatabase();
  await database.db.delete(users);
});

const admin = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery" };

describe(`team on ${testDatabaseKind()}`, () => {
  it("creates the first admin only while no user exists, even when two race", async () => {
    const results = await Promise.allSettled([
      createFirstAdmin(database.db, admin),
      createFirstAdmin(database.db, { ...admin, email: "bob@example.com" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(AppError);
    expect(await countUsers(database.db)).toBe(1);
    const [only] = await listUsers(database.db);
    expect(only?.role).toBe("admin");
  });

  it("stores a password hash, never the password", async () => {
    await createFirstAdmin(database.db, admin);
    const [row] = await database.db.select().from(users);
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    expect(row?.passwordHash).not.toContain(admin.password);
  });

  it("refuses a second account with the same email", async () => {
    await addUser(database.db, { ...admin, role: "member" });
    await expect(addUser(database.db, { ...admin, role: "admin" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps at least one admin and stops people changing or removing themselves", async () => {
    const first = await createFirstAdmin(database.db, admin);
    const member = await addUser(database.db, {
      name: "Max",
      email: "max@example.com",
      password: "0123456789",
      role: "member",
    });
    await expect(changeRole(database.db, first, first.id, "member")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(removeUser(database.db, first, first.id)).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const promoted = await changeRole(database.db, first, member.id, "admin");
    expect(promoted.role).toBe("admin");
    await changeRole(database.db, promoted, first.id, "member");
    await expect(changeRole(database.db, first, promoted.id, "member")).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await removeUser(database.db, promoted, first.id);
    expect((await listUsers(database.db)).map((user) => user.email)).toEqual(["max@example.com"]);
    await expect(removeUser(database.db, promoted, first.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
