import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  activityLog,
  crmAccounts,
  crmActivities,
  crmOpportunities,
  crmPeople,
  pushErrors,
  pushOutbox,
} from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { insertAccounts, insertOpportunities, insertPeople } from "../testing/crm-fixtures";
import { ZLogActivitySchema } from "./activity-schemas";
import { completeTask } from "./complete-task";
import { listActivities } from "./list-activities";
import { logActivity } from "./log-activity";
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
// 2027-01-15T08:00:00Z
const NOW = Date.UTC(2027, 0, 15, 8);
let account: { id: string; sfId: string | null };
let contact: { id: string };
let lead: { id: string };
let deal: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());
beforeEach(async () => {
  const db = database.db;
  for (const table of [crmPeople, crmAccounts, crmOpportunities, crmActivities, pushOutbox, pushErrors, activityLog]) {
    await db.delete(table);
  }
  await connect(db);
  await setPushInfo(db, PUSH_INFO);
  await setPush(db, ["activities", "tasks", "meetings", "notes"]);
  account = (await insertAccounts(db, [{ name: "Acme Rockets" }]))[0]!;
  const people = await insertPeople(db, [
    { name: "Ada Lovelace", accountSfId: account.sfId },
    { name: "Lee Lead", kind: "lead", company: "Vandelay" },
  ]);
  contact = people[0]!;
  lead = people[1]!;
  deal = (await insertOpportunities(db, [{ name: "Acme deal", accountSfId: account.sfId }]))[0]!;
});

const activityRow = (id: string) => database.db.select().from(crmActivities).where(eq(crmActivities.id, id)).get();

describe(`activities logged in Tandem on ${testDatabaseKind()}`, () => {
  it("PUSH-2: a call on a contact is a completed Task of today, related to the contact and its account", async () => {
    const call = await logActivity(
      database.db,
      {
        kind: "call",
        on: { type: "person", id: contact.id },
        notes: "Wants a demo next week.",
        durationMinutes: 12,
        outcome: "Connected",
      },
      ADA,
      NOW,
    );

    expect(await activityRow(call.id)).toMatchObject({
      kind: "call",
      personId: contact.id,
      accountId: account.id,
      opportunityId: null,
      subject: "Call",
      body: "Wants a demo next week.",
      callDurationSeconds: 720,
      callOutcome: "Connected",
      status: "Completed",
      priority: "Normal",
      dueDate: "2027-01-15",
      completedAt: NOW,
      sfObject: "Task",
      pushState: "pending",
      ownerSfId: "005000000000002AAA",
      createdBy: ADA.id,
    });
    expect(await outboxOf(database.db, "activity", call.id)).toEqual([
      expect.objectContaining({ kind: "activities", operation: "create", state: "pending", priority: 1 }),
    ]);
    expect(await logOf(database.db, "activity", call.id)).toEqual([
      expect.objectContaining({ event: "created-in-tandem", message: "Call logged in Tandem by Ada Admin." }),
    ]);
  });

  it("relates an opportunity's activity to its account, and a lead's to the lead alone", async () => {
    const email = await logActivity(
      database.db,
      { kind: "email", on: { type: "opportunity", id: deal.id }, subject: "Proposal", body: "Attached." },
      ADA,
      NOW,
    );
    expect(email).toMatchObject({ opportunityId: deal.id, accountId: account.id, personId: null, status: "Completed" });
    const meeting = await logActivity(
      database.db,
      {
        kind: "meeting",
        on: { type: "person", id: lead.id },
        subject: "Intro",
        start: "2027-01-20T10:00:00+01:00",
        end: "2027-01-20T10:30:00+01:00",
        location: "Zoom",
      },
      ADA,
      NOW,
    );
    expect(meeting).toMatchObject({
      personId: lead.id,
      accountId: null,
      startAt: "2027-01-20T09:00:00.000Z",
      endAt: "2027-01-20T09:30:00.000Z",
      sfObject: "Event",
      status: null,
    });
    expect((await outboxOf(database.db, "activity", meeting.id))[0]?.kind).toBe("meetings");
  });

  it("PUSH-1: an activity of a kind that is off stays local", async () => {
    await setPush(database.db, ["activities"]);
    const note = await logActivity(
      database.db,
      { kind: "note", on: { type: "account", id: account.id }, title: "Org chart", body: "CEO: Wile E." },
      ADA,
      NOW,
    );
    expect(note).toMatchObject({ pushState: "local", subject: "Org chart", sfObject: "ContentNote" });
    expect(await outboxOf(database.db, "activity", note.id)).toEqual([expect.objectContaining({ kind: "notes" })]);
  });

  it("a task gets an owner from the org's users, and completing it joins its pending create", async () => {
    const task = await logActivity(
      database.db,
      {
        kind: "task",
        on: { type: "account", id: account.id },
        subject: "Send pricing",
        dueDate: "2027-01-20",
        priority: "High",
        ownerSfId: "005000000000003AAA",
      },
      ADA,
      NOW,
    );
    expect(task).toMatchObject({
      status: "Not Started",
      priority: "High",
      dueDate: "2027-01-20",
      ownerName: "Grace Hopper",
      completedAt: null,
    });

    const done = await completeTask(database.db, { id: task.id }, ADA, NOW + 60_000);
    expect(done).toMatchObject({ status: "Completed", completedAt: NOW + 60_000, pushState: "pending" });
    const rows = await openOutboxOf(database.db, "activity", task.id);
    expect(rows).toEqual([expect.objectContaining({ operation: "create", fields: ["Status"] })]);
    expect((await logOf(database.db, "activity", task.id)).at(-1)).toMatchObject({
      event: "edited-in-tandem",
      message: "Completed in Tandem by Ada Admin.",
    });

    await expect(
      logActivity(
        database.db,
        { kind: "task", on: { type: "account", id: account.id }, subject: "X", ownerSfId: "005000000000999AAA" },
        ADA,
        NOW,
      ),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Choose the owner from the list"),
    });
  });

  it("completing a pushed task queues an update of its Status", async () => {
    const task = await logActivity(
      database.db,
      { kind: "task", on: { type: "person", id: contact.id }, subject: "Follow up" },
      ADA,
      NOW,
    );
    await database.db.update(pushOutbox).set({ state: "done" }).where(eq(pushOutbox.recordId, task.id));
    await database.db
      .update(crmActivities)
      .set({ sfId: "00T000000000001AAA", pushState: "pushed" })
      .where(eq(crmActivities.id, task.id));

    await completeTask(database.db, { id: task.id }, ADA, NOW);
    expect(await openOutboxOf(database.db, "activity", task.id)).toEqual([
      expect.objectContaining({ operation: "update", fields: ["Status"], kind: "tasks" }),
    ]);
    await expect(completeTask(database.db, { id: "missing" }, ADA, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("classic notes take a title of 80 characters at most", async () => {
    await setPushInfo(database.db, { ...PUSH_INFO, enhancedNotes: false });
    const input = { kind: "note", on: { type: "account", id: account.id }, title: "N".repeat(81) } as const;
    await expect(logActivity(database.db, input, ADA, NOW)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Use at most 80 characters for the title: this Salesforce org keeps classic notes.",
    });
    const note = await logActivity(database.db, { ...input, title: "Short" }, ADA, NOW);
    expect(note.sfObject).toBe("Note");
  });

  it("refuses bad input with messages that say what to fix", () => {
    const on = { type: "person", id: "p" } as const;
    const messages = (input: unknown) =>
      ZLogActivitySchema.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(
      messages({ kind: "meeting", on, subject: "Demo", start: "2027-01-20T10:00:00Z", end: "2027-01-20T09:00:00Z" }),
    ).toEqual(["The meeting must end after it starts."]);
    expect(messages({ kind: "meeting", on, subject: "Demo", start: "tomorrow", end: "2027-01-20T09:00:00Z" })).toEqual([
      "Enter the start as a date and time, like 2026-03-31T14:00:00Z.",
    ]);
    expect(messages({ kind: "task", on, subject: "", priority: "Urgent" })).toEqual([
      "Enter the subject.",
      "Choose a priority: High, Normal, Low.",
    ]);
    expect(messages({ kind: "call", on, durationMinutes: 1, durationSeconds: 60 })).toEqual([
      "Give the duration in minutes or in seconds, not both.",
    ]);
    expect(messages({ kind: "fax", on })).toEqual(["Choose what to log: call, email, task, meeting, note."]);
  });

  it("refuses activities on records that left the active set", async () => {
    const [gone] = await insertPeople(database.db, [{ name: "Gone Person", state: "deleted" }]);
    await expect(
      logActivity(database.db, { kind: "email", on: { type: "person", id: gone?.id ?? "" }, subject: "Hi" }, ADA, NOW),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Gone Person was deleted in Salesforce, so nothing can be logged on it.",
    });
  });

  it("ERR-2: the timeline lists activities newest first with their push state and open error", async () => {
    const first = await logActivity(
      database.db,
      { kind: "email", on: { type: "person", id: contact.id }, subject: "First" },
      ADA,
      NOW,
    );
    const second = await logActivity(
      database.db,
      { kind: "task", on: { type: "person", id: contact.id }, subject: "Second" },
      ADA,
      NOW + 1,
    );
    await failPush(database.db, "activity", first.id);
    await database.db.update(crmActivities).set({ pushState: "failed" }).where(eq(crmActivities.id, first.id));

    const page = await listActivities(database.db, { on: { type: "person", id: contact.id }, limit: 1 });
    expect(page.activities.map((activity) => activity.subject)).toEqual(["Second"]);
    expect(page.activities[0]).toMatchObject({ id: second.id, pushState: "pending", error: null });
    const next = await listActivities(database.db, { on: { type: "person", id: contact.id }, cursor: page.nextCursor });
    expect(next).toMatchObject({
      activities: [
        {
          id: first.id,
          pushState: "failed",
          error: { code: "FIELD_CUSTOM_VALIDATION_EXCEPTION", message: "Accounts need a website." },
        },
      ],
      nextCursor: null,
    });
    // The account's timeline carries its contacts' activities too.
    const onAccount = await listActivities(database.db, { on: { type: "account", id: account.id } });
    expect(onAccount.activities.map((activity) => activity.id)).toEqual([second.id, first.id]);
    await expect(listActivities(database.db, { on: { type: "person", id: "missing" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
