import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { settings, users } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { readEnv } from "@/server/env";
import { checkSetupToken, setUpFirstAdmin } from "./first-admin";
import { getSetupToken } from "./setup-token";

// Counts password hashes: a stranger must not get one.
const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/server/auth/password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/auth/password")>();
  return {
    ...actual,
    hashPassword: (password: string) => {
      hashes.count += 1;
      return actual.hashPassword(password);
    },
  };
});

let database: TTestDatabase;
const env = readEnv({ AUTH_SECRET: "first-admin-test-secret" });
const admin = { name: "Ada", email: "ada@example.com", password: "analytical-engine" };

afterAll(() => database?.cleanup());
beforeEach(async () => {
  database ??= await createTestDatabase();
  await database.db.delete(users);
  await database.db.delete(settings);
  hashes.count = 0;
  vi.spyOn(console, "log").mockImplementation(() => {});
});

describe(`first-run setup on ${testDatabaseKind()}`, () => {
  it("uses TANDEM_SETUP_TOKEN when it is set", async () => {
    const withToken = readEnv({ AUTH_SECRET: "x", TANDEM_SETUP_TOKEN: "chosen-by-the-operator" });
    expect(await getSetupToken(database.db, withToken)).toEqual({ token: "chosen-by-the-operator", source: "env" });
    expect(await checkSetupToken(database.db, "chosen-by-the-operator", withToken)).toBe(true);
    expect(await checkSetupToken(database.db, "chosen-by-the-operator!", withToken)).toBe(false);
  });

  it("otherwise makes one random token, stored encrypted, that every instance agrees on", async () => {
    const [first, second] = await Promise.all([getSetupToken(database.db, env), getSetupToken(database.db, env)]);
    expect(first.token).toBe(second.token);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await getSetupToken(database.db, env)).source).toBe("stored");
    const [row] = await database.db.select().from(settings);
    expect(JSON.stringify(row?.value)).not.toContain(first.token);
  });

  it("makes a new token when the stored one was sealed with another secret", async () => {
    const old = await getSetupToken(database.db, readEnv({ AUTH_SECRET: "an-old-secret" }));
    const fresh = await getSetupToken(database.db, env);
    expect(fresh.source).toBe("created");
    expect(fresh.token).not.toBe(old.token);
    expect((await getSetupToken(database.db, env)).token).toBe(fresh.token);
  });

  it("refuses a wrong or missing token before hashing a password, and creates nobody", async () => {
    await getSetupToken(database.db, env);
    for (const token of ["", "a-guess"]) {
      await expect(setUpFirstAdmin({ ...admin, token }, database.db, env)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(hashes.count).toBe(0);
    expect(await database.db.$count(users)).toBe(0);
  });

  it("creates the first admin with the right token, then forgets the token", async () => {
    const { token } = await getSetupToken(database.db, env);
    const created = await setUpFirstAdmin({ ...admin, token }, database.db, env);
    expect(created).toMatchObject({ email: "ada@example.com", role: "admin" });
    expect(await database.db.$count(settings)).toBe(0);
  });

  it("once an admin exists, refuses without hashing a password, even with the token", async () => {
    const { token } = await getSetupToken(database.db, env);
    await setUpFirstAdmin({ ...admin, token }, database.db, env);
    hashes.count = 0;
    await expect(
      setUpFirstAdmin({ ...admin, email: "eve@example.com", token }, database.db, env),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(hashes.count).toBe(0);
    expect(await database.db.$count(users)).toBe(1);
  });
});
