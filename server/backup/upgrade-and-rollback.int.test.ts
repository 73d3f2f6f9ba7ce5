import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import journal from "@/db/migrations/meta/_journal.json";
import { openDatabase, type TDatabaseConfig } from "@/db/client";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/db/migrate";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { listPeople } from "@/server/records/list-people";
import { insertPeople } from "@/server/records/testing/crm-fixtures";
import { backupDatabase } from "./backup-database";
import { restoreDatabase } from "./restore-database";
import { readDatabaseContent, type TDatabaseContent } from "./testing/database-content";

/*
 * The upgrade path the README describes: a workspace at the previous migration level is backed up,
 * restored, and brought to this version's level by migrate (people search included); then rolled
 * back by restoring the backup taken before the upgrade over the upgraded database.
 */

const kind = testDatabaseKind();
const previous = journal.entries.slice(0, -1);
let dir: string;
let target: TTestDatabase;
let before: TDatabaseContent;
let backupFile: string;

const targetConfig = (): TDatabaseConfig =>
  kind === "sqld" ? { url: target.url, authToken: inject("sqld").authToken } : { url: target.url };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tandem-upgrade-"));
  // This version's migrations without the newest: what the previous version shipped.
  const folder = join(dir, "migrations");
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const shipped = JSON.parse(readFileSync(journalPath, "utf8")) as typeof journal;
  writeFileSync(journalPath, JSON.stringify({ ...shipped, entries: previous }));

  const config = { url: `file:${join(dir, "previous.db")}` };
  const old = openDatabase(config);
  try {
    await migrate(old.db, { migrationsFolder: folder });
    await insertPeople(old.db, [
      { name: "Ada Lovelace", email: "ada@analytical.example" },
      { name: "Grace Hopper", email: "grace@navy.example" },
      { name: "Lee Lead", kind: "lead", company: "Analytical Engines" },
    ]);
    before = await readDatabaseContent(old.client);
    backupFile = (await backupDatabase(config, join(dir, "before-upgrade.sql"), { format: "sql" })).file;
  } finally {
    old.client.close();
  }
  target = await createTestDatabase();
});
afterAll(async () => {
  await target?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe(`upgrade and roll back on ${kind}`, () => {
  it("a backup from the previous version restores, migrate brings it to this version, and people search finds its people", async () => {
    const restored = await restoreDatabase(targetConfig(), backupFile);
    expect(restored.migrations).toEqual({ backup: previous.length, known: journal.entries.length, newer: false });
    expect(await readDatabaseContent(target.client)).toEqual(before);

    await migrateDatabase(target);
    const applied = await target.client.execute("SELECT COUNT(*) AS n FROM __drizzle_migrations");
    expect(Number(applied.rows[0]!.n)).toBe(journal.entries.length);
    const found = await listPeople(target.db, { search: "analytical" });
    expect(found.rows.map((row) => row.name).sort()).toEqual(["Ada Lovelace", "Lee Lead"]);
    expect(found).toEqual(await listPeople(target.db, { search: "analytical" }, { search: "scan" }));
  });

  it("rolling back: the backup taken before the upgrade, restored with --force, gives back exactly the previous database", async () => {
    await insertPeople(target.db, [{ name: "Added After The Upgrade" }]);
    const restored = await restoreDatabase(targetConfig(), backupFile, { force: true });
    expect(restored.replaced).toEqual([{ table: "crm_people", rows: 4 }]);
    // The upgrade's tables, the search index among them, are gone with it.
    expect(await readDatabaseContent(target.client)).toEqual(before);
  });
});
