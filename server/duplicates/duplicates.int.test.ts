import { randomUUID } from "node:crypto";
import { en, Faker } from "@faker-js/faker";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { crmPeople, duplicatePairs, matchKeys, prospects } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { readSetting, writeSetting } from "@/server/settings/settings-store";
import { acquireLease } from "@/server/sync/lease";
import { checkChangedRecords } from "./check-changed-records";
import { checkDuplicates } from "./check-duplicates";
import { countPotentialDuplicates } from "./count-potential-duplicates";
import { decideDuplicate } from "./decide-duplicate";
import { listDuplicatePairs } from "./list-duplicate-pairs";
import { rebuildDuplicates } from "./rebuild-duplicates";
import { recordDuplicates } from "./record-duplicates";
import {
  emptyDuplicateTables,
  insertAccount,
  insertPeople,
  insertPerson,
  insertProspect,
  pairOf,
  storedPairs,
  updatePerson,
} from "./testing/duplicate-fixtures";

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.cleanup();
});
beforeEach(async () => {
  await emptyDuplicateTables(database.db);
});

const NOW = 1_800_000_000_000;

/** The tick's duplicate step on its own, under a lease of its own. */
async function step(
  now = Date.now(),
  options: { deadline?: number; rebuildUpTo?: number; modelSample?: number; listLimit?: number } = {},
) {
  const lease = await acquireLease(database.db, { holder: `test-${now}-${Math.random()}`, now: () => now });
  if (!lease) throw new Error("lease busy");
  try {
    return await checkChangedRecords(database.db, {
      lease,
      now: () => now,
      deadline: options.deadline ?? now + 60_000,
      rebuildUpTo: options.rebuildUpTo,
      modelSample: options.modelSample,
      listLimit: options.listLimit,
    });
  } finally {
    await lease.release();
  }
}

/** Companies need a few dozen records before the matcher estimates a model of its own. */
async function fillerAccounts(count: number) {
  const fake = new Faker({ locale: [en] });
  fake.seed(7);
  for (let i = 0; i < count; i += 1) {
    const name = fake.company.name();
    const website = `https://www.${name.toLowerCase().replace(/[^a-z]+/g, "")}${i}.com`;
    await insertAccount(database.db, { name, website, phone: fake.phone.number({ style: "national" }) });
  }
}

async function fillerPeople(count: number) {
  const fake = new Faker({ locale: [en] });
  fake.seed(11);
  for (let i = 0; i < count; i += 1) {
    const firstName = fake.person.firstName();
    const lastName = fake.person.lastName();
    await insertPerson(database.db, { firstName, lastName, email: `${firstName}.${lastName}.${i}@example.org` });
  }
}

describe(`duplicate detection on ${testDatabaseKind()}`, () => {
  it("DUP-1: two people sharing an email are flagged with score and reasons, and neither record changes", async () => {
    const jon = await insertPerson(database.db, {
      firstName: "Jon",
      lastName: "Smith",
      email: "jon.smith@acme.com",
      phone: "+1 415 555 0100",
    });
    const john = await insertPerson(database.db, {
      firstName: "John",
      lastName: "Smyth",
      kind: "lead",
      email: "Jon.Smith@acme.com",
      phone: "(415) 555-0100",
      company: "Acme",
    });
    await insertPerson(database.db, { firstName: "Ada", lastName: "Lovelace", email: "ada@engines.org" });
    const before = await database.db.select().from(crmPeople).orderBy(crmPeople.id);

    const result = await rebuildDuplicates(database.db, NOW);
    expect(result.people).toEqual({ records: 3, pairs: 1 });
    const pair = await pairOf(database.db, jon, john);
    expect(pair).toMatchObject({ entity: "people", state: "open", createdAt: NOW });
    expect(pair!.score).toBeGreaterThan(0.99);
    expect(pair!.reasons).toEqual(
      expect.arrayContaining([
        "same email",
        "same phone",
        expect.stringMatching(/^nickname of the same name \((Jon\/John Smith\/Smyth|John\/Jon Smyth\/Smith)\)$/),
      ]),
    );
    expect(await database.db.select().from(crmPeople).orderBy(crmPeople.id)).toEqual(before);
    expect(await countPotentialDuplicates(database.db)).toBe(1);
    expect(await readSetting(database.db, "duplicates.model.people")).toMatchObject({ entity: "people" });
  });

  it("DUP-1: a prospect linked to its CRM record (PULL-3) is never paired with it; an unlinked look-alike is", async () => {
    const person = await insertPerson(database.db, {
      firstName: "Grace",
      lastName: "Hopper",
      email: "grace@navy.mil",
      phone: "+1 202 555 0142",
    });
    const linked = await insertProspect(database.db, {
      kind: "person",
      name: "Grace Hopper",
      firstName: "Grace",
      lastName: "Hopper",
      email: "grace@navy.mil",
      phone: "+1 202 555 0142",
      crmRecordType: "person",
      crmRecordId: person.id,
      inCrmSince: 1,
    });
    const lookAlike = await insertProspect(database.db, {
      kind: "person",
      name: "Grace Hopper",
      firstName: "Grace",
      lastName: "Hopper",
      email: "grace.hopper@navy.mil",
      phone: "+1 202 555 0142",
    });

    await rebuildDuplicates(database.db, NOW);
    expect(await pairOf(database.db, person, linked)).toBeUndefined();
    expect(await pairOf(database.db, linked, lookAlike)).toBeUndefined();
    expect(await pairOf(database.db, person, lookAlike)).toMatchObject({ state: "open" });

    // Linked later (PULL-3 marks it, which moves its updated_at): the incremental check drops its pair.
    await database.db
      .update(prospects)
      .set({ crmRecordType: "person", crmRecordId: person.id, updatedAt: NOW + 1 })
      .where(eq(prospects.id, lookAlike.id));
    // A quarter of the people changed: they are matched again in full (Grace), and the prospect,
    // no longer compared, loses its pair.
    const checked = await step(NOW + 2);
    expect(checked).toMatchObject({ checked: 2, rebuilt: ["people"] });
    expect(await storedPairs(database.db)).toEqual([]);
  });

  it('DUP-1: "Not a duplicate" is remembered across a rebuild and the pair reopens when a matching field changes', async () => {
    const a = await insertPerson(database.db, { firstName: "Maria", lastName: "Garcia", email: "maria@globex.com" });
    const b = await insertPerson(database.db, { firstName: "Maria", lastName: "Garcia", email: "maria@globex.com" });
    await rebuildDuplicates(database.db, NOW);
    const pair = await pairOf(database.db, a, b);
    await decideDuplicate(database.db, { pairId: pair!.id, decision: "dismiss" }, { userId: "user-1", now: NOW + 1 });
    expect(await pairOf(database.db, a, b)).toMatchObject({
      state: "dismissed",
      decidedBy: "user-1",
      decidedAt: NOW + 1,
    });
    expect(await countPotentialDuplicates(database.db)).toBe(0);

    await rebuildDuplicates(database.db, NOW + 2);
    expect(await pairOf(database.db, a, b)).toMatchObject({ state: "dismissed", decidedBy: "user-1" });

    // A field the matcher does not read changes nothing.
    await updatePerson(database.db, b.id, { leadSource: "Web", updatedAt: NOW + 3 });
    await step(NOW + 4);
    expect(await pairOf(database.db, a, b)).toMatchObject({ state: "dismissed" });

    await updatePerson(database.db, b.id, { phone: "+1 212 555 0199", updatedAt: NOW + 5 });
    await step(NOW + 6);
    expect(await pairOf(database.db, a, b)).toMatchObject({ state: "open", decidedBy: null, aSignature: null });
    expect(await countPotentialDuplicates(database.db)).toBe(1);
  });

  it("PULL-2: records of a hidden object still count for duplicate detection", async () => {
    await writeSetting(database.db, "pull.visibility", {
      Account: true,
      Contact: false,
      Lead: false,
      Opportunity: true,
    });
    const contact = await insertPerson(database.db, { firstName: "Kim", lastName: "Lee", email: "kim@acme.com" });
    const lead = await insertPerson(database.db, {
      firstName: "Kim",
      lastName: "Lee",
      kind: "lead",
      email: "kim@acme.com",
      company: "Acme",
    });
    await step(NOW);
    expect(await pairOf(database.db, contact, lead)).toMatchObject({ state: "open" });
    await writeSetting(database.db, "pull.visibility", { Account: true, Contact: true, Lead: true, Opportunity: true });
  });

  it("DUP-1: a retired or merged record drops its pairs", async () => {
    await fillerPeople(20);
    const keep = await insertPerson(database.db, { firstName: "Sam", lastName: "Patel", email: "sam@initech.com" });
    const lead = await insertPerson(database.db, {
      firstName: "Sam",
      lastName: "Patel",
      kind: "lead",
      email: "sam@initech.com",
    });
    const merged = await insertPerson(database.db, {
      firstName: "Samuel",
      lastName: "Patel",
      email: "sam@initech.com",
    });
    await step(NOW);
    expect((await storedPairs(database.db)).length).toBe(3);

    await updatePerson(database.db, lead.id, { state: "retired", mergedIntoId: keep.id, updatedAt: NOW + 1 });
    await updatePerson(database.db, merged.id, { state: "merged", mergedIntoId: keep.id, updatedAt: NOW + 1 });
    const checked = await step(NOW + 2);
    expect(checked).toMatchObject({ checked: 2, rebuilt: [] });
    expect(await storedPairs(database.db)).toEqual([]);
    const keys = await database.db.select().from(matchKeys).where(eq(matchKeys.recordId, lead.id));
    expect(keys.map((row) => row.key)).toEqual([`#at:${NOW + 1}`]);
  });

  it("DUP-1: the incremental check finds a new record's pair without a rebuild", async () => {
    await fillerPeople(60);
    const existing = await insertPerson(database.db, {
      firstName: "Margaret",
      lastName: "Hamilton",
      email: "margaret@mit.edu",
      phone: "+1 617 555 0123",
    });
    await rebuildDuplicates(database.db, NOW);
    const model = await readSetting(database.db, "duplicates.model.people");
    expect(await storedPairs(database.db)).toEqual([]);

    const added = await insertProspect(database.db, {
      kind: "person",
      name: "Maggie Hamilton",
      firstName: "Maggie",
      lastName: "Hamilton",
      email: "margaret@mit.edu",
      updatedAt: NOW + 10,
    });
    const result = await checkDuplicates(database.db, [added], { now: NOW + 11 });
    expect(result).toEqual({ checked: 1, done: true });
    const pair = await pairOf(database.db, existing, added);
    expect(pair).toMatchObject({ state: "open", createdAt: NOW + 11 });
    expect(pair!.reasons).toEqual(expect.arrayContaining(["same email", expect.stringContaining("Margaret/Maggie")]));
    // Scored with the stored model: no rebuild happened.
    expect(await readSetting(database.db, "duplicates.model.people")).toEqual(model);
    expect((await recordDuplicates(database.db, existing)).map((entry) => entry.other)).toEqual([
      expect.objectContaining({ type: "prospect", id: added.id, kind: "person", name: "Maggie Hamilton" }),
    ]);
  });

  it("DUP-1: accounts and company prospects are compared as companies", async () => {
    await fillerAccounts(60);
    const acme = await insertAccount(database.db, {
      name: "Acme Inc",
      website: "https://www.acme.com",
      phone: "+1 312 555 0100",
    });
    const acmeToo = await insertAccount(database.db, {
      name: "ACME, Incorporated",
      website: "acme.com",
      phone: "+1 312 555 0100",
    });
    const prospect = await insertProspect(database.db, {
      kind: "company",
      name: "Acme",
      website: "http://acme.com/about",
      phone: "312-555-0100",
      extra: { "Postal Code": "60601" },
    });
    const result = await rebuildDuplicates(database.db, NOW);
    expect(result.companies.records).toBe(63);
    expect(await pairOf(database.db, acme, acmeToo)).toMatchObject({ entity: "companies", state: "open" });
    expect(await pairOf(database.db, acme, prospect)).toMatchObject({ entity: "companies", state: "open" });
    const list = await listDuplicatePairs(database.db, { entity: "companies" });
    expect(list).toMatchObject({ total: 3, clusters: 1 });
    expect(list.rows.every((row) => row.cluster.records === 3 && row.cluster.pairs === 3)).toBe(true);
    const prospectSide = list.rows.flatMap((row) => [row.a, row.b]).find((side) => side.type === "prospect");
    expect(prospectSide).toMatchObject({
      kind: "company",
      name: "Acme",
      href: "/people/prospects?kind=company&q=Acme",
    });
    expect(list.rows.flatMap((row) => [row.a, row.b]).find((side) => side.id === acme.id)).toMatchObject({
      kind: "account",
      href: `/accounts/${acme.id}`,
    });
  });

  it("DUP-1: a large first check (a sampled model, then chunks) finds what a full rebuild finds", async () => {
    const people: Array<{
      id: string;
      firstName: string;
      lastName: string;
      email: string;
      phone: string;
      company: string;
      updatedAt: number;
    }> = [];
    const fake = new Faker({ locale: [en] });
    fake.seed(3);
    for (let i = 0; i < 1200; i += 1) {
      // Every tenth person is entered twice, the second time with another email.
      const twin = i % 10 === 1;
      const firstName = twin ? people[i - 1]!.firstName : fake.person.firstName();
      const lastName = twin ? people[i - 1]!.lastName : fake.person.lastName();
      people.push({
        id: randomUUID(),
        firstName,
        lastName,
        email: `${firstName}.${lastName}.${i}@example.org`.toLowerCase(),
        phone: twin ? people[i - 1]!.phone : fake.phone.number({ style: "national" }),
        company: twin ? people[i - 1]!.company : fake.company.name(),
        updatedAt: NOW - 1000 + (i % 7),
      });
    }
    await insertPeople(database.db, people);
    const rebuilt = await rebuildDuplicates(database.db, NOW);
    const fromRebuild = (await storedPairs(database.db)).map((pair) => pair.id).sort();
    expect(fromRebuild.length).toBe(rebuilt.people.pairs);
    expect(fromRebuild.length).toBeGreaterThan(0);

    await emptyDuplicateTables(database.db);
    await insertPeople(database.db, people);
    // People are too many to match in full here: a sampled model, then checks in chunks, between
    // which the rest of the process runs (a web server's requests, on a file database too).
    let turns = 0;
    let counting = true;
    const countTurn = () => {
      if (!counting) return;
      turns += 1;
      setImmediate(countTurn);
    };
    setImmediate(countTurn);
    const first = await step(NOW, { rebuildUpTo: 100, modelSample: 400 });
    counting = false;
    expect(first).toMatchObject({ checked: 1200, rebuilt: ["companies"], more: false });
    expect(turns).toBeGreaterThanOrEqual(6);
    expect(await readSetting(database.db, "duplicates.model.people")).not.toBeNull();
    const ids = (await storedPairs(database.db)).map((pair) => pair.id);
    // The sampled model scores alike: the same twins, perhaps a few more or fewer borderline pairs.
    const shared = ids.filter((id) => fromRebuild.includes(id));
    expect(shared.length).toBeGreaterThanOrEqual(Math.floor(fromRebuild.length * 0.9));
    expect(ids.length).toBeLessThanOrEqual(Math.ceil(fromRebuild.length * 1.1));
  });

  it("DUP-1: more changed records than one listing holds are checked over several steps; the watermark waits for the last", async () => {
    const people = Array.from({ length: 23 }, (_, i) => ({
      firstName: `Given${i}`,
      lastName: `Family${i}`,
      email: `person${i}@example${i}.org`,
      updatedAt: NOW - 100 + i,
    }));
    const twin = (
      await insertPeople(database.db, [
        ...people,
        { firstName: "Lin", lastName: "Wu", email: "lin@wu.dev", updatedAt: NOW - 50 },
      ])
    ).at(-1);
    const [other] = await insertPeople(database.db, [
      { firstName: "Lin", lastName: "Wu", email: "lin@wu.dev", updatedAt: NOW - 1 },
    ]);
    const options = { listLimit: 10, rebuildUpTo: 0 };
    expect(await step(NOW, options)).toMatchObject({ checked: 10, more: false });
    expect(await readSetting(database.db, "duplicates.checkedThrough")).toBeNull();
    expect(await step(NOW + 1, options)).toMatchObject({ checked: 10, more: false });
    expect(await readSetting(database.db, "duplicates.checkedThrough")).toBeNull();
    expect(await step(NOW + 2, options)).toMatchObject({ checked: 5, more: false });
    expect(await readSetting(database.db, "duplicates.checkedThrough")).not.toBeNull();
    expect(await pairOf(database.db, twin!, other!)).toMatchObject({ state: "open" });
    expect(await step(NOW + 3, options)).toEqual({ checked: 0, rebuilt: [], more: false });
  });

  it("DUP-1: a check past the tick's deadline only looks; the next one checks, then nothing changed costs nothing", async () => {
    const a = await insertPerson(database.db, {
      firstName: "Lin",
      lastName: "Wu",
      email: "lin@wu.dev",
      updatedAt: NOW,
    });
    const b = await insertPerson(database.db, {
      firstName: "Lin",
      lastName: "Wu",
      email: "lin@wu.dev",
      updatedAt: NOW,
    });
    expect(await step(NOW + 1, { deadline: NOW })).toEqual({ checked: 0, rebuilt: [], more: true });
    expect(await storedPairs(database.db)).toEqual([]);

    expect(await step(NOW + 2)).toMatchObject({ rebuilt: ["people", "companies"], more: false });
    expect(await pairOf(database.db, a, b)).toMatchObject({ state: "open" });
    expect(await step(NOW + 3)).toEqual({ checked: 0, rebuilt: [], more: false });
  });

  it("DUP-1: a write that commits after a check, with an earlier updated_at, is still checked", async () => {
    await insertPerson(database.db, { firstName: "Noor", lastName: "Haddad", email: "noor@haddad.io", updatedAt: NOW });
    await step(NOW + 1);
    const through = await readSetting(database.db, "duplicates.checkedThrough");
    expect(through).not.toBeNull();

    // An import chunk stamped before the check committed after it.
    const late = await insertProspect(database.db, {
      kind: "person",
      name: "Noor Haddad",
      firstName: "Noor",
      lastName: "Haddad",
      email: "noor@haddad.io",
      updatedAt: NOW,
    });
    await step(NOW + 2);
    expect(await storedPairs(database.db)).toEqual([
      expect.objectContaining({ refs: expect.arrayContaining([`prospect:${late.id}`]) }),
    ]);
  });

  it("DUP-1: pairs put off for later stay later and reopen on request; the queue filters by score and entity", async () => {
    const a = await insertPerson(database.db, { firstName: "Olu", lastName: "Ade", email: "olu@ade.ng" });
    const b = await insertPerson(database.db, { firstName: "Olu", lastName: "Ade", email: "olu@ade.ng" });
    await rebuildDuplicates(database.db, NOW);
    const pair = await pairOf(database.db, a, b);
    await decideDuplicate(database.db, { pairId: pair!.id, decision: "later" }, { userId: "user-2", now: NOW + 1 });
    await rebuildDuplicates(database.db, NOW + 2);
    expect(await pairOf(database.db, a, b)).toMatchObject({ state: "later" });
    expect((await listDuplicatePairs(database.db)).total).toBe(0);
    expect((await listDuplicatePairs(database.db, { includeLater: true })).total).toBe(1);
    expect((await listDuplicatePairs(database.db, { includeLater: true, entity: "companies" })).total).toBe(0);
    expect((await listDuplicatePairs(database.db, { includeLater: true, minScore: 0.99 })).total).toBe(1);

    await decideDuplicate(database.db, { pairId: pair!.id, decision: "reopen" }, { userId: "user-2", now: NOW + 3 });
    const [row] = (await listDuplicatePairs(database.db)).rows;
    expect(row).toMatchObject({ id: pair!.id, state: "open", score: pair!.score });
    expect(row!.a).toMatchObject({ type: "person", kind: "contact", name: "Olu Ade", email: "olu@ade.ng" });
    await expect(
      decideDuplicate(database.db, { pairId: "nope", decision: "dismiss" }, { userId: null, now: NOW }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await database.db.$count(duplicatePairs)).toBe(1);
  });
});
