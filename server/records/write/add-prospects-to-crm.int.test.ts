import { count, eq, inArray, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { activityLog, crmAccounts, crmPeople, prospects, pushOutbox } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { buildProspectDraft, type TProspectValues } from "@/server/prospects/build-prospect-draft";
import { insertProspects } from "@/server/prospects/insert-prospects";
import { insertAccounts, insertPeople } from "../testing/crm-fixtures";
import { addProspectsToCrm } from "./add-prospects-to-crm";
import { ADA, connect, logOf, outboxOf, PUSH_INFO, setPush, setPushInfo } from "./testing/write-fixtures";

let database: TTestDatabase;
const NOW = 1_800_000_000_000;
const origin = { source: "manual", createdBy: null, createdByName: "Ada" } as const;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());
beforeEach(async () => {
  const db = database.db;
  for (const table of [crmPeople, crmAccounts, prospects, pushOutbox, activityLog]) await db.delete(table);
  await connect(db);
  await setPushInfo(db, PUSH_INFO);
  await setPush(db, ["people", "accounts"]);
});

async function addProspects(kind: "person" | "company", values: TProspectValues[]): Promise<string[]> {
  const { ids } = await insertProspects(
    database.db,
    kind,
    values.map((value) => ({ draft: buildProspectDraft(kind, value) })),
    origin,
    NOW - 1000,
  );
  return ids;
}

const countOf = async (table: typeof crmPeople | typeof crmAccounts | typeof pushOutbox) =>
  (await database.db.select({ n: count() }).from(table))[0]?.n ?? 0;

describe(`Add to CRM on ${testDatabaseKind()}`, () => {
  it("PULL-3: 2,000 prospects become contacts and accounts, linked back, with accounts created once per company", async () => {
    const db = database.db;
    // Company 39 is an account already (pulled, same domain); two accounts are called Initech.
    const [company39] = await insertAccounts(db, [
      { name: "Company 39 Inc", website: "company39.example", domainNormalized: "company39.example" },
      { name: "Initech" },
      { name: "Initech" },
    ]);
    await addProspects(
      "company",
      Array.from({ length: 10 }, (_, c) => ({ name: `Company ${c}`, website: `https://company${c}.example` })),
    );
    await addProspects(
      "person",
      Array.from({ length: 1800 }, (_, index) => {
        const c = index % 40;
        return {
          firstName: `First${index}`,
          lastName: `Last${index}`,
          email: `p${index}@company${c}.example`,
          company: `Company ${c}`,
        };
      }),
    );
    await addProspects(
      "person",
      Array.from({ length: 100 }, (_, index) => ({
        name: `Glen Globex${index}`,
        email: `g${index}@gmail.com`,
        company: "Globex",
      })),
    );
    await addProspects(
      "person",
      Array.from({ length: 50 }, (_, index) => ({ name: `Cher${index}` })),
    );
    await addProspects(
      "person",
      Array.from({ length: 20 }, (_, index) => ({ name: `Ian Initech${index}`, company: "Initech" })),
    );
    const linked = await addProspects(
      "person",
      Array.from({ length: 20 }, (_, index) => ({ name: `Old Timer${index}`, email: `old${index}@elsewhere.example` })),
    );
    await db
      .update(prospects)
      .set({ crmRecordType: "person", crmRecordId: "linked-before", inCrmSince: 1 })
      .where(inArray(prospects.id, linked));

    const started = performance.now();
    const result = await addProspectsToCrm(db, { all: true }, {}, ADA, NOW);
    const seconds = (performance.now() - started) / 1000;

    expect(result).toMatchObject({
      created: 10 + 1800 + 100 + 20,
      skipped: 50,
      // `all` walks the prospects not in the CRM yet: the linked ones are not even read.
      alreadyInCrm: 0,
      accountsCreated: 29 + 1,
      withoutAccount: 20,
    });
    expect(result.problems).toHaveLength(50);
    expect(result.problems[0]?.reason).toBe("No last name: Salesforce requires one. Add it to the prospect.");
    expect(seconds).toBeLessThan(20);

    expect(await countOf(crmPeople)).toBe(1920);
    expect(await countOf(crmAccounts)).toBe(3 + 10 + 30);
    // One create per new record, queued as background work behind reps' own actions.
    const outbox = await db.select({ operation: pushOutbox.operation, priority: pushOutbox.priority }).from(pushOutbox);
    expect(outbox).toHaveLength(1920 + 40);
    expect(new Set(outbox.map((row) => `${row.operation}:${row.priority}`))).toEqual(new Set(["create:0"]));

    // Every person of one company points at the same account: the company prospect's, a new one, or the pulled one.
    const people = await db
      .select({ email: crmPeople.email, accountId: crmPeople.accountId, accountSfId: crmPeople.accountSfId })
      .from(crmPeople);
    const accountsByCompany = new Map<string, Set<string | null>>();
    for (const person of people) {
      const domain = person.email?.split("@")[1] ?? "";
      if (!domain.startsWith("company")) continue;
      accountsByCompany.set(domain, (accountsByCompany.get(domain) ?? new Set()).add(person.accountId));
    }
    expect(accountsByCompany.size).toBe(40);
    for (const ids of accountsByCompany.values()) expect(ids.size).toBe(1);
    expect([...(accountsByCompany.get("company39.example") ?? [])]).toEqual([company39?.id]);
    expect(people.filter((person) => person.accountSfId === company39?.sfId)).toHaveLength(45);
    const company5 = await db.select().from(crmAccounts).where(eq(crmAccounts.name, "Company 5")).get();
    expect(company5).toMatchObject({ website: "https://company5.example", source: "tandem", pushState: "pending" });
    expect([...(accountsByCompany.get("company5.example") ?? [])]).toEqual([company5?.id]);
    const globex = await db.select().from(crmAccounts).where(eq(crmAccounts.name, "Globex"));
    expect(globex).toEqual([expect.objectContaining({ website: null })]);

    // Each added prospect is linked to its record and leaves prospecting lists.
    const stillOut = await db
      .select({ id: prospects.id })
      .from(prospects)
      .where(eq(prospects.crmRecordId, "linked-before"));
    expect(stillOut).toHaveLength(20);
    const inCrm = await db.select({ n: count() }).from(prospects).where(eq(prospects.inCrmSince, NOW));
    expect(inCrm[0]?.n).toBe(1930);
    const [jane] = await db.select().from(prospects).where(eq(prospects.email, "p7@company7.example"));
    const janeRecord = await db
      .select()
      .from(crmPeople)
      .where(eq(crmPeople.id, jane?.crmRecordId ?? ""))
      .get();
    expect(janeRecord).toMatchObject({ firstName: "First7", lastName: "Last7", source: "tandem", kind: "contact" });
    expect(await logOf(db, "prospect", jane?.id ?? "")).toContainEqual(
      expect.objectContaining({
        event: "added-to-crm",
        message: "Added to the CRM by Ada Admin as the contact First7 Last7.",
      }),
    );
    expect(await logOf(db, "person", janeRecord?.id ?? "")).toEqual([
      expect.objectContaining({ event: "added-to-crm", message: "Added to the CRM from a prospect by Ada Admin." }),
    ]);

    // A second run adds nothing twice: the prospects left are the ones that cannot be added.
    const again = await addProspectsToCrm(db, { all: true }, {}, ADA, NOW + 1);
    expect(again).toMatchObject({ created: 0, skipped: 50, alreadyInCrm: 0, accountsCreated: 0 });
    const every = await db.select({ id: prospects.id }).from(prospects);
    const byIds = await addProspectsToCrm(db, { ids: every.map((row) => row.id) }, {}, ADA, NOW + 2);
    expect(byIds).toMatchObject({ created: 0, skipped: 50, alreadyInCrm: 1950 });
    expect(await countOf(crmPeople)).toBe(1920);
  });

  it("links a prospect whose email a CRM person has, and skips what a lead lacks", async () => {
    const [janeProspect, leeProspect, nobody] = await addProspects("person", [
      { name: "Jane Doe", email: "Jane@Hooli.example" },
      { firstName: "Lee", lastName: "Smith", company: "Vandelay" },
      { firstName: "No", lastName: "Company" },
    ]);
    // Added after the prospects, so the prospect is not linked yet (as for a person created in Tandem).
    const [known] = await insertPeople(database.db, [{ name: "Jane Doe", email: "jane@hooli.example" }]);
    const result = await addProspectsToCrm(
      database.db,
      { ids: [janeProspect ?? "", leeProspect ?? "", nobody ?? "", "missing"] },
      { as: "lead" },
      ADA,
      NOW,
    );

    expect(result).toEqual({
      created: 1,
      skipped: 2,
      alreadyInCrm: 1,
      accountsCreated: 0,
      withoutAccount: 0,
      problems: [
        { id: "missing", reason: "No prospect has this id any more." },
        { id: nobody, reason: "A lead needs a company: add the company to the prospect, or add it as a contact." },
      ],
    });
    const jane = await database.db
      .select()
      .from(prospects)
      .where(eq(prospects.id, janeProspect ?? ""))
      .get();
    expect(jane).toMatchObject({ crmRecordType: "person", crmRecordId: known?.id, inCrmSince: NOW });
    expect(await logOf(database.db, "prospect", janeProspect ?? "")).toContainEqual(
      expect.objectContaining({
        event: "matched-crm",
        message: expect.stringContaining("has the same email (jane@hooli.example)"),
      }),
    );
    const lee = await database.db
      .select()
      .from(prospects)
      .where(eq(prospects.id, leeProspect ?? ""))
      .get();
    const leeRecord = await database.db
      .select()
      .from(crmPeople)
      .where(eq(crmPeople.id, lee?.crmRecordId ?? ""))
      .get();
    expect(leeRecord).toMatchObject({
      kind: "lead",
      company: "Vandelay",
      accountId: null,
      leadStatus: "Open - Not Contacted",
    });
    // A rep's own small selection goes before background work.
    expect(await outboxOf(database.db, "person", leeRecord?.id ?? "")).toEqual([
      expect.objectContaining({ priority: 1, operation: "create" }),
    ]);
    expect(await countOf(crmAccounts)).toBe(0);
  });

  it("PUSH-2: two runs over the same prospects at once add each prospect once", async () => {
    const ids = await addProspects(
      "person",
      Array.from({ length: 30 }, (_, index) => ({ name: `Twin Person${index}`, company: `Twin Co ${index % 3}` })),
    );
    const [first, second] = await Promise.all([
      addProspectsToCrm(database.db, { ids }, {}, ADA, NOW),
      addProspectsToCrm(database.db, { ids }, {}, ADA, NOW),
    ]);

    expect((first?.created ?? 0) + (second?.created ?? 0)).toBe(30);
    expect((first?.alreadyInCrm ?? 0) + (second?.alreadyInCrm ?? 0)).toBe(30);
    expect(await countOf(crmPeople)).toBe(30);
    expect(await countOf(crmAccounts)).toBe(3);
    const linked = await database.db.select({ n: count() }).from(prospects).where(isNotNull(prospects.crmRecordId));
    expect(linked[0]?.n).toBe(30);
  });

  it("PUSH-1: while people push is off, added people stay local and their creates wait in the outbox", async () => {
    await setPush(database.db, ["accounts"]);
    const [id] = await addProspects("person", [{ name: "Off Person", company: "Offco" }]);
    await addProspectsToCrm(database.db, { ids: [id ?? ""] }, {}, ADA, NOW);
    const [person] = await database.db.select().from(crmPeople);
    expect(person).toMatchObject({ pushState: "local" });
    expect(await outboxOf(database.db, "person", person?.id ?? "")).toHaveLength(1);
    const [account] = await database.db.select().from(crmAccounts);
    expect(account).toMatchObject({ name: "Offco", pushState: "pending" });
  });
});
