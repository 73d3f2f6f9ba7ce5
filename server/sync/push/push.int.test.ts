import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { crmAccounts, crmActivities, crmPeople, pushErrors, pushOutbox, syncTicks } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { startEmulator } from "@/server/emulator";
import { adminConnection } from "@/server/salesforce/testing/admin-connection";
import { runTick } from "../run-tick";
import { enqueuePushStatement } from "./enqueue";
import { pushSoon } from "./push-soon";
import { connectToEmulator, emulatorAdmin } from "../testing/emulator-connection";
import { createTandemAccount, createTandemPeople, enablePush, logTandemActivity } from "../testing/push-fixtures";
import { setUpSyncTestBed } from "../testing/test-bed";
import type { TTickSummary } from "../tick-summary";

const bed = setUpSyncTestBed();

async function tick(trigger: "cli" | "push" = "cli"): Promise<TTickSummary> {
  const summary = await runTick(bed.database.db, trigger, { budgetMs: 60_000 });
  if ("skipped" in summary) throw new Error("tick was skipped");
  return summary;
}

const records = (object: string) => [...(bed.emulator.store.table(object)?.byId.values() ?? [])];

describe(`push engine on ${testDatabaseKind()}`, () => {
  it("PUSH-1: nothing is sent while push is off; the records stay local and go once it is on", async () => {
    const { db } = bed.database;
    const accountId = await createTandemAccount(db, { name: "Globex", website: "globex.example" });
    const first = await tick();
    expect(first.push).toEqual({});
    expect(records("Account")).toHaveLength(0);

    await enablePush(db, ["accounts"]);
    const second = await tick();
    expect(second.push).toEqual({ Account: { created: 1, updated: 0, failed: 0 } });
    const account = await db.query.crmAccounts.findFirst({ where: eq(crmAccounts.id, accountId) });
    expect(account?.sfId).toMatch(/^001/);
    expect(account?.pushState).toBe("pushed");
    const inSalesforce = records("Account");
    expect(inSalesforce).toHaveLength(1);
    expect(inSalesforce[0]).toMatchObject({ Name: "Globex", Tandem_Id__c: accountId });
  });

  it("PUSH-2: the short tick after a rep's write runs only when something can be pushed", async () => {
    const { db } = bed.database;
    await createTandemAccount(db, { name: "Quiet Ltd" });
    expect(await pushSoon(db)).toBeNull();
    expect(await db.select().from(syncTicks)).toEqual([]);
    await enablePush(db, ["accounts"]);
    const summary = await pushSoon(db);
    expect(summary).toMatchObject({ ok: true, push: { Account: { created: 1 } } });
    expect(await pushSoon(db)).toBeNull();
  });

  it("PUSH-2: accounts go before their people, people before their activities, in one call per level", async () => {
    const { db } = bed.database;
    await enablePush(db);
    const accountId = await createTandemAccount(db, { name: "Initech" });
    const [personId] = await createTandemPeople(db, [
      { firstName: "Peter", lastName: "Gibbons", email: "peter@initech.example", accountId },
    ]);
    await logTandemActivity(db, { kind: "call", subject: "Intro call", personId: personId!, accountId });
    await logTandemActivity(db, {
      kind: "note",
      subject: "Notes",
      body: "Likes <staplers> & TPS",
      personId: personId!,
    });
    await logTandemActivity(db, {
      kind: "meeting",
      subject: "Demo",
      personId: personId!,
      startAt: "2026-12-03T15:00:00.000Z",
      endAt: "2026-12-03T16:00:00.000Z",
    });

    const summary = await tick("push");
    expect(summary.ok).toBe(true);
    expect(summary.push).toMatchObject({
      Account: { created: 1 },
      Contact: { created: 1 },
      Task: { created: 1 },
      Event: { created: 1 },
      ContentNote: { created: 1 },
      ContentDocumentLink: { created: 1 },
    });
    const [account] = records("Account");
    const [contact] = records("Contact");
    expect(contact).toMatchObject({ AccountId: account?.Id, Email: "peter@initech.example" });
    const [task] = records("Task");
    expect(task).toMatchObject({ WhoId: contact?.Id, WhatId: account?.Id, TaskSubtype: "Call", Status: "Completed" });
    const [link] = records("ContentDocumentLink");
    expect(link).toMatchObject({ LinkedEntityId: contact?.Id });
    const activities = await db.select().from(crmActivities);
    expect(activities.every((activity) => activity.pushState === "pushed")).toBe(true);
    const open = await db.select().from(pushOutbox).where(eq(pushOutbox.state, "pending"));
    expect(open).toEqual([]);
  });

  it("PUSH-2: a note goes as a classic Note on its person where the org has no enhanced notes", async () => {
    const { db } = bed.database;
    const classic = await startEmulator({ seed: "empty", enhancedNotes: false });
    try {
      await connectToEmulator(db, classic);
      await enablePush(db);
      const [personId] = await createTandemPeople(db, [{ lastName: "Noteworthy", email: "nw@example.com" }]);
      await logTandemActivity(db, {
        kind: "note",
        subject: "Call prep",
        body: "Budget is approved.",
        personId: personId!,
      });
      const summary = await tick("push");
      expect(summary.push).toMatchObject({ Contact: { created: 1 }, Note: { created: 1 } });
      const [contact] = [...(classic.store.table("Contact")?.byId.values() ?? [])];
      const [note] = [...(classic.store.table("Note")?.byId.values() ?? [])];
      expect(note).toMatchObject({ ParentId: contact?.Id, Title: "Call prep", Body: "Budget is approved." });
    } finally {
      await classic.stop();
    }
  });

  it("PUSH-2: a pull after a push counts the pushed records unchanged and makes no second Tandem record", async () => {
    const { db } = bed.database;
    await enablePush(db);
    const accountId = await createTandemAccount(db, { name: "Umbrella" });
    await createTandemPeople(db, [
      { firstName: "Alice", lastName: "Abernathy", email: "alice@umbrella.example", accountId },
    ]);
    await tick();
    const next = await tick();
    expect(next.pull.Account).toMatchObject({ created: 0, updated: 0 });
    expect(next.pull.Contact).toMatchObject({ created: 0, updated: 0 });
    expect(await db.select().from(crmAccounts)).toHaveLength(1);
    expect(await db.select().from(crmPeople)).toHaveLength(1);
  });

  it("PUSH-2: a pull never overwrites a rep's edit still waiting to be pushed; the edit then wins", async () => {
    const { db } = bed.database;
    const sf = adminConnection(bed.emulator);
    const created = await sf.sobject("Contact").create({ LastName: "Vance", Title: "Analyst", Phone: "111" });
    await tick();
    const person = await db.query.crmPeople.findFirst({ where: eq(crmPeople.sfId, created.id!) });
    // The rep edits the title while push is off for people.
    await db.$client.batch(
      [
        { sql: "UPDATE crm_people SET title = 'VP Sales' WHERE id = ?", args: [person!.id] },
        enqueuePushStatement({
          recordType: "person",
          recordId: person!.id,
          kind: "people",
          operation: "update",
          fields: ["Title"],
          createdBy: null,
          now: Date.now(),
        }),
      ],
      "write",
    );
    await sf.sobject("Contact").update({ Id: created.id!, Title: "Senior Analyst", Phone: "222" });
    await tick();
    const afterPull = await db.query.crmPeople.findFirst({ where: eq(crmPeople.id, person!.id) });
    expect(afterPull).toMatchObject({ title: "VP Sales", phone: "222" });

    await enablePush(db, ["people"]);
    const pushed = await tick();
    expect(pushed.push.Contact).toEqual({ created: 0, updated: 1, failed: 0 });
    expect(records("Contact")[0]).toMatchObject({ Title: "VP Sales", Phone: "222" });
    const next = await tick();
    expect(next.pull.Contact).toMatchObject({ updated: 0, unchanged: 1 });
  });

  it("DUP-4: a duplicate made in Tandem with push on is created in Salesforce, never merged or deleted", async () => {
    const { db } = bed.database;
    const sf = adminConnection(bed.emulator);
    const existing = await sf.sobject("Contact").create({ LastName: "Twin", Email: "twin@dup.example" });
    await tick();
    await enablePush(db, ["people"]);
    const [twinId] = await createTandemPeople(db, [{ lastName: "Twin", email: "twin@dup.example" }]);
    const summary = await tick();
    expect(summary.push.Contact).toEqual({ created: 1, updated: 0, failed: 0 });
    const contacts = records("Contact");
    expect(contacts).toHaveLength(2);
    expect(contacts.every((contact) => contact.IsDeleted === false)).toBe(true);
    const people = await db.select().from(crmPeople);
    expect(people.map((person) => person.state)).toEqual(["active", "active"]);
    expect(people.find((person) => person.id === twinId)?.sfId).not.toBe(existing.id);
  });

  it("ERR-1: a duplicate rule's refusal lists the existing records; Create anyway sends it with the allow-save header", async () => {
    const { db } = bed.database;
    const sf = adminConnection(bed.emulator);
    const existing = await sf.sobject("Contact").create({ LastName: "Twin", Email: "twin@dup.example" });
    await emulatorAdmin(bed.emulator, "duplicate-rules", {
      object: "Contact",
      name: "Standard_Contact_Duplicate_Rule",
      action: "alert",
      matchFields: [["Email"]],
    });
    await enablePush(db, ["people"]);
    const [twinId] = await createTandemPeople(db, [{ lastName: "Twin", email: "twin@dup.example" }]);
    const first = await tick("push");
    expect(first.push.Contact).toEqual({ created: 0, updated: 0, failed: 1 });
    const [error] = await db.select().from(pushErrors);
    expect(error).toMatchObject({ code: "DUPLICATES_DETECTED", state: "open", recordId: twinId });
    expect(error?.duplicates).toEqual([{ id: existing.id, object: "Contact" }]);
    expect(records("Contact")).toHaveLength(1);

    // "Create anyway": the failed row goes again with the header (what the error log's action does).
    await db.$client.execute({
      sql: "UPDATE push_outbox SET state = 'pending', attempts = 0, allow_duplicates = 1 WHERE record_id = ?",
      args: [twinId!],
    });
    const second = await tick("push");
    expect(second.push.Contact).toEqual({ created: 1, updated: 0, failed: 0 });
    expect(records("Contact")).toHaveLength(2);
    const [resolved] = await db.select().from(pushErrors);
    expect(resolved?.state).toBe("resolved");
  });

  it("ERR-1: a validation rule rejecting one record of 200 leaves the other 199 pushed and the one in the error log", async () => {
    const { db } = bed.database;
    await enablePush(db, ["people"]);
    await emulatorAdmin(bed.emulator, "validation-rules", {
      object: "Contact",
      name: "Web_Contacts_Need_Email",
      condition: "LeadSource = 'Web' AND Email = null",
      errorMessage: "Contacts from the web need an email address.",
      errorField: "Email",
    });
    const people = Array.from({ length: 200 }, (_, index) => ({
      lastName: `Person ${index}`,
      email: index === 57 ? null : `p${index}@example.com`,
      leadSource: "Web",
    }));
    const ids = await createTandemPeople(db, people);
    const summary = await tick("push");
    expect(summary.push.Contact).toEqual({ created: 199, updated: 0, failed: 1 });
    expect(records("Contact")).toHaveLength(199);
    const errors = await db.select().from(pushErrors);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      recordId: ids[57],
      code: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
      message: "Contacts from the web need an email address.",
      fields: ["Email"],
      state: "open",
      object: "Contact",
      operation: "create",
    });
    const failed = await db.query.crmPeople.findFirst({ where: eq(crmPeople.id, ids[57]!) });
    expect(failed?.pushState).toBe("failed");
  });
});
