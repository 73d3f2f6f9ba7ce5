import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import journal from "@/db/migrations/meta/_journal.json";
import { openDatabase, type TDatabaseConfig } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { insertAccounts, insertPeople } from "@/server/records/testing/crm-fixtures";
import { backupDatabase } from "./backup-database";
import { restoreDatabase } from "./restore-database";
import { readDatabaseContent } from "./testing/database-content";
import { writeNewFile } from "./write-new-file";

const kind = testDatabaseKind();
let target: TTestDatabase;
let dir: string;
let sqliteBackup: string;
let dumpBackup: string;
let sourceContent: Awaited<ReturnType<typeof readDatabaseContent>>;

const targetConfig = (): TDatabaseConfig =>
  kind === "sqld" ? { url: target.url, authToken: inject("sqld").authToken } : { url: target.url };

/** A migrated file database with a few rows, and what it holds. */
async function makeSource(name: string, arrange?: (handle: ReturnType<typeof openDatabase>) => Promise<void>) {
  const config = { url: `file:${join(dir, name)}` };
  const handle = openDatabase(config);
  try {
    await migrateDatabase(handle);
    await insertAccounts(handle.db, [{ name: "Backup Account" }]);
    await insertPeople(handle.db, [{ name: "Backup Person", email: "backup@example.com" }]);
    await arrange?.(handle);
    return { config, content: await readDatabaseContent(handle.client) };
  } finally {
    handle.client.close();
  }
}

/** Staging a restore made and did not remove: tables in the target, files beside it. */
async function leftovers() {
  const tables = await target.client.execute(
    "SELECT name FROM sqlite_schema WHERE name LIKE '\\_\\_tandem%' ESCAPE '\\'",
  );
  const files = kind === "file" ? readdirSync(dirname(target.url.slice("file:".length))) : [];
  return [...tables.rows.map((row) => String(row.name)), ...files.filter((name) => name.includes(".restore-"))];
}

async function targetContent() {
  return readDatabaseContent(target.client);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tandem-restore-"));
  const source = await makeSource("source.db");
  sourceContent = source.content;
  sqliteBackup = (await backupDatabase(source.config, join(dir, "source-backup.db"))).file;
  dumpBackup = (await backupDatabase(source.config, join(dir, "source-backup.sql"), { format: "sql" })).file;
});
afterAll(async () => {
  await target?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await target?.cleanup();
  // A target holding a workspace of its own: three people.
  target = await createTestDatabase();
  await insertPeople(target.db, [{ name: "Target One" }, { name: "Target Two" }, { name: "Target Three" }]);
});

describe(`restore refusals on ${kind}`, () => {
  it.each(["sqlite", "sql"] as const)(
    "a %s backup is refused by a database that holds rows, which says what it found and stays unchanged",
    async (format) => {
      const before = await targetContent();
      await expect(restoreDatabase(targetConfig(), format === "sqlite" ? sqliteBackup : dumpBackup)).rejects.toThrow(
        /not empty: it has rows in crm_people \(3\)\. A restore replaces everything in it: run it again with --force/,
      );
      expect(await targetContent()).toEqual(before);
    },
  );

  it.each(["sqlite", "sql"] as const)("with --force, a %s backup replaces the whole content", async (format) => {
    const restored = await restoreDatabase(targetConfig(), format === "sqlite" ? sqliteBackup : dumpBackup, {
      force: true,
    });
    // people_search_docs holds the same three people for the search index: copies, not data.
    expect(restored.replaced).toEqual([{ table: "crm_people", rows: 3 }]);
    expect(await targetContent()).toEqual(sourceContent);
    expect(await leftovers()).toEqual([]);
  });

  it("a database with only its migrations applied counts as empty: no --force needed", async () => {
    await target.cleanup();
    target = await createTestDatabase();
    const migrated = await target.client.execute("SELECT COUNT(*) AS n FROM __drizzle_migrations");
    expect(Number(migrated.rows[0]!.n)).toBe(journal.entries.length);
    const restored = await restoreDatabase(targetConfig(), dumpBackup);
    expect(restored.replaced).toEqual([]);
    expect(await targetContent()).toEqual(sourceContent);
  });

  it("rows left only in the search index's copies (people_search_docs) are not data: no --force needed", async () => {
    await target.client.execute("DELETE FROM crm_people");
    await target.client.execute(
      "INSERT INTO people_search_docs (person_id, name) VALUES ('a-person-no-longer-there', 'Gone')",
    );
    const restored = await restoreDatabase(targetConfig(), sqliteBackup);
    expect(restored.replaced).toEqual([]);
    expect(await targetContent()).toEqual(sourceContent);
  });

  it("what a killed restore left behind is removed and not taken for data: staging tables, a staging file", async () => {
    await target.client.execute("DELETE FROM crm_people");
    await target.client.execute("CREATE TABLE __tandem_restore_0 (c0, c1)");
    await target.client.execute("INSERT INTO __tandem_restore_0 VALUES (1, 2)");
    const leftFile =
      kind === "file" ? join(dirname(target.url.slice("file:".length)), ".tandem.db.restore-0123") : null;
    if (leftFile) writeFileSync(leftFile, "staged rows");
    await restoreDatabase(targetConfig(), sqliteBackup);
    expect(await targetContent()).toEqual(sourceContent);
    if (leftFile) expect(existsSync(leftFile)).toBe(false);
  });

  it("a SQLite backup cut short is refused as damaged, even with --force, and the target is unchanged", async () => {
    const cut = join(dir, "cut.db");
    writeFileSync(cut, readFileSync(sqliteBackup));
    truncateSync(cut, Math.floor(readFileSync(sqliteBackup).length / 2));
    const before = await targetContent();
    await expect(restoreDatabase(targetConfig(), cut, { force: true })).rejects.toThrow(/cut\.db is damaged/);
    expect(await targetContent()).toEqual(before);
  });

  it("an SQL dump cut short is refused, even with --force, and the target is unchanged", async () => {
    const text = readFileSync(dumpBackup, "utf8");
    const before = await targetContent();
    for (const [name, length] of [
      ["cut-inside-a-line.sql", Math.floor(text.length * 0.6)],
      ["cut-at-a-line.sql", text.lastIndexOf("\n", text.length - 2) + 1],
    ] as const) {
      writeFileSync(join(dir, name), text.slice(0, length));
      await expect(restoreDatabase(targetConfig(), join(dir, name), { force: true })).rejects.toThrow(
        /ends before its last line: the backup was cut short/,
      );
    }
    expect(await targetContent()).toEqual(before);
  });

  it("an SQL dump with one changed character is refused by its digest, and the target is unchanged", async () => {
    const text = readFileSync(dumpBackup, "utf8");
    const at = text.indexOf("Backup Person");
    writeFileSync(join(dir, "changed.sql"), `${text.slice(0, at)}Backup Persom${text.slice(at + 13)}`);
    const before = await targetContent();
    await expect(restoreDatabase(targetConfig(), join(dir, "changed.sql"), { force: true })).rejects.toThrow(
      /changed\.sql is damaged at line \d+: its content does not match its digest/,
    );
    expect(await targetContent()).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it("a backup from a newer Tandem (a migration this version does not know) is refused, in both formats", async () => {
    const latest = Math.max(...journal.entries.map((entry) => entry.when));
    const newer = await makeSource("newer.db", async (handle) => {
      await handle.client.execute({
        sql: "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('a-later-migration', ?)",
        args: [latest + 60_000],
      });
    });
    const before = await targetContent();
    for (const format of ["sqlite", "sql"] as const) {
      const file = await backupDatabase(newer.config, join(dir, `newer-${format}`), { format });
      await expect(restoreDatabase(targetConfig(), file.file, { force: true })).rejects.toThrow(
        new RegExp(
          `was made by a newer version of Tandem: .*it has ${journal.entries.length + 1}, this version ${journal.entries.length}\\)`,
        ),
      );
    }
    expect(await targetContent()).toEqual(before);
  });

  it("an older backup restores, and says how far it is behind", async () => {
    const older = await makeSource("older.db", async (handle) => {
      await handle.client.execute({
        sql: "DELETE FROM __drizzle_migrations WHERE created_at = ?",
        args: [Math.max(...journal.entries.map((entry) => entry.when))],
      });
    });
    const file = await backupDatabase(older.config, join(dir, "older.sql"), { format: "sql" });
    const restored = await restoreDatabase(targetConfig(), file.file, { force: true });
    const known = journal.entries.length;
    expect(restored.migrations).toEqual({ backup: known - 1, known, newer: false });
  });

  it("files that are not Tandem backups are refused, saying why", async () => {
    writeFileSync(join(dir, "notes.txt"), "hello\n");
    await expect(restoreDatabase(targetConfig(), join(dir, "notes.txt"))).rejects.toThrow(
      /notes\.txt is not a Tandem backup: it starts with neither a SQLite header nor "-- tandem-dump"/,
    );
    const foreign = openDatabase({ url: `file:${join(dir, "foreign.db")}` });
    await foreign.client.execute("CREATE TABLE t (a)");
    foreign.client.close();
    await expect(restoreDatabase(targetConfig(), join(dir, "foreign.db"), { force: true })).rejects.toThrow(
      /foreign\.db is not a backup of a Tandem database: it has no __drizzle_migrations table/,
    );
    await expect(restoreDatabase(targetConfig(), join(dir, "missing.sql"))).rejects.toThrow(/There is no file/);
  });
});

describe("backup files", () => {
  it("a backup never overwrites a file, and names what to do", async () => {
    writeFileSync(join(dir, "taken.db"), "keep me");
    await expect(backupDatabase({ url: `file:${join(dir, "source.db")}` }, join(dir, "taken.db"))).rejects.toThrow(
      /taken\.db already exists, and a backup never overwrites a file\. Choose another name, or delete that file first\./,
    );
    expect(readFileSync(join(dir, "taken.db"), "utf8")).toBe("keep me");
  });

  it("a backup that fails half way leaves neither FILE nor its temporary file", async () => {
    const before = readdirSync(dir);
    await expect(
      writeNewFile(join(dir, "half.sql"), async (temporary) => {
        writeFileSync(temporary, "-- tandem-dump half");
        throw new Error("the disk is full");
      }),
    ).rejects.toThrow("the disk is full");
    expect(existsSync(join(dir, "half.sql"))).toBe(false);
    expect(readdirSync(dir)).toEqual(before);
  });

  it("a backup of a file: database that does not exist fails, and creates nothing", async () => {
    await expect(backupDatabase({ url: `file:${join(dir, "nowhere.db")}` }, join(dir, "x.db"))).rejects.toThrow(
      /There is no database at .*nowhere\.db/,
    );
    expect(existsSync(join(dir, "nowhere.db"))).toBe(false);
    expect(existsSync(join(dir, "x.db"))).toBe(false);
  });
});
