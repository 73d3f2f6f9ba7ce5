import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmPeople } from "@/db/schema";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/db/migrate";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import type { TPulledRecord } from "@/server/sync/core/pull-objects";
import { acquireLease, type TLease } from "@/server/sync/lease";
import { applyPulledPage } from "@/server/sync/pull/apply-page";
import { listPeople, type TPeopleSearchMethod } from "./list-people";

/*
 * The people search index (db/migrations/0007) against the two ways people reach crm_people
 * outside a plain insert: a pull that rewrites a record, and a database that held people before
 * the migration existed.
 */

const ids = async (database: TTestDatabase, term: string, method: TPeopleSearchMethod = "index") =>
  (await listPeople(database.db, { search: term, pageSize: 100 }, { search: method })).rows.map((row) => row.id).sort();

/** A copy of the migrations folder whose journal ends at `lastIndex`. */
function migrationsUpTo(lastIndex: number) {
  const dir = mkdtempSync(join(tmpdir(), "tandem-migrations-"));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((entry) => entry.idx <= lastIndex);
  writeFileSync(journalPath, JSON.stringify(journal));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describe(`people search index after a pull on ${testDatabaseKind()}`, () => {
  let database: TTestDatabase;
  let lease: TLease;
  const NOW = 1_800_000_000_000;
  const contact = (Id: string, stamp: string, values: Record<string, unknown>): TPulledRecord => ({
    Id,
    IsDeleted: false,
    SystemModstamp: stamp,
    ...values,
  });
  const pull = (records: TPulledRecord[]) =>
    applyPulledPage(database.db, { object: "Contact", records, now: NOW, source: "pull", lease });

  beforeAll(async () => {
    database = await createTestDatabase();
    lease = (await acquireLease(database.db, { holder: "test", now: Date.now }))!;
  });
  afterAll(async () => {
    await lease.release();
    await database.cleanup();
  });

  it("PULL-5: follows a record the pull rewrites, whether or not a searched field changed", async () => {
    const ID = "003000000000777AAA";
    await pull([
      contact(ID, "2026-01-01T10:00:00.000+0000", {
        FirstName: "Pia",
        LastName: "Pulled",
        Email: "Pia.Pulled@First.example",
        Title: "CTO",
      }),
    ]);
    const [person] = await database.db.select().from(crmPeople).where(eq(crmPeople.sfId, ID));
    expect(await ids(database, "pia pulled")).toEqual([person!.id]);
    expect(await ids(database, "pia.pulled@first")).toEqual([person!.id]);

    // Only the title changes: the pull rewrites the row, the index keeps its entry.
    await pull([
      contact(ID, "2026-01-01T11:00:00.000+0000", {
        FirstName: "Pia",
        LastName: "Pulled",
        Email: "Pia.Pulled@First.example",
        Title: "CEO",
      }),
    ]);
    expect(
      await database.db.select({ title: crmPeople.title }).from(crmPeople).where(eq(crmPeople.id, person!.id)),
    ).toEqual([{ title: "CEO" }]);
    expect(await ids(database, "pia pulled")).toEqual([person!.id]);

    // The name and email change in Salesforce.
    await pull([
      contact(ID, "2026-01-01T12:00:00.000+0000", {
        FirstName: "Pia",
        LastName: "Renamed",
        Email: "pia@second.example",
        Title: "CEO",
      }),
    ]);
    expect(await ids(database, "pia pulled")).toEqual([]);
    expect(await ids(database, "pulled@first")).toEqual([]);
    expect(await ids(database, "pia renamed")).toEqual([person!.id]);
    expect(await ids(database, "@second.ex")).toEqual([person!.id]);
    for (const term of ["pia", "renamed", "second", "pulled"])
      expect(await ids(database, term)).toEqual(await ids(database, term, "scan"));

    // Deleted in Salesforce: the row stays (deleted), the search no longer finds it.
    await pull([contact(ID, "2026-01-01T13:00:00.000+0000", { IsDeleted: true, LastName: "Renamed" })]);
    expect(await ids(database, "pia renamed")).toEqual([]);
    const docs = await database.client.execute("SELECT count(*) AS n FROM people_search_docs");
    const people = await database.client.execute("SELECT count(*) AS n FROM crm_people");
    expect(Number(docs.rows[0]?.n)).toBe(Number(people.rows[0]?.n));
  });
});

describe(`people search migration on ${testDatabaseKind()}`, () => {
  let database: TTestDatabase;
  let migrations: { dir: string; remove: () => void };

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    migrations = migrationsUpTo(6);
  });
  afterAll(async () => {
    migrations.remove();
    await database.cleanup();
  });

  it("indexes the people a database held before the migration, and keeps indexing after it", async () => {
    await migrate(database.db, { migrationsFolder: migrations.dir });
    const before = await database.client.execute(
      "SELECT count(*) AS n FROM sqlite_master WHERE name IN ('people_search', 'people_search_docs')",
    );
    expect(Number(before.rows[0]?.n)).toBe(0);
    const now = Date.now();
    const people = Array.from({ length: 300 }, (_, index) => ({
      id: `person-${index}`,
      kind: index % 3 === 0 ? "lead" : "contact",
      state: index % 10 === 9 ? "retired" : "active",
      source: "pull",
      name: `Existing Person ${index}`,
      email: index % 2 ? `Existing.${index}@Before.example` : null,
      emailNormalized: index % 2 ? `existing.${index}@before.example` : null,
      company: index % 5 === 0 ? `Oldco ${index}` : null,
      fields: "{}",
      createdAt: now,
      updatedAt: now,
    }));
    await database.client.batch(
      people.map((person) => ({
        sql: "INSERT INTO crm_people (id, kind, state, source, name, email, email_normalized, company, fields, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        args: [
          person.id,
          person.kind,
          person.state,
          person.source,
          person.name,
          person.email,
          person.emailNormalized,
          person.company,
          person.fields,
          person.createdAt,
          person.updatedAt,
        ],
      })),
      "write",
    );

    await migrateDatabase(database);
    const docs = await database.client.execute("SELECT count(*) AS n FROM people_search_docs");
    expect(Number(docs.rows[0]?.n)).toBe(300);
    await database.client.execute("INSERT INTO people_search (people_search, rank) VALUES ('integrity-check', 1)");

    const active = (match: (person: (typeof people)[number]) => boolean) =>
      people
        .filter((person) => person.state === "active" && match(person))
        .map((person) => person.id)
        .sort();
    expect(await ids(database, "existing person 12")).toEqual(
      active((person) => person.name.startsWith("Existing Person 12")),
    );
    expect((await listPeople(database.db, { search: "@BEFORE.example" })).total).toBe(
      active((person) => person.emailNormalized !== null).length,
    );
    expect((await listPeople(database.db, { search: "oldco" })).total).toBe(
      active((person) => person.company !== null).length,
    );
    for (const term of ["existing person 1", "existing.2", "oldco 1", "son 29"])
      expect(await ids(database, term)).toEqual(await ids(database, term, "scan"));

    // The triggers run from then on.
    await database.client.execute({
      sql: "UPDATE crm_people SET name = ? WHERE id = ?",
      args: ["Changed After Migration", "person-1"],
    });
    expect(await ids(database, "changed after")).toEqual(["person-1"]);
    expect(await ids(database, "existing person 1")).not.toContain("person-1");
  });
});

describe(`people search with more matches than the index reads one by one on ${testDatabaseKind()}`, () => {
  let database: TTestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    // 20,500 people named alike (more than list-people.ts reads through the index one by one), 500 not.
    await database.client.execute(`
      INSERT INTO crm_people (id, kind, state, source, name, email_normalized, fields, created_at, updated_at)
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 21000)
      SELECT 'p' || i, CASE WHEN i % 4 = 0 THEN 'lead' ELSE 'contact' END, CASE WHEN i % 50 = 0 THEN 'deleted' ELSE 'active' END,
        'pull', CASE WHEN i <= 20500 THEN 'Broad Match Ölaf ' || i ELSE 'Someone Else ' || i END,
        'person' || i || '@broad.example', '{}', 0, 0
      FROM n`);
  });
  afterAll(() => database.cleanup());

  it("answers a broad term by one pass over the people, with the scan's totals and pages", async () => {
    const matches = await database.client.execute(
      `SELECT count(*) AS n FROM people_search WHERE people_search MATCH '"broad match"'`,
    );
    expect(Number(matches.rows[0]?.n)).toBe(20_500);
    for (const input of [
      { search: "broad match" },
      { search: "broad match", page: 40, sort: "email" as const, direction: "desc" as const },
      { search: "BROAD", kind: "lead" as const, pageSize: 100 as const },
      { search: "match Ölaf 1999" },
    ]) {
      const [index, scan] = await Promise.all([
        listPeople(database.db, input, { search: "index" }),
        listPeople(database.db, input, { search: "scan" }),
      ]);
      expect(index.total).toBeGreaterThan(0);
      expect(index.total).toBe(scan.total);
      expect(index.rows.map((row) => row.id)).toEqual(scan.rows.map((row) => row.id));
    }
    expect((await listPeople(database.db, { search: "broad match" })).total).toBe(20_500 - 410);
    // Beyond ASCII, the index folds the case that LIKE keeps: "match ölaf" finds "Match Ölaf".
    const folded = await listPeople(database.db, { search: "MATCH ölaf", page: 3, sort: "email" }, { search: "index" });
    const exact = await listPeople(database.db, { search: "match Ölaf", page: 3, sort: "email" }, { search: "scan" });
    expect(folded.total).toBe(20_500 - 410);
    expect(folded.rows.map((row) => row.id)).toEqual(exact.rows.map((row) => row.id));
    expect((await listPeople(database.db, { search: "MATCH ölaf" }, { search: "scan" })).total).toBe(0);
  });
});
