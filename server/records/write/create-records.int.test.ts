import { eq } from "drizzle-orm";
import { ZodError } from "zod";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { crmAccounts, crmOpportunities, crmPeople, prospects, pushOutbox, salesforceConnection } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { buildProspectDraft } from "@/server/prospects/build-prospect-draft";
import { insertProspects } from "@/server/prospects/insert-prospects";
import { insertAccounts } from "../testing/crm-fixtures";
import { createAccount } from "./create-account";
import { createOpportunity } from "./create-opportunity";
import { createPerson } from "./create-person";
import { previewOwner } from "./resolve-owner";
import type { TCreatePersonResult } from "./schemas";
import {
  ADA,
  connect,
  CONNECTED_USER_ID,
  logOf,
  MAX,
  outboxOf,
  PUSH_INFO,
  setPush,
  setPushInfo,
} from "./testing/write-fixtures";

let database: TTestDatabase;
const NOW = 1_800_000_000_000;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());
beforeEach(async () => {
  const db = database.db;
  for (const table of [crmPeople, crmAccounts, crmOpportunities, pushOutbox, prospects]) await db.delete(table);
  await connect(db);
  await setPushInfo(db, PUSH_INFO);
  await setPush(db, ["people", "accounts", "opportunities"]);
});

function created(result: TCreatePersonResult) {
  if (result.status !== "created") throw new Error(`expected a created person, got ${result.status}`);
  return result;
}

async function validationMessages(call: Promise<unknown>): Promise<string[]> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ZodError);
  return (error as ZodError).issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe(`creating records in Tandem on ${testDatabaseKind()}`, () => {
  it("PUSH-2: a new account is written with its activity log entry and exactly one outbox create", async () => {
    const account = await createAccount(
      database.db,
      { name: " Initech ", website: "https://www.initech.example/about", city: "Austin" },
      ADA,
      NOW,
    );

    const row = await database.db.select().from(crmAccounts).where(eq(crmAccounts.id, account.id)).get();
    expect(row).toMatchObject({
      name: "Initech",
      website: "https://www.initech.example/about",
      domainNormalized: "initech.example",
      city: "Austin",
      source: "tandem",
      state: "active",
      sfId: null,
      fields: {},
      pushState: "pending",
      createdBy: ADA.id,
      ownerSfId: "005000000000002AAA",
      ownerName: "Ada Lovelace",
    });
    expect(await outboxOf(database.db, "account", account.id)).toEqual([
      expect.objectContaining({
        kind: "accounts",
        operation: "create",
        fields: [],
        state: "pending",
        priority: 1,
        createdBy: ADA.id,
      }),
    ]);
    expect(await logOf(database.db, "account", account.id)).toEqual([
      expect.objectContaining({ event: "created-in-tandem", message: "Created in Tandem by Ada Admin.", at: NOW }),
    ]);
  });

  it("PUSH-1: a record created while its kind is off stays local, and its outbox row is still written", async () => {
    await setPush(database.db, ["accounts"]);
    const result = created(await createPerson(database.db, { firstName: "Jane", lastName: "Doe" }, ADA, NOW));

    expect(result.person).toMatchObject({ name: "Jane Doe", kind: "contact", pushState: "local" });
    expect(await outboxOf(database.db, "person", result.person.id)).toHaveLength(1);
    expect(await logOf(database.db, "person", result.person.id)).toEqual([
      expect.objectContaining({
        event: "created-in-tandem",
        message: "Created in Tandem by Ada Admin. Not in Salesforce: pushing people is off.",
      }),
    ]);
  });

  describe("the owner rule", () => {
    it("gives the Salesforce user whose email is the Tandem user's, case-insensitive", async () => {
      expect(await previewOwner(database.db, ADA)).toEqual({
        sfId: "005000000000002AAA",
        name: "Ada Lovelace",
        matchedBy: "email",
        message: "Owner in Salesforce: Ada Lovelace (matched by your email).",
      });
    });

    it("falls back to the connected user, named as the describe check knows them", async () => {
      expect(await previewOwner(database.db, MAX)).toMatchObject({
        sfId: CONNECTED_USER_ID,
        name: "Integration User",
        matchedBy: "connected-user",
        message: "Owner in Salesforce: Integration User (the connected user).",
      });
      const account = await createAccount(database.db, { name: "Globex" }, MAX, NOW);
      expect(account).toMatchObject({ ownerSfId: CONNECTED_USER_ID, ownerName: "Integration User" });
    });

    it("before the first describe check, is the connected user by username", async () => {
      await setPushInfo(database.db, null);
      expect(await previewOwner(database.db, ADA)).toMatchObject({
        sfId: CONNECTED_USER_ID,
        name: "integration@acme.example",
        matchedBy: "connected-user",
      });
    });

    it("without a connection, is left to Salesforce", async () => {
      await setPushInfo(database.db, null);
      await database.db.delete(salesforceConnection);
      const owner = await previewOwner(database.db, ADA);
      expect(owner).toMatchObject({ sfId: null, name: null, matchedBy: "none" });
      expect(owner.message).toContain("no org is connected yet");
    });
  });

  describe("New person", () => {
    it("DUP-4: a contact whose company is not an account yet gets a new account in the same batch", async () => {
      const result = created(
        await createPerson(
          database.db,
          { firstName: "Jane", lastName: "Doe", email: "Jane@Hooli.example", companyName: "Hooli", title: "CTO" },
          ADA,
          NOW,
        ),
      );
      expect(result.account).toMatchObject({ name: "Hooli", website: "hooli.example", created: true });
      const person = await database.db.select().from(crmPeople).where(eq(crmPeople.id, result.person.id)).get();
      expect(person).toMatchObject({
        kind: "contact",
        firstName: "Jane",
        lastName: "Doe",
        name: "Jane Doe",
        email: "Jane@Hooli.example",
        emailNormalized: "jane@hooli.example",
        title: "CTO",
        company: "Hooli",
        accountId: result.account?.id,
        accountSfId: null,
        source: "tandem",
        pushState: "pending",
      });
      const accountId = result.account?.id ?? "";
      expect(await database.db.select().from(crmAccounts).where(eq(crmAccounts.id, accountId)).get()).toMatchObject({
        domainNormalized: "hooli.example",
        pushState: "pending",
      });
      expect(await outboxOf(database.db, "account", accountId)).toHaveLength(1);
      expect(await outboxOf(database.db, "person", result.person.id)).toHaveLength(1);
      expect(await logOf(database.db, "account", accountId)).toEqual([
        expect.objectContaining({ message: "Created in Tandem by Ada Admin as the account of the contact Jane Doe." }),
      ]);
    });

    it("finds the existing account by the email's domain, and by name (case-insensitive)", async () => {
      const [pulled] = await insertAccounts(database.db, [
        { name: "Acme Rockets", website: "acme.example", domainNormalized: "acme.example" },
      ]);
      const byDomain = created(
        await createPerson(database.db, { lastName: "Doe", email: "jd@acme.example", companyName: "Acme" }, ADA, NOW),
      );
      expect(byDomain.account).toMatchObject({ id: pulled?.id, created: false });
      const stored = await database.db.select().from(crmPeople).where(eq(crmPeople.id, byDomain.person.id)).get();
      expect(stored).toMatchObject({ accountId: pulled?.id, accountSfId: pulled?.sfId });

      const byName = created(
        await createPerson(
          database.db,
          { lastName: "Roe", email: "r@gmail.com", companyName: "ACME rockets" },
          ADA,
          NOW,
        ),
      );
      expect(byName.account).toMatchObject({ id: pulled?.id, created: false });
      expect(await database.db.select().from(crmAccounts)).toHaveLength(1);
    });

    it("asks which account when several match the company, and writes nothing", async () => {
      const [first, second] = await insertAccounts(database.db, [{ name: "Umbrella" }, { name: "umbrella" }]);
      const result = await createPerson(database.db, { lastName: "Wesker", companyName: "Umbrella" }, ADA, NOW);

      expect(result).toEqual({
        status: "needs-account-choice",
        companyName: "Umbrella",
        candidates: expect.arrayContaining([
          { id: first?.id, name: "Umbrella", website: null },
          { id: second?.id, name: "umbrella", website: null },
        ]),
        message: '2 accounts match "Umbrella". Choose one, or create a new account.',
      });
      expect(await database.db.select().from(crmPeople)).toHaveLength(0);
      expect(await database.db.select().from(pushOutbox)).toHaveLength(0);

      const chosen = created(
        await createPerson(database.db, { lastName: "Wesker", accountId: second?.id ?? "" }, ADA, NOW),
      );
      expect(chosen.account).toMatchObject({ id: second?.id, created: false });
      const fresh = created(
        await createPerson(database.db, { lastName: "Birkin", companyName: "Umbrella", newAccount: true }, ADA, NOW),
      );
      expect(fresh.account).toMatchObject({ name: "Umbrella", created: true });
    });

    it("creates a lead with its company and the org's default status when the workspace pushes people as leads", async () => {
      await setPush(database.db, ["people"], "Lead");
      const result = created(
        await createPerson(database.db, { firstName: "Lee", lastName: "Smith", companyName: "Vandelay" }, ADA, NOW),
      );
      expect(result).toMatchObject({ person: { kind: "lead" }, account: null });
      const lead = await database.db.select().from(crmPeople).where(eq(crmPeople.id, result.person.id)).get();
      expect(lead).toMatchObject({
        kind: "lead",
        company: "Vandelay",
        accountId: null,
        leadStatus: "Open - Not Contacted",
      });
      expect(await database.db.select().from(crmAccounts)).toHaveLength(0);

      await expect(createPerson(database.db, { lastName: "Nobody" }, ADA, NOW)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "A lead needs a company: type the company name or pick an account.",
      });
      const contact = created(await createPerson(database.db, { lastName: "Kramer", as: "Contact" }, ADA, NOW));
      expect(contact.person.kind).toBe("contact");
    });

    it("PULL-3: a prospect with the new person's email leaves prospecting lists, linked to the person", async () => {
      const { ids } = await insertProspects(
        database.db,
        "person",
        [{ draft: buildProspectDraft("person", { name: "Jane Doe", email: "jane@hooli.example" }) }],
        { source: "manual", createdBy: null, createdByName: "Ada" },
        NOW - 1000,
      );
      const result = created(
        await createPerson(database.db, { lastName: "Doe", email: "JANE@hooli.example" }, ADA, NOW),
      );
      const prospect = await database.db
        .select()
        .from(prospects)
        .where(eq(prospects.id, ids[0] ?? ""))
        .get();
      expect(prospect).toMatchObject({ crmRecordType: "person", crmRecordId: result.person.id, inCrmSince: NOW });
      expect((await logOf(database.db, "prospect", ids[0] ?? "")).at(-1)).toMatchObject({
        event: "matched-crm",
        message:
          'Now in the CRM: Ada Admin created the contact Doe in Tandem with the same email (jane@hooli.example), so this prospect is marked "in CRM".',
      });
    });

    it("refuses what Salesforce would refuse, saying what to fix", async () => {
      expect(
        await validationMessages(
          createPerson(
            database.db,
            { firstName: "J".repeat(41), lastName: " ", email: "not-an-email", title: "T".repeat(129) },
            ADA,
            NOW,
          ),
        ),
      ).toEqual([
        "firstName: Use at most 40 characters for the first name (Salesforce's limit).",
        "lastName: Enter the last name.",
        "email: Enter a valid email address, like jane@acme.com, or leave it empty.",
        "title: Use at most 128 characters for the title (Salesforce's limit).",
      ]);
      expect(
        await validationMessages(
          createPerson(database.db, { lastName: "Doe", accountId: "a", companyName: "Acme" }, ADA, NOW),
        ),
      ).toEqual(["companyName: Pick an existing account or type a company name, not both."]);
      await expect(
        createPerson(database.db, { lastName: "Doe", accountId: "missing" }, ADA, NOW),
      ).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "The chosen account does not exist any more. Pick another one.",
      });
    });
  });

  describe("New opportunity", () => {
    it("points at its account by Tandem id and Salesforce Id, with a stage from the org", async () => {
      const [account] = await insertAccounts(database.db, [{ name: "Acme Rockets" }]);
      const opportunity = await createOpportunity(
        database.db,
        {
          accountId: account?.id ?? "",
          name: "Acme - 500 rockets",
          stageName: "Prospecting",
          closeDate: "2026-03-31",
          amount: 125000,
        },
        ADA,
        NOW,
      );
      const row = await database.db
        .select()
        .from(crmOpportunities)
        .where(eq(crmOpportunities.id, opportunity.id))
        .get();
      expect(row).toMatchObject({
        accountId: account?.id,
        accountSfId: account?.sfId,
        stageName: "Prospecting",
        closeDate: "2026-03-31",
        amount: 125000,
        source: "tandem",
        pushState: "pending",
      });
      expect(await outboxOf(database.db, "opportunity", opportunity.id)).toEqual([
        expect.objectContaining({ kind: "opportunities", operation: "create" }),
      ]);
      expect(await logOf(database.db, "opportunity", opportunity.id)).toEqual([
        expect.objectContaining({ message: "Created in Tandem by Ada Admin on Acme Rockets." }),
      ]);
    });

    it("refuses a stage the org does not have, and a bad close date", async () => {
      const [account] = await insertAccounts(database.db, [{ name: "Acme Rockets" }]);
      const input = { accountId: account?.id ?? "", name: "Deal", stageName: "Dreaming", closeDate: "2026-03-31" };
      await expect(createOpportunity(database.db, input, ADA, NOW)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: '"Dreaming" is not a stage in Salesforce. Choose one of: Prospecting, Negotiation/Review, Closed Won.',
      });
      expect(
        await validationMessages(
          createOpportunity(database.db, { ...input, stageName: "Prospecting", closeDate: "31/03/2026" }, ADA, NOW),
        ),
      ).toEqual(["closeDate: Enter the close date as YYYY-MM-DD, like 2026-03-31."]);
      // Before the org's stages are known, any stage is accepted.
      await setPushInfo(database.db, null);
      await expect(createOpportunity(database.db, input, ADA, NOW)).resolves.toMatchObject({ name: "Deal" });
    });
  });
});
