import { and, eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityLog, prospects } from "@/db/schema";
import * as schema from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { buildProspectDraft } from "./build-prospect-draft";
import { insertProspects } from "./insert-prospects";
import { markProspectsInCrm } from "./mark-prospects-in-crm";
import { insertCrmAccount, insertCrmPerson } from "./testing/crm-records";

let database: TTestDatabase;
const NOW = 1_800_000_000_000;
const origin = { source: "manual", createdBy: null, createdByName: "Ada" } as const;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());

async function addPerson(name: string, email: string) {
  const { ids } = await insertProspects(
    database.db,
    "person",
    [{ draft: buildProspectDraft("person", { name, email }) }],
    origin,
    NOW - 1000,
  );
  return ids[0] ?? "";
}
async function addCompany(name: string, website: string) {
  const { ids } = await insertProspects(
    database.db,
    "company",
    [{ draft: buildProspectDraft("company", { name, website }) }],
    origin,
    NOW - 1000,
  );
  return ids[0] ?? "";
}
const prospectById = async (id: string) => (await database.db.select().from(prospects).where(eq(prospects.id, id)))[0];

describe(`markProspectsInCrm on ${testDatabaseKind()}`, () => {
  it("PULL-3: an imported person whose email a pulled contact has is marked in CRM", async () => {
    const prospectId = await addPerson("Jane Doe", "Jane@Acme.com");
    const other = await addPerson("Max Power", "max@globex.com");
    const contact = await insertCrmPerson(database.db, { name: "Jane Doe", email: "jane@acme.com" });

    const marked = await database.db.transaction((tx) =>
      markProspectsInCrm(tx, { people: [contact], accounts: [] }, NOW),
    );

    expect(marked).toBe(1);
    expect(await prospectById(prospectId)).toMatchObject({
      crmRecordType: "person",
      crmRecordId: contact.id,
      inCrmSince: NOW,
      updatedAt: NOW,
    });
    expect(await prospectById(other)).toMatchObject({ crmRecordId: null, inCrmSince: null });
    const log = await database.db
      .select()
      .from(activityLog)
      .where(and(eq(activityLog.recordId, prospectId), eq(activityLog.event, "matched-crm")));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      recordType: "prospect",
      at: NOW,
      message:
        'Now in the CRM: a lead or contact pulled from Salesforce has the same email (jane@acme.com), so this prospect is marked "in CRM".',
      details: {
        crmRecordType: "person",
        crmRecordId: contact.id,
        matchedOn: "email",
        key: "jane@acme.com",
        when: "pulled",
      },
    });
  });

  it("PULL-3: a pulled account marks company prospects with its web domain, never people at that domain", async () => {
    const company = await addCompany("Initech", "https://www.initech.com/");
    const person = await addPerson("Peter Gibbons", "peter@initech.com");
    const account = await insertCrmAccount(database.db, { name: "Initech", website: "initech.com" });

    expect(await markProspectsInCrm(database.db, { people: [], accounts: [account] }, NOW)).toBe(1);
    expect(await prospectById(company)).toMatchObject({ crmRecordType: "account", crmRecordId: account.id });
    expect(await prospectById(person)).toMatchObject({ crmRecordId: null });
  });

  it("PULL-3: prospects already in CRM keep their first link and are not logged again", async () => {
    const prospectId = await addPerson("Ann Lee", "ann@hooli.com");
    const first = await insertCrmPerson(database.db, { name: "Ann Lee", email: "ann@hooli.com", kind: "lead" });
    const second = await insertCrmPerson(database.db, { name: "Ann Lee", email: "ann@hooli.com", kind: "contact" });
    expect(await markProspectsInCrm(database.db, { people: [first], accounts: [] }, NOW)).toBe(1);
    expect(await markProspectsInCrm(database.db, { people: [second, first], accounts: [] }, NOW + 5)).toBe(0);
    expect(await prospectById(prospectId)).toMatchObject({ crmRecordId: first.id, inCrmSince: NOW });
    expect(
      await database.db.$count(
        activityLog,
        and(eq(activityLog.recordId, prospectId), eq(activityLog.event, "matched-crm")),
      ),
    ).toBe(1);
  });

  it("PULL-3: records without an email or domain mark nothing", async () => {
    expect(
      await markProspectsInCrm(
        database.db,
        { people: [{ id: "x", emailNormalized: null }], accounts: [{ id: "y", domainNormalized: null }] },
        NOW,
      ),
    ).toBe(0);
    expect(await markProspectsInCrm(database.db, { people: [], accounts: [] }, NOW)).toBe(0);
  });

  it("PULL-3: marks are part of the caller's transaction and roll back with it", async () => {
    const prospectId = await addPerson("Rolled Back", "rollback@umbrella.com");
    const contact = await insertCrmPerson(database.db, { name: "Rolled Back", email: "rollback@umbrella.com" });
    await expect(
      database.db.transaction(async (tx) => {
        expect(await markProspectsInCrm(tx, { people: [contact], accounts: [] }, NOW)).toBe(1);
        throw new Error("page failed");
      }),
    ).rejects.toThrow("page failed");
    expect(await prospectById(prospectId)).toMatchObject({ crmRecordId: null });
    expect(
      await database.db.$count(
        activityLog,
        and(eq(activityLog.recordId, prospectId), eq(activityLog.event, "matched-crm")),
      ),
    ).toBe(0);
  });

  it("PULL-3: a page of 2,000 pulled records is matched in a handful of statements", async () => {
    const emails = Array.from({ length: 2000 }, (_, index) => `bulk${index}@page.com`);
    const drafts = emails.map((email, index) => ({
      draft: buildProspectDraft("person", { name: `Bulk ${index}`, email }),
    }));
    await insertProspects(database.db, "person", drafts.slice(0, 1500), origin, NOW - 1000);
    const people = emails.map((email) => ({ id: `crm-${email}`, emailNormalized: email }));

    let statements = 0;
    const counted = drizzle(database.client, { schema, logger: { logQuery: () => void statements++ } });
    const marked = await counted.transaction((tx) => markProspectsInCrm(tx, { people, accounts: [] }, NOW));

    expect(marked).toBe(1500);
    expect(statements).toBeGreaterThanOrEqual(4);
    expect(statements).toBeLessThanOrEqual(12);
    const sample = await database.db
      .select()
      .from(prospects)
      .where(inArray(prospects.emailNormalized, ["bulk0@page.com", "bulk1499@page.com", "bulk1500@page.com"]));
    expect(Object.fromEntries(sample.map((row) => [row.emailNormalized, row.crmRecordId]))).toEqual({
      "bulk0@page.com": "crm-bulk0@page.com",
      "bulk1499@page.com": "crm-bulk1499@page.com",
    });
  });
});
