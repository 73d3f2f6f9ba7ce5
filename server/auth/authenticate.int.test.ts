import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { signInFailures, users } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { addUser } from "@/server/users/add-user";
import { authenticate } from "./authenticate";
import { throttleKeys } from "./sign-in-failures";
import { FREE_FAILURES } from "./throttle-policy";

let database: TTestDatabase;
afterAll(() => database?.cleanup());
beforeEach(async () => {
  database ??= await createTestDatabase();
  await database.db.delete(users);
  await database.db.delete(signInFailures);
  await addUser(database.db, {
    name: "Ada",
    email: "ada@example.com",
    password: "correct horse battery",
    role: "admin",
  });
});

describe(`sign-in on ${testDatabaseKind()}`, () => {
  it("accepts the right password whatever the email's case and spacing", async () => {
    const result = await authenticate(
      database.db,
      { email: "  ADA@example.com ", password: "correct horse battery" },
      0,
    );
    expect(result).toMatchObject({ ok: true, user: { email: "ada@example.com", role: "admin" } });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const wrongPassword = await authenticate(database.db, { email: "ada@example.com", password: "nope" }, 0);
    const unknownEmail = await authenticate(database.db, { email: "eve@example.com", password: "nope" }, 0);
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("slows down repeated failures, even for the right password, and forgives after a success", async () => {
    let now = 1_000_000;
    for (let attempt = 0; attempt < FREE_FAILURES; attempt++) {
      expect(await authenticate(database.db, { email: "ada@example.com", password: "wrong" }, now)).toMatchObject({
        reason: "invalid",
      });
    }
    const throttled = await authenticate(
      database.db,
      { email: "ada@example.com", password: "correct horse battery" },
      now,
    );
    expect(throttled).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 1 });

    now += 1_000;
    expect(
      await authenticate(database.db, { email: "ada@example.com", password: "correct horse battery" }, now),
    ).toMatchObject({ ok: true });
    expect(await authenticate(database.db, { email: "ada@example.com", password: "wrong" }, now)).toMatchObject({
      reason: "invalid",
    });
  });

  it("throttles an unknown email exactly like a known one", async () => {
    for (let attempt = 0; attempt < FREE_FAILURES; attempt++) {
      await authenticate(database.db, { email: "nobody@example.com", password: "wrong" }, 0);
    }
    expect(await authenticate(database.db, { email: "nobody@example.com", password: "wrong" }, 0)).toMatchObject({
      reason: "throttled",
    });
  });

  it("slows down one address guessing many emails", async () => {
    for (let attempt = 0; attempt < FREE_FAILURES; attempt++) {
      await authenticate(
        database.db,
        { email: `guess${attempt}@example.com`, password: "wrong", ip: "203.0.113.9" },
        0,
      );
    }
    const next = await authenticate(
      database.db,
      { email: "ada@example.com", password: "correct horse battery", ip: "203.0.113.9" },
      0,
    );
    expect(next).toMatchObject({ reason: "throttled" });
    const elsewhere = await authenticate(
      database.db,
      { email: "ada@example.com", password: "correct horse battery", ip: "198.51.100.1" },
      0,
    );
    expect(elsewhere).toMatchObject({ ok: true });
  });

  it("a flood of wrong passwords for one address from one client does not stop the right person elsewhere", async () => {
    for (let attempt = 0; attempt < FREE_FAILURES * 4; attempt++) {
      await authenticate(database.db, { email: "ada@example.com", password: "wrong", ip: "203.0.113.9" }, 0);
    }
    expect(
      await authenticate(
        database.db,
        { email: "ada@example.com", password: "correct horse battery", ip: "203.0.113.9" },
        0,
      ),
    ).toMatchObject({ reason: "throttled" });
    const victim = await authenticate(
      database.db,
      { email: "ada@example.com", password: "correct horse battery", ip: "198.51.100.1" },
      0,
    );
    expect(victim).toMatchObject({ ok: true });
  });

  it("counts parallel failures exactly, with no lost update", async () => {
    const attempts = FREE_FAILURES - 1;
    const results = await Promise.all(
      Array.from({ length: attempts }, () =>
        authenticate(database.db, { email: "ada@example.com", password: "wrong", ip: "203.0.113.9" }, 0),
      ),
    );
    expect(results.every((result) => !result.ok && result.reason === "invalid")).toBe(true);
    const keys = throttleKeys("ada@example.com", "203.0.113.9");
    const rows = await database.db.select().from(signInFailures);
    expect(Object.fromEntries(rows.map((row) => [row.key, row.failures]))).toEqual({
      [keys.account]: attempts,
      [keys.client]: attempts,
    });
  });

  it("lets only the free attempts through when many guesses arrive at once", async () => {
    const results = await Promise.all(
      Array.from({ length: FREE_FAILURES * 3 }, () =>
        authenticate(database.db, { email: "ada@example.com", password: "wrong", ip: "203.0.113.9" }, 0),
      ),
    );
    const checked = results.filter((result) => !result.ok && result.reason === "invalid");
    expect(checked).toHaveLength(FREE_FAILURES);
    expect(results.length - checked.length).toBe(FREE_FAILURES * 2);
    const rows = await database.db.select().from(signInFailures);
    expect(rows.map((row) => row.failures)).toEqual([FREE_FAILURES, FREE_FAILURES]);
  });
});
