import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { setPullVisibility } from "@/server/settings/pull-visibility";
import { getAccount } from "./get-account";
import { getOpportunity } from "./get-opportunity";
import { getPerson } from "./get-person";
import { getRelated } from "./get-related";
import { listActivity } from "./list-activity";
import { RELATED_LIMIT } from "./related-lists";
import {
  insertAccounts,
  insertActivity,
  insertConnection,
  insertOpportunities,
  insertPeople,
} from "./testing/crm-fixtures";

let database: TTestDatabase;
let acme: { id: string; sfId: string | null };
let ada: { id: string; sfId: string | null };
let lead: { id: string };
let retired: { id: string };
let merged: { id: string };
let deal: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await insertConnection(db, "https://acme.my.salesforce.com");
  const accounts = await insertAccounts(db, [
    {
      name: "Acme Rockets",
      industry: "Aerospace",
      city: "Reno",
      country: "USA",
      website: "acme.example",
      fields: { NumberOfEmployees: 120, Tier__c: "Gold", Rating: null },
    },
  ]);
  acme = accounts[0]!;
  const people = await insertPeople(db, [
    {
      name: "Ada Lovelace",
      title: "CTO",
      email: "ada@acme.example",
      accountSfId: acme.sfId,
      ownerName: "Priya",
      fields: {
        Name: "Ada Lovelace",
        Email: "ada@acme.example",
        Department: "Research",
        "Owner.Name": "Priya",
        "Account.Name": "Acme Rockets",
        Birthdate: null,
      },
    },
    // Twelve more contacts, so the related list stops at its limit and offers "View all".
    ...Array.from({ length: 12 }, (_, index) => ({
      name: `Colleague ${String(index).padStart(2, "0")}`,
      accountSfId: acme.sfId,
    })),
    { name: "Lenny Lead", kind: "lead" as const, company: "Initech", leadStatus: "Open", fields: { Status: "Open" } },
  ]);
  ada = people[0]!;
  lead = people.at(-1)!;
  const gone = await insertPeople(db, [
    { name: "Ada (old lead)", kind: "lead", state: "retired", mergedIntoId: ada.id },
    { name: "Ada duplicate", state: "merged", mergedIntoId: ada.id },
  ]);
  retired = gone[0]!;
  merged = gone[1]!;
  const deals = await insertOpportunities(db, [
    {
      name: "Rocket fuel",
      accountSfId: acme.sfId,
      stageName: "Proposal",
      amount: 50_000,
      probability: 40,
      closeDate: "2026-05-01",
      isClosed: false,
      isWon: false,
      fields: { CurrencyIsoCode: "EUR", NextStep: "Send quote" },
    },
  ]);
  deal = deals[0]!;
  const now = Date.now();
  await insertActivity(
    db,
    Array.from({ length: 5 }, (_, index) => ({
      recordType: "person" as const,
      recordId: ada.id,
      at: now - (5 - index) * 60_000,
      event: index === 0 ? "created-by-pull" : "updated-by-pull",
      message: index === 0 ? "Created from Salesforce by a pull." : `Update ${index}`,
      details: index === 4 ? { changes: { Title: { from: "VP Engineering", to: "CTO" } } } : null,
    })),
  );
});
afterAll(() => database.cleanup());

describe(`profiles on ${testDatabaseKind()}`, () => {
  it("shows a person's typed fields, then every other pulled field, labelled, without bookkeeping", async () => {
    const result = await getPerson(database.db, ada.id);
    if (result.status !== "ok") throw new Error("expected a visible profile");
    const profile = result.profile;
    expect(profile).toMatchObject({
      name: "Ada Lovelace",
      kind: "contact",
      source: "pull",
      state: "active",
      survivor: null,
    });
    expect(profile.salesforceUrl).toBe(`https://acme.my.salesforce.com/lightning/r/Contact/${ada.sfId}/view`);
    expect(profile.summary.find((field) => field.key === "account")?.value).toBe("Acme Rockets");
    expect(profile.summary.find((field) => field.key === "email")).toMatchObject({
      value: "ada@acme.example",
      format: "email",
    });
    expect(profile.salesforceFields.map((field) => [field.label, field.value])).toEqual([
      ["Birthdate", null],
      ["Department", "Research"],
    ]);
  });

  it("shows an account's and an opportunity's fields with their formats and currency", async () => {
    const account = await getAccount(database.db, acme.id);
    if (account.status !== "ok") throw new Error("expected a visible account");
    expect(account.profile.salesforceFields.find((field) => field.key === "NumberOfEmployees")).toMatchObject({
      label: "Number of employees",
      value: 120,
      format: "number",
    });
    const opportunity = await getOpportunity(database.db, deal.id);
    if (opportunity.status !== "ok") throw new Error("expected a visible opportunity");
    expect(opportunity.profile.currency).toBe("EUR");
    expect(opportunity.profile.summary.find((field) => field.key === "amount")).toMatchObject({
      value: 50_000,
      format: "currency",
    });
    expect(opportunity.profile.summary.find((field) => field.key === "status")?.value).toBe("Open");
  });

  it("opens retired and merged records from old links, naming the surviving record", async () => {
    const retiredLead = await getPerson(database.db, retired.id);
    expect(retiredLead).toMatchObject({
      status: "ok",
      profile: { state: "retired", survivor: { id: ada.id, name: "Ada Lovelace" } },
    });
    const mergedAway = await getPerson(database.db, merged.id);
    expect(mergedAway).toMatchObject({
      status: "ok",
      profile: { state: "merged", survivor: { id: ada.id }, salesforceUrl: null },
    });
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    await expect(getPerson(database.db, "no-such-id")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRelated(database.db, "account", "no-such-id")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listActivity(database.db, { type: "opportunity", id: "no-such-id" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe(`related records on ${testDatabaseKind()}`, () => {
  it("gives a person their account and its opportunities", async () => {
    const related = await getRelated(database.db, "person", ada.id);
    expect(related.account).toMatchObject({ id: acme.id, name: "Acme Rockets", detail: "Aerospace · Reno, USA" });
    expect(related.lists).toEqual([
      expect.objectContaining({
        object: "Opportunity",
        total: 1,
        hidden: false,
        records: [expect.objectContaining({ id: deal.id, detail: "Proposal · €50K" })],
      }),
    ]);
  });

  it("gives an account its contacts (first ten, with a link to all) and opportunities", async () => {
    const related = await getRelated(database.db, "account", acme.id);
    const contacts = related.lists.find((list) => list.object === "Contact")!;
    expect(contacts.total).toBe(13);
    expect(contacts.records).toHaveLength(RELATED_LIMIT);
    expect(contacts.records[0]?.name).toBe("Ada Lovelace");
    expect(contacts.viewAllHref).toBe(`/people?kind=contact&account=${acme.id}`);
    expect(related.lists.find((list) => list.object === "Opportunity")?.total).toBe(1);
  });

  it("gives an opportunity its account and the account's contacts; a lead has no account", async () => {
    const related = await getRelated(database.db, "opportunity", deal.id);
    expect(related.account?.id).toBe(acme.id);
    expect(related.lists[0]).toMatchObject({ object: "Contact", total: 13 });
    const ofLead = await getRelated(database.db, "person", lead.id);
    expect(ofLead).toMatchObject({ account: null, accountHidden: false, lists: [{ object: "Opportunity", total: 0 }] });
  });

  it("PULL-2: hidden objects are absent from related lists, which say they are hidden", async () => {
    await setPullVisibility(database.db, "Account", false);
    await setPullVisibility(database.db, "Contact", false);
    const ofOpportunity = await getRelated(database.db, "opportunity", deal.id);
    expect(ofOpportunity).toMatchObject({
      account: null,
      accountHidden: true,
      lists: [{ object: "Contact", hidden: true, total: 0, records: [] }],
    });
    await setPullVisibility(database.db, "Account", true);
    const ofAccount = await getRelated(database.db, "account", acme.id);
    expect(ofAccount.lists.find((list) => list.object === "Contact")).toMatchObject({ hidden: true, records: [] });
    await setPullVisibility(database.db, "Contact", true);
  });
});

describe(`activity log on ${testDatabaseKind()}`, () => {
  it("DUP-2: lists a record's history newest first, with field changes old → new, a page at a time", async () => {
    const first = await listActivity(database.db, { type: "person", id: ada.id, limit: 2 });
    expect(first.entries.map((entry) => entry.message)).toEqual(["Update 4", "Update 3"]);
    expect(first.entries[0]?.changes).toEqual([{ field: "Title", label: "Title", from: "VP Engineering", to: "CTO" }]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listActivity(database.db, { type: "person", id: ada.id, limit: 2, cursor: first.nextCursor });
    expect(second.entries.map((entry) => entry.message)).toEqual(["Update 2", "Update 1"]);
    const last = await listActivity(database.db, { type: "person", id: ada.id, limit: 2, cursor: second.nextCursor });
    expect(last.entries.map((entry) => entry.event)).toEqual(["created-by-pull"]);
    expect(last.nextCursor).toBeNull();
  });

  it("PULL-2: a hidden record's profile and history say it is hidden instead of showing it", async () => {
    await setPullVisibility(database.db, "Lead", false);
    expect(await getPerson(database.db, lead.id)).toEqual({ status: "hidden", object: "Lead" });
    expect(await listActivity(database.db, { type: "person", id: lead.id })).toEqual({
      entries: [],
      nextCursor: null,
      hidden: true,
    });
    // Contacts stay in view.
    expect((await getPerson(database.db, ada.id)).status).toBe("ok");
    await setPullVisibility(database.db, "Lead", true);
  });
});
