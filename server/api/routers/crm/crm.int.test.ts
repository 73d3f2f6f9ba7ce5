import { TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { buildProspectDraft } from "@/server/prospects/build-prospect-draft";
import { insertProspects } from "@/server/prospects/insert-prospects";
import { insertAccounts } from "@/server/records/testing/crm-fixtures";
import { connect, PUSH_INFO, setPush, setPushInfo } from "@/server/records/write/testing/write-fixtures";
import { setPushRunner } from "@/server/sync/push/schedule-push";

let database: TTestDatabase;
const member = { id: "user-max", email: "grace@example.com", name: "Max Member", role: "member" as const };
let pushes = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await connect(database.db);
  await setPushInfo(database.db, PUSH_INFO);
  await setPush(database.db, ["people", "accounts", "opportunities", "activities", "tasks"]);
  setPushRunner(async () => {
    pushes++;
  });
});
afterEach(() => {
  pushes = 0;
});
afterAll(async () => {
  setPushRunner(null);
  await database.cleanup();
});

const callerFor = (user: typeof member | null) => createCaller({ db: database.db, user });

/** The per-field messages a form shows (the HTTP edge sends the same as `zodError`). */
async function fieldErrorsOf(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  const cause = (error as TRPCError).cause;
  expect(cause).toBeInstanceOf(ZodError);
  return z.flattenError(cause as ZodError).fieldErrors;
}

/** The short push after a write runs after the response: let it start. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe(`crm procedures on ${testDatabaseKind()}`, () => {
  it("answers UNAUTHORIZED without a session", async () => {
    await expect(callerFor(null).crm.people.create({ lastName: "Doe" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(callerFor(null).crm.form.options()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lets a member create a person, an account, an opportunity and a task, each pushed right after", async () => {
    const caller = callerFor(member);
    expect(await caller.crm.owner.preview()).toMatchObject({ name: "Grace Hopper", matchedBy: "email" });

    const account = await caller.crm.accounts.create({ name: "Stark Industries", website: "stark.example" });
    expect(account).toMatchObject({ pushState: "pending", ownerName: "Grace Hopper" });
    const person = await caller.crm.people.create({
      firstName: "Pepper",
      lastName: "Potts",
      email: "pepper@stark.example",
      companyName: "Stark Industries",
    });
    expect(person).toMatchObject({ status: "created", account: { id: account.id, created: false } });
    const deal = await caller.crm.opportunities.create({
      accountId: account.id,
      name: "Arc reactors",
      stageName: "Prospecting",
      closeDate: "2027-06-30",
    });
    const task = await caller.crm.activities.log({
      kind: "task",
      on: { type: "opportunity", id: deal.id },
      subject: "Send the contract",
    });
    expect(task).toMatchObject({ opportunityId: deal.id, accountId: account.id, status: "Not Started" });
    await caller.crm.activities.complete({ id: task.id });
    const timeline = await caller.crm.activities.list({ on: { type: "account", id: account.id } });
    expect(timeline.activities).toEqual([expect.objectContaining({ id: task.id, status: "Completed" })]);
    await settle();
    expect(pushes).toBe(5);

    const search = await caller.crm.accounts.search({ query: "sta" });
    expect(search).toEqual({
      accounts: [expect.objectContaining({ id: account.id, name: "Stark Industries", inSalesforce: false })],
      hidden: false,
    });
  });

  it("edits a record and pushes only when something changed", async () => {
    const caller = callerFor(member);
    const [account] = await insertAccounts(database.db, [{ name: "Wayne Enterprises" }]);
    const id = account?.id ?? "";
    expect(await caller.crm.records.update({ type: "account", id, values: { industry: "Defense" } })).toEqual({
      changed: ["Industry"],
      pushState: "pending",
    });
    expect(await caller.crm.records.update({ type: "account", id, values: { industry: "Defense" } })).toEqual({
      changed: [],
      pushState: "pending",
    });
    await settle();
    expect(pushes).toBe(1);
  });

  it("adds prospects to the CRM", async () => {
    const { ids } = await insertProspects(
      database.db,
      "person",
      [{ draft: buildProspectDraft("person", { name: "Bruce Banner", company: "Culver University" }) }],
      { source: "manual", createdBy: null, createdByName: "Max" },
      1,
    );
    expect(await callerFor(member).crm.prospects.addToCrm({ target: { ids }, as: "contact" })).toMatchObject({
      created: 1,
      skipped: 0,
      alreadyInCrm: 0,
      accountsCreated: 1,
    });
    await expect(callerFor(member).crm.prospects.addToCrm({ target: { ids: [] } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("offers the org's picklists and the push switches to the forms", async () => {
    expect(await callerFor(member).crm.form.options()).toMatchObject({
      checked: true,
      opportunityStages: PUSH_INFO.opportunityStages,
      users: [
        { id: "005000000000001AAA", name: "Integration User" },
        { id: "005000000000002AAA", name: "Ada Lovelace" },
        { id: "005000000000003AAA", name: "Grace Hopper" },
      ],
      taskPriorities: ["High", "Normal", "Low"],
      personDefault: "Contact",
      pushEnabled: { people: true, notes: false },
    });
  });

  it("explains invalid fields, field by field", async () => {
    const caller = callerFor(member);
    expect(await fieldErrorsOf(caller.crm.people.create({ lastName: "", email: "nope" }))).toEqual({
      lastName: ["Enter the last name."],
      email: ["Enter a valid email address, like jane@acme.com, or leave it empty."],
    });
    expect(
      await fieldErrorsOf(caller.crm.accounts.create({ name: "A".repeat(256), website: "not a site", city: "" })),
    ).toEqual({
      name: ["Use at most 255 characters for the account name (Salesforce's limit)."],
      website: ["Enter a website like acme.com or https://www.acme.com, or leave it empty."],
    });
    expect(
      await fieldErrorsOf(
        caller.crm.opportunities.create({
          accountId: "",
          name: "Deal",
          stageName: "Prospecting",
          closeDate: "2027-02-30",
        }),
      ),
    ).toEqual({
      accountId: ["Choose the account."],
      closeDate: ["Enter the close date as YYYY-MM-DD, like 2026-03-31."],
    });
  });
});
