import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmAccounts, crmPeople } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { setPullVisibility } from "@/server/settings/pull-visibility";
import { listPeople, type TPeopleSearchMethod } from "./list-people";
import { insertAccounts, insertPeople } from "./testing/crm-fixtures";

/*
 * The people search reads the trigram index (db/migrations/0007) for terms of 3 characters or
 * more. It must find what the LIKE scan finds: the same people, the same totals, the same pages.
 * Every search here runs both ways, and each is also checked against a model written in plain
 * JavaScript: LIKE folds the case of ASCII letters only, the index that of every letter.
 */

type TSeedPerson = {
  name: string;
  email: string | null;
  company: string | null;
  kind: "contact" | "lead";
  state: "active" | "retired" | "deleted" | "merged";
  account: number | null;
};

/** Characters the people and terms are made of: operators, wildcards, quotes, letters in both cases. */
const ALPHABET = [..."abcoxyzABCOXYZ019 .-@_%\\\"'*()^:+öÖéÉßçÇ日本😀"];
const WORDS = ["OR", "NEAR", "AND", "NOT", "Ölaf", "ölaf", "O'Brien", "50%", "a_b", '"q"', "(x)", "*st", "-neg"];

const ACCOUNT_NAMES = ["Acme Rockets", "Globex NEAR Corp", "Ölwerke", 'Quote"s Ltd', "100% Pure_Co"];

let database: TTestDatabase;
let seeded: Array<TSeedPerson & { id: string }> = [];
let accountNames: string[] = [];

const asciiLower = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
const fold = (text: string) => text.toLowerCase();

/** The ids a search should find, as the scan (LIKE) or the index (every letter folded) reads it. */
function expected(rawTerm: string, method: TPeopleSearchMethod, hidden: { leads?: boolean; accounts?: boolean } = {}) {
  const term = rawTerm.trim();
  const byIndex = method === "index" && [...term].length >= 3;
  const folded = byIndex ? fold : asciiLower;
  const contains = (value: string | null) => value !== null && folded(value).includes(folded(term));
  return seeded
    .filter((person) => person.state === "active" && !(hidden.leads && person.kind === "lead"))
    .filter(
      (person) =>
        term === "" ||
        contains(person.name) ||
        // Emails are stored lowercased; the scan lowercases the term (JavaScript's lowercase).
        (person.email !== null && folded(person.email.toLowerCase()).includes(folded(term.toLowerCase()))) ||
        contains(person.company) ||
        (!hidden.accounts &&
          person.account !== null &&
          asciiLower(accountNames[person.account]!).includes(asciiLower(term))),
    )
    .map((person) => person.id)
    .sort();
}

/** Every id a search finds, page by page, with the total it reports. */
async function found(term: string, method: TPeopleSearchMethod) {
  const ids: string[] = [];
  let total = 0;
  for (let page = 1; ; page += 1) {
    const list = await listPeople(database.db, { search: term, page, pageSize: 100 }, { search: method });
    total = list.total;
    ids.push(...list.rows.map((row) => row.id));
    if (list.rows.length < 100) break;
  }
  return { ids, total };
}

async function expectBothWays(term: string, hidden: { leads?: boolean; accounts?: boolean } = {}) {
  const [index, scan] = [await found(term, "index"), await found(term, "scan")];
  expect([...index.ids].sort(), `index, ${JSON.stringify(term)}`).toEqual(expected(term, "index", hidden));
  expect([...scan.ids].sort(), `scan, ${JSON.stringify(term)}`).toEqual(expected(term, "scan", hidden));
  expect(index.total).toBe(index.ids.length);
  expect(scan.total).toBe(scan.ids.length);
  // Where case folding cannot differ (no letter beyond ASCII in the term), the two agree row for row.
  if (/^[\x00-\x7f]*$/.test(term)) expect(index.ids).toEqual(scan.ids);
  return index;
}

/** Characters `start` to `end` of `text`, counted by code point as a person types them. */
const part = (text: string, start: number, end?: number) => [...text].slice(start, end).join("");

const pick = <T>(random: () => number, items: readonly T[]) => items[Math.floor(random() * items.length)]!;

/** A seeded pseudo-random generator (mulberry32), so the people are the same on every run. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function seedPeople(count: number): TSeedPerson[] {
  const random = generator(11);
  const text = (min: number, max: number) => {
    const length = min + Math.floor(random() * (max - min + 1));
    let value = "";
    while ([...value].length < length) value += random() < 0.2 ? ` ${pick(random, WORDS)} ` : pick(random, ALPHABET);
    return value.trim() || "x";
  };
  const states = ["active", "active", "active", "active", "retired", "deleted", "merged"] as const;
  return Array.from({ length: count }, (_, index) => {
    const kind = random() < 0.6 ? "contact" : "lead";
    return {
      name: `${text(2, 14)} ${index}`,
      email:
        random() < 0.8
          ? `${text(1, 8).replace(/\s/g, "")}@${pick(random, ["acme.example", "Ölwerke.DE", "x_y.io"])}`
          : null,
      company: random() < 0.6 ? text(0, 12) : null,
      kind,
      state: pick(random, states),
      account: kind === "contact" && random() < 0.5 ? Math.floor(random() * ACCOUNT_NAMES.length) : null,
    };
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const accounts = await insertAccounts(
    database.db,
    ACCOUNT_NAMES.map((name) => ({ name })),
  );
  accountNames = accounts.map((account) => account.name);
  const people = seedPeople(240);
  const rows = await insertPeople(
    database.db,
    people.map((person) => ({
      name: person.name,
      email: person.email,
      company: person.company,
      kind: person.kind,
      state: person.state,
      accountSfId: person.account === null ? null : accounts[person.account]!.sfId,
    })),
  );
  seeded = people.map((person, index) => ({ ...person, id: rows[index]!.id }));
});
afterAll(() => database.cleanup());

describe(`people search by index and by scan on ${testDatabaseKind()}`, () => {
  it("finds the same people for names, emails, companies and account names", async () => {
    const some = seeded.filter((person) => person.state === "active").slice(0, 12);
    const terms = [
      ...some.map((person) => part(person.name, 0, 5)),
      ...some.map((person) => part(person.name, 2, 9)),
      ...some.flatMap((person) =>
        person.email ? [part(person.email, -9), part(person.email.toUpperCase(), 1, 6)] : [],
      ),
      ...some.flatMap((person) => ([...(person.company ?? "")].length >= 3 ? [part(person.company!, 1)] : [])),
      "acme.example",
      "ACME",
      "Acme Rock",
      "globex near",
      "pure_co",
      "nobody at all",
    ];
    let matched = 0;
    for (const term of terms) matched += (await expectBothWays(term)).ids.length > 0 ? 1 : 0;
    // The terms come from the people themselves: nearly all find someone.
    expect(matched).toBeGreaterThan(terms.length - 3);
  });

  it("reads operators, wildcards and quotes in a term as text", async () => {
    const terms = [
      '"',
      '""',
      '"""',
      'a"b',
      '"q"',
      "*",
      "**",
      "*st",
      "st*",
      "-neg",
      "NOT",
      "OR",
      " OR ",
      "a OR b",
      "NEAR",
      "NEAR(a b)",
      "(x)",
      "((",
      ")",
      "%",
      "50%",
      "%%%",
      "_",
      "a_b",
      "___",
      "'",
      "O'Brien",
      "''",
      "\\",
      "\\%",
      "name:",
      "name:abc",
      "{name email}: x",
      "^ab",
      "a+b",
      "@",
      ".",
    ];
    for (const term of terms) await expectBothWays(term);
  });

  it("searches 1- and 2-character terms by scan, and 3 characters and more by index", async () => {
    for (const term of [
      "a",
      "O",
      "ö",
      "日",
      "ab",
      "Ö1",
      "日本",
      "😀",
      "abc",
      "ÖLA",
      "ölaf",
      "日本 ",
      " 日本a",
      "😀😀😀",
    ])
      await expectBothWays(term);
    // Code points, not UTF-16 units: one emoji is one character, searched by scan.
    expect((await found("😀", "index")).ids).toEqual((await found("😀", "scan")).ids);
  });

  it("folds the case of letters beyond ASCII through the index, where LIKE does not", async () => {
    const [olaf] = await insertPeople(database.db, [{ name: "ÖLAF Grün", company: "Çağ" }]);
    seeded.push({
      id: olaf!.id,
      name: "ÖLAF Grün",
      email: null,
      company: "Çağ",
      kind: "contact",
      state: "active",
      account: null,
    });
    expect((await found("ölaf", "index")).ids).toContain(olaf!.id);
    expect((await found("ölaf", "scan")).ids).not.toContain(olaf!.id);
    expect((await found("GRÜN", "index")).ids).toContain(olaf!.id);
    expect((await found("çAĞ", "index")).ids).toContain(olaf!.id);
    await expectBothWays("ölaf");
  });

  it("finds what the scan finds for any term (property)", async () => {
    const fromPeople = fc
      .tuple(
        fc.nat(seeded.length - 1),
        fc.nat(20),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom("name", "email", "company"),
      )
      .map(([index, start, length, field]) => {
        const value = seeded[index]![field as "name" | "email" | "company"] ?? "";
        const from = start % Math.max(1, [...value].length);
        return part(value, from, from + length);
      });
    const term = fc.oneof(
      fromPeople,
      fromPeople.map((value) => value.toUpperCase()),
      fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 6 }),
      fc.constantFrom(...WORDS, ...ACCOUNT_NAMES.map((name) => name.slice(2, 8))),
      fc.string({ maxLength: 8 }),
    );
    await fc.assert(
      fc.asyncProperty(term, async (value) => {
        await expectBothWays(value);
      }),
      { numRuns: testDatabaseKind() === "sqld" ? 40 : 150 },
    );
  });

  it("PULL-2: leaves hidden leads out and, with accounts hidden, searches no account name, by index and by scan", async () => {
    const lead = seeded.find(
      (person) => person.kind === "lead" && person.state === "active" && person.name.length > 6,
    )!;
    const contact = seeded.find((person) => person.state === "active" && person.account === 0)!;
    await setPullVisibility(database.db, "Lead", false);
    try {
      const leadsHidden = await expectBothWays(part(lead.name, 0, 6), { leads: true });
      expect(leadsHidden.ids).not.toContain(lead.id);
      await expectBothWays("acme rockets", { leads: true });
    } finally {
      await setPullVisibility(database.db, "Lead", true);
    }
    expect((await expectBothWays(part(lead.name, 0, 6))).ids).toContain(lead.id);
    expect((await expectBothWays("acme rockets")).ids).toContain(contact.id);
    await setPullVisibility(database.db, "Account", false);
    try {
      expect((await expectBothWays("acme rockets", { accounts: true })).ids).not.toContain(contact.id);
    } finally {
      await setPullVisibility(database.db, "Account", true);
    }
  });

  it("never finds retired, deleted or merged people, though the index holds them", async () => {
    const gone = seeded.filter((person) => person.state !== "active");
    expect(gone.length).toBeGreaterThan(10);
    for (const person of gone.slice(0, 10)) {
      const term = person.name;
      const result = await expectBothWays(term);
      expect(result.ids).not.toContain(person.id);
      const indexed = await database.client.execute({
        sql: "SELECT count(*) AS n FROM people_search_docs WHERE person_id = ?",
        args: [person.id],
      });
      expect(Number(indexed.rows[0]?.n)).toBe(1);
    }
  });

  it("keeps the account-name part of the search, also under a filter by account and by kind", async () => {
    const [account] = await database.db.select().from(crmAccounts).where(eq(crmAccounts.name, "Globex NEAR Corp"));
    const members = seeded.filter((person) => person.account === 1 && person.state === "active");
    expect(members.length).toBeGreaterThan(0);
    for (const method of ["index", "scan"] as const) {
      const list = await listPeople(
        database.db,
        { search: "ex NEAR co", accountId: account!.id, kind: "contact", pageSize: 100 },
        { search: method },
      );
      expect(list.rows.map((row) => row.id).sort()).toEqual(members.map((person) => person.id).sort());
    }
    // A person's own company named like an account is found by its own column, not the account's.
    const [own] = await insertPeople(database.db, [
      { kind: "lead", name: "Lead Of Its Own", company: "Globex Near Corp" },
    ]);
    seeded.push({
      id: own!.id,
      name: "Lead Of Its Own",
      email: null,
      company: "Globex Near Corp",
      kind: "lead",
      state: "active",
      account: null,
    });
    expect((await expectBothWays("globex near")).ids).toEqual(expect.arrayContaining([own!.id, members[0]!.id]));
  });
});

describe(`people search index kept by triggers on ${testDatabaseKind()}`, () => {
  const indexFinds = async (term: string) => (await found(term, "index")).ids;

  it("indexes a person when inserted, and each searched column when it changes", async () => {
    const [person] = await insertPeople(database.db, [
      { name: "Trigger Tess", email: "tess@before.example", company: "Before Corp" },
    ]);
    const id = person!.id;
    expect(await indexFinds("trigger tess")).toEqual([id]);
    expect(await indexFinds("tess@before")).toEqual([id]);
    expect(await indexFinds("before corp")).toEqual([id]);

    await database.db.update(crmPeople).set({ name: "Renamed Rhea" }).where(eq(crmPeople.id, id));
    expect(await indexFinds("trigger tess")).toEqual([]);
    expect(await indexFinds("renamed rhea")).toEqual([id]);
    expect(await indexFinds("tess@before")).toEqual([id]);

    await database.db
      .update(crmPeople)
      .set({ email: "Rhea@After.example", emailNormalized: "rhea@after.example" })
      .where(eq(crmPeople.id, id));
    expect(await indexFinds("tess@before")).toEqual([]);
    expect(await indexFinds("rhea@after")).toEqual([id]);

    await database.db.update(crmPeople).set({ company: "After Ltd" }).where(eq(crmPeople.id, id));
    expect(await indexFinds("before corp")).toEqual([]);
    expect(await indexFinds("after ltd")).toEqual([id]);

    await database.db
      .update(crmPeople)
      .set({ company: null, emailNormalized: null, email: null })
      .where(eq(crmPeople.id, id));
    expect(await indexFinds("after ltd")).toEqual([]);
    expect(await indexFinds("rhea@after")).toEqual([]);
    expect(await indexFinds("renamed rhea")).toEqual([id]);
  });

  it("keeps a person's index row through updates of other columns, and drops it on delete", async () => {
    const [person] = await insertPeople(database.db, [{ name: "Quiet Quinn", company: "Stillwater" }]);
    const id = person!.id;
    const docBefore = await database.client.execute({
      sql: "SELECT doc FROM people_search_docs WHERE person_id = ?",
      args: [id],
    });
    await database.db.update(crmPeople).set({ title: "CEO", updatedAt: Date.now() }).where(eq(crmPeople.id, id));
    // Rewriting a searched column with its own value changes nothing either.
    await database.db.update(crmPeople).set({ name: "Quiet Quinn", company: "Stillwater" }).where(eq(crmPeople.id, id));
    const docAfter = await database.client.execute({
      sql: "SELECT doc FROM people_search_docs WHERE person_id = ?",
      args: [id],
    });
    expect(docAfter.rows).toEqual(docBefore.rows);
    expect(await indexFinds("quiet quinn")).toEqual([id]);
    await database.db.update(crmPeople).set({ state: "deleted" }).where(eq(crmPeople.id, id));
    expect(await indexFinds("quiet quinn")).toEqual([]);
    await database.db.update(crmPeople).set({ state: "active" }).where(eq(crmPeople.id, id));
    expect(await indexFinds("quiet quinn")).toEqual([id]);

    await database.db.delete(crmPeople).where(eq(crmPeople.id, id));
    expect(await indexFinds("quiet quinn")).toEqual([]);
    const left = await database.client.execute({
      sql: "SELECT count(*) AS n FROM people_search_docs WHERE person_id = ?",
      args: [id],
    });
    expect(Number(left.rows[0]?.n)).toBe(0);
    // The FTS index itself holds nothing of the deleted person.
    const matches = await database.client.execute(
      `SELECT count(*) AS n FROM people_search WHERE people_search MATCH '"quiet quinn"'`,
    );
    expect(Number(matches.rows[0]?.n)).toBe(0);
  });

  it("holds one row per person, and the index passes FTS5's integrity check", async () => {
    const counts = await database.client.execute(
      "SELECT (SELECT count(*) FROM crm_people) AS people, (SELECT count(*) FROM people_search_docs) AS docs, (SELECT count(*) FROM people_search_docs d JOIN crm_people p ON p.id = d.person_id AND p.name = d.name AND p.email_normalized IS d.email AND p.company IS d.company) AS same",
    );
    const row = counts.rows[0]!;
    expect(Number(row.docs)).toBe(Number(row.people));
    expect(Number(row.same)).toBe(Number(row.people));
    await database.client.execute("INSERT INTO people_search (people_search, rank) VALUES ('integrity-check', 1)");
  });
});
