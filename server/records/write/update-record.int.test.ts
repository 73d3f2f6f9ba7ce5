import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { activityLog, crmAccounts, crmOpportunities, crmPeople, pushErrors, pushOutbox } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { insertAccounts, insertOpportunities, insertPeople } from "../testing/crm-fixtures";
import { createAccount } from "./create-account";
import { createPerson } from "./create-person";
import { ZRecordUpdateSchema } from "./schemas";
import { updateRecord } from "./update-record";
import {
  ADA,
  connect,
  failPush,
  logOf,
  openOutboxOf,
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
  for (const table of [crmPeople, crmAccounts, crmOpportunities, pushOutbox, pushErrors, activityLog]) {
    await db.delete(table);
  }
  await connect(db);
  await setPushInfo(db, PUSH_INFO);
  await setPush(db, ["people", "accounts", "opportunities"]);
});

const accountRow = (id: string) => database.db.select().from(crmAccounts).where(eq(crmAccounts.id, id)).get();
const personRow = (id: string) => database.db.select().from(crmPeople).where(eq(crmPeople.id, id)).get();

describe(`editing records in Tandem on ${testDatabaseKind()}`, () => {
  it("PUSH-2: an edit joins the pending create instead of queueing a second row", async () => {
    const account = await createAccount(database.db, { name: "Initech" }, ADA, NOW);
    const result = await updateRecord(
      database.db,
      { type: "account", id: account.id, values: { website: "www.initech.example", phone: "+1 512 555 0100" } },
      ADA,
      NOW + 1000,
    );

    expect(result).toEqual({ changed: ["Website", "Phone"], pushState: "pending" });
    const rows = await outboxOf(database.db, "account", account.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ operation: "create", state: "pending", updatedAt: NOW + 1000 });
    expect([...(rows[0]?.fields ?? [])].sort()).toEqual(["Phone", "Website"]);
    expect(await accountRow(account.id)).toMatchObject({
      website: "www.initech.example",
      domainNormalized: "initech.example",
      phone: "+1 512 555 0100",
      updatedAt: NOW + 1000,
    });
    expect((await logOf(database.db, "account", account.id)).at(-1)).toMatchObject({
      event: "edited-in-tandem",
      message: "Edited in Tandem by Ada Admin: Website, Phone.",
      details: {
        changes: [
          { field: "Website", from: null, to: "www.initech.example" },
          { field: "Phone", from: null, to: "+1 512 555 0100" },
        ],
      },
    });
  });

  it("PUSH-2: an edit of a pulled record queues an update of the changed fields only", async () => {
    const [person] = await insertPeople(database.db, [
      { name: "Ada Lovelace", firstName: "Ada", lastName: "Lovelace", title: "CTO", email: "ada@acme.example" },
    ]);
    const id = person?.id ?? "";
    const result = await updateRecord(
      database.db,
      { type: "person", id, values: { title: "CEO", firstName: "Augusta Ada", email: "ADA@acme.example " } },
      ADA,
      NOW,
    );

    expect(result).toEqual({ changed: ["FirstName", "Email", "Title"], pushState: "pending" });
    expect(await personRow(id)).toMatchObject({
      firstName: "Augusta Ada",
      name: "Augusta Ada Lovelace",
      email: "ADA@acme.example",
      emailNormalized: "ada@acme.example",
      title: "CEO",
      pushState: "pending",
    });
    expect(await outboxOf(database.db, "person", id)).toEqual([
      expect.objectContaining({ operation: "update", kind: "people", fields: ["FirstName", "Email", "Title"] }),
    ]);
  });

  it("ERR-2: editing a record whose push failed puts it back in the queue and marks its error retrying", async () => {
    const account = await createAccount(database.db, { name: "Initech" }, ADA, NOW);
    await failPush(database.db, "account", account.id, ["Name"]);
    await database.db.update(crmAccounts).set({ pushState: "failed" }).where(eq(crmAccounts.id, account.id));

    await updateRecord(
      database.db,
      { type: "account", id: account.id, values: { website: "initech.example" } },
      ADA,
      NOW,
    );

    const rows = await openOutboxOf(database.db, "account", account.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: "pending", attempts: 0, operation: "create" });
    expect([...(rows[0]?.fields ?? [])].sort()).toEqual(["Name", "Website"]);
    expect(await accountRow(account.id)).toMatchObject({ pushState: "pending" });
    const errors = await database.db.select().from(pushErrors).where(eq(pushErrors.recordId, account.id));
    expect(errors).toEqual([expect.objectContaining({ state: "retrying", lastAt: NOW })]);
  });

  it("PUSH-2: an edit while the create is being sent follows it as an update, never a second create", async () => {
    const account = await createAccount(database.db, { name: "Initech" }, ADA, NOW);
    await database.db
      .update(pushOutbox)
      .set({ state: "sending", sentAt: NOW })
      .where(eq(pushOutbox.recordId, account.id));

    await updateRecord(database.db, { type: "account", id: account.id, values: { industry: "Software" } }, ADA, NOW);

    expect(
      (await outboxOf(database.db, "account", account.id)).map(({ operation, state }) => ({ operation, state })),
    ).toEqual([
      { operation: "create", state: "sending" },
      { operation: "update", state: "pending" },
    ]);
  });

  it("PUSH-1: with push off, a pulled record keeps its state and its edit waits in the outbox", async () => {
    await setPush(database.db, []);
    const [account] = await insertAccounts(database.db, [{ name: "Acme" }]);
    const result = await updateRecord(
      database.db,
      { type: "account", id: account?.id ?? "", values: { type: "Customer" } },
      ADA,
      NOW,
    );

    expect(result).toEqual({ changed: ["Type"], pushState: null });
    expect(await openOutboxOf(database.db, "account", account?.id ?? "")).toEqual([
      expect.objectContaining({ operation: "update", fields: ["Type"], state: "pending" }),
    ]);
  });

  it("writes nothing when nothing changed", async () => {
    const [account] = await insertAccounts(database.db, [{ name: "Acme", city: "Reno" }]);
    const id = account?.id ?? "";
    expect(
      await updateRecord(database.db, { type: "account", id, values: { name: " Acme ", city: "Reno" } }, ADA, NOW),
    ).toEqual({
      changed: [],
      pushState: null,
    });
    expect(await outboxOf(database.db, "account", id)).toHaveLength(0);
    expect(await logOf(database.db, "account", id)).toHaveLength(0);
  });

  it("checks an opportunity's stage against the org's, and clears an amount", async () => {
    const [deal] = await insertOpportunities(database.db, [{ name: "Deal", stageName: "Prospecting", amount: 10 }]);
    const id = deal?.id ?? "";
    await expect(
      updateRecord(database.db, { type: "opportunity", id, values: { stageName: "Won-ish" } }, ADA, NOW),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining('"Won-ish" is not a stage') });
    expect(
      await updateRecord(
        database.db,
        { type: "opportunity", id, values: { stageName: "Closed Won", amount: null } },
        ADA,
        NOW,
      ),
    ).toEqual({ changed: ["StageName", "Amount"], pushState: "pending" });
  });

  it("refuses edits of records that left the active set, and fields the record does not have", async () => {
    const [merged] = await insertAccounts(database.db, [{ name: "Old Acme", state: "merged" }]);
    await expect(
      updateRecord(database.db, { type: "account", id: merged?.id ?? "", values: { name: "New" } }, ADA, NOW),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Old Acme was merged into another record, so it cannot be edited.",
    });
    await expect(
      updateRecord(database.db, { type: "account", id: "missing", values: { name: "New" } }, ADA, NOW),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const contact = await createPerson(database.db, { lastName: "Doe", as: "Contact" }, ADA, NOW);
    const contactId = contact.status === "created" ? contact.person.id : "";
    await expect(
      updateRecord(database.db, { type: "person", id: contactId, values: { company: "Acme" } }, ADA, NOW),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("a contact's company is its account"),
    });

    const parsed = ZRecordUpdateSchema.safeParse({
      type: "person",
      id: contactId,
      values: { lastName: "", ownerSfId: "005" },
    });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(
      expect.arrayContaining([
        "The last name cannot be empty (Salesforce requires it).",
        expect.stringContaining("ownerSfId"),
      ]),
    );
  });
});
