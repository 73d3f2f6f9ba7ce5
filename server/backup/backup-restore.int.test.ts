import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import journal from "@/db/migrations/meta/_journal.json";
import { openDatabase, type TDatabaseConfig, type TDatabaseHandle } from "@/db/client";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { EXPORT_KINDS, exportRows } from "@/server/exports/export-records";
import { listPeople } from "@/server/records/list-people";
import { backupDatabase } from "./backup-database";
import { restoreDatabase } from "./restore-database";
import { readDatabaseContent, type TDatabaseContent } from "./testing/database-content";
import { SEED_PEOPLE, seedWorkspace } from "./testing/seed-workspace";

let source: TTestDatabase;
let dir: string;
let expected: TDatabaseContent;
let expectedExports: string[];
let expectedSearches: string[][];
/** The source's FTS5 tables: in sqlite_schema as tables, but a backup carries only their SQL. */
let searchIndexes: string[];

const kind = testDatabaseKind();
const configOf = (database: TTestDatabase): TDatabaseConfig =>
  kind === "sqld" ? { url: database.url, authToken: inject("sqld").authToken } : { url: database.url };
const fileConfig = (name: string): TDatabaseConfig => ({ url: `file:${join(dir, name)}` });

/** What `npm run tandem -- export <kind> --format json` prints, for every kind. */
async function exportsOf(handle: Pick<TDatabaseHandle, "db">) {
  const printed: string[] = [];
  for (const exportKind of EXPORT_KINDS) {
    printed.push(`${JSON.stringify(await exportRows(handle.db, exportKind), null, 2)}\n`);
  }
  return printed;
}

/**
 * Every FTS5 index agrees with its content table (FTS5's own check, which fails on a missing or
 * stale entry), and a search finds what it found in the source.
 */
async function expectSearchIndexesWork(client: Client) {
  const indexes = await client.execute("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'virtual'");
  expect(indexes.rows.map((row) => String(row.name))).toContain("backup_notes_search");
  for (const row of indexes.rows) {
    const name = `"${String(row.name)}"`;
    await client.execute(`INSERT INTO ${name}(${name}, rank) VALUES ('integrity-check', 1)`);
  }
  const found = await client.execute(
    "SELECT rowid FROM backup_notes_search WHERE backup_notes_search MATCH 'acme' ORDER BY rowid",
  );
  expect(found.rows.map((row) => Number(row.rowid))).toEqual([1, 5]);
}

/** People searches as the People page runs them: through the trigram index, and by a scan of every row. */
const PEOPLE_SEARCHES = ["son 11", "account7.example", "Lead Company 10", "rita@"];

async function peopleSearches(handle: Pick<TDatabaseHandle, "db">) {
  const found: string[][] = [];
  for (const search of PEOPLE_SEARCHES) {
    for (const method of ["index", "scan"] as const) {
      const page = await listPeople(handle.db, { search, pageSize: 100 }, { search: method });
      found.push([`${search} (${method}): ${page.total}`, ...page.rows.map((row) => row.id)]);
    }
  }
  return found;
}

async function virtualTables(client: Client) {
  const listed = await client.execute("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'virtual'");
  return listed.rows.map((row) => String(row.name)).sort();
}

async function expectSameAsSource(config: TDatabaseConfig) {
  const restored = openDatabase(config);
  try {
    const content = await readDatabaseContent(restored.client);
    expect(Object.keys(content.tables).sort()).toEqual(Object.keys(expected.tables).sort());
    for (const table of Object.keys(expected.tables)) {
      expect(content.tables[table], table).toEqual(expected.tables[table]);
    }
    expect(content.schema).toEqual(expected.schema);
    expect(content.sequence).toEqual(expected.sequence);
    expect(await exportsOf(restored)).toEqual(expectedExports);
    await expectSearchIndexesWork(restored.client);
    // The people search index was rebuilt from people_search_docs: the same people, found the same way.
    expect(await peopleSearches(restored)).toEqual(expectedSearches);
  } finally {
    restored.client.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tandem-backup-"));
  source = await createTestDatabase();
  await seedWorkspace(source, { infinities: kind === "file" });
  expected = await readDatabaseContent(source.client);
  expectedExports = await exportsOf(source);
  expectedSearches = await peopleSearches(source);
  searchIndexes = await virtualTables(source.client);
  await expectSearchIndexesWork(source.client);
});
afterAll(async () => {
  await source?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe(`backup and restore on ${kind}`, () => {
  it("the seeded workspace has rows in many tables, the migrations table among them", () => {
    const filled = Object.entries(expected.tables).filter(([, rows]) => rows.length > 0);
    expect(filled.length).toBeGreaterThanOrEqual(15);
    expect(expected.tables["__drizzle_migrations"]).toHaveLength(journal.entries.length);
    // The seeded people, the one created in Tandem, the one whose push was refused.
    expect(expected.tables["crm_people"]!.length).toBe(SEED_PEOPLE + 2);
    expect(expected.tables["people_search_docs"]!.length).toBe(SEED_PEOPLE + 2);
    expect(searchIndexes).toEqual(["backup_notes_search", "people_search"]);
    // Each search finds someone, and the index finds what a scan of every row finds.
    for (let at = 0; at < expectedSearches.length; at += 2) {
      expect(expectedSearches[at]!.length).toBeGreaterThan(1);
      expect(expectedSearches[at]!.slice(1)).toEqual(expectedSearches[at + 1]!.slice(1));
    }
    expect(expected.tables["salesforce_connection"]!.join()).toMatch(/text:'v1\./);
    expect(JSON.parse(expectedExports[0]!)).toHaveLength(SEED_PEOPLE + 2);
  });

  it.runIf(kind === "file")(
    "a SQLite backup (VACUUM INTO), restored into an empty database, holds exactly the same rows, schema, exports and search",
    async () => {
      const backup = await backupDatabase(configOf(source), join(dir, "workspace.db"));
      expect(backup).toMatchObject({
        format: "sqlite",
        tables: Object.keys(expected.tables).length - searchIndexes.length,
      });
      const restored = await restoreDatabase(fileConfig("from-sqlite.db"), backup.file);
      expect(restored).toMatchObject({
        format: "sqlite",
        tables: backup.tables,
        rows: backup.rows,
        replaced: [],
        migrations: { backup: journal.entries.length, known: journal.entries.length, newer: false },
      });
      await expectSameAsSource(fileConfig("from-sqlite.db"));
    },
  );

  it("an SQL dump, restored into an empty file: database, holds exactly the same rows, schema, exports and search", async () => {
    const backup = await backupDatabase(configOf(source), join(dir, "workspace.sql"), { format: "sql" });
    // Every table but the search indexes, whose rows are their content tables'.
    expect(backup).toMatchObject({ format: "sql", tables: Object.keys(expected.tables).length - searchIndexes.length });
    expect(backup.rows).toBe(
      Object.entries(expected.tables)
        .filter(([table]) => !searchIndexes.includes(table))
        .reduce((sum, [, rows]) => sum + rows.length, 0),
    );
    // An index's shadow tables are its storage, rebuilt on restore: the dump has neither their
    // schema nor their rows, but each index's SQL followed by its rebuild, and its content table's rows.
    const dump = readFileSync(backup.file, "utf8");
    expect(dump).not.toMatch(/"(people_search|backup_notes_search)_(data|idx|docsize|config)"/);
    expect(dump).toContain(`-- tandem:rows {"table":"people_search_docs",`);
    expect(dump).toMatch(
      /CREATE VIRTUAL TABLE `people_search` USING fts5\([^;]*\);\nINSERT INTO "people_search"\("people_search"\) VALUES \('rebuild'\);\n/,
    );
    const restored = await restoreDatabase(fileConfig("from-sql.db"), backup.file);
    expect(restored).toMatchObject({ format: "sql", tables: backup.tables, rows: backup.rows, replaced: [] });
    await expectSameAsSource(fileConfig("from-sql.db"));
  });

  it("the SQL dump loads with SQLite alone too (what sqlite3 NEW.db < FILE does), to the same content", async () => {
    const plain = openDatabase(fileConfig("plain-sqlite.db"));
    try {
      await plain.client.executeMultiple(readFileSync(join(dir, "workspace.sql"), "utf8"));
    } finally {
      plain.client.close();
    }
    await expectSameAsSource(fileConfig("plain-sqlite.db"));
  });

  it.runIf(kind === "sqld")(
    "into the server: the SQL dump and a SQLite backup each replace its content with exactly the source's",
    async () => {
      const server = configOf(source);
      const fromDump = await restoreDatabase(server, join(dir, "workspace.sql"), { force: true });
      expect(fromDump.replaced.length).toBeGreaterThan(10);
      await expectSameAsSource(server);

      const sqliteBackup = await backupDatabase(fileConfig("from-sql.db"), join(dir, "via-file.db"));
      const fromSqlite = await restoreDatabase(server, sqliteBackup.file, { force: true });
      expect(fromSqlite).toMatchObject({ format: "sqlite", rows: sqliteBackup.rows });
      await expectSameAsSource(server);
    },
  );
});
