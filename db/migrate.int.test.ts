import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { checkDatabase } from "./status";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "./testing/test-database";

describe(`database on ${testDatabaseKind()}`, () => {
  let database: TTestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(() => database.cleanup());

  it("reports an empty database as unmigrated, then ok once migrated", async () => {
    expect(await checkDatabase(database.client)).toBe("unmigrated");
    await migrateDatabase(database);
    expect(await checkDatabase(database.client)).toBe("ok");
  });

  it("applies migrations idempotently", async () => {
    await migrateDatabase(database);
    const tables = await database.client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    expect(tables.rows.map((row) => row.name)).toEqual(
      expect.arrayContaining(["users", "settings", "sign_in_failures"]),
    );
  });

  it("reports a server that does not answer as unreachable", async () => {
    const nowhere = openDatabase({ url: "http://127.0.0.1:9" });
    expect(await checkDatabase(nowhere.client)).toBe("unreachable");
    nowhere.client.close();
  });

  it.runIf(testDatabaseKind() === "sqld")("refuses a connection without the auth token", async () => {
    const anonymous = openDatabase({ url: database.url });
    await expect(anonymous.client.execute("SELECT 1")).rejects.toThrow(/401|auth|Unauthorized/i);
    anonymous.client.close();
  });
});
