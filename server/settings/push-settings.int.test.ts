import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmActivities, crmPeople, pushOutbox } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { testDatabaseKind } from "@/db/testing/test-database";
import type { TActivityKind, TPushKind } from "@/server/sync/core/push-kinds";
import { enqueuePushStatement } from "@/server/sync/push/enqueue";
import { setUpSyncTestBed } from "@/server/sync/testing/test-bed";
import { checkPushFields } from "./check-push-fields";
import { getPushSettings } from "./get-push-settings";
import { readSetting } from "./settings-store";
import { updatePushSettings } from "./update-push-settings";

const bed = setUpSyncTestBed();

/** Records a rep created while their kind was off: "Not in Salesforce", their create held in the outbox. */
async function createLocalPeople(db: TDatabase, names: string[]) {
  const now = Date.now();
  const ids = names.map(() => randomUUID());
  await db.$client.batch(
    names.flatMap((name, index) => [
      toStatement(
        db.insert(crmPeople).values({
          id: ids[index]!,
          kind: "contact",
          name,
          lastName: name,
          fields: {},
          source: "tandem",
          pushState: "local",
          createdBy: "rep-1",
          createdAt: now,
          updatedAt: now,
        }),
      ),
      enqueuePushStatement({
        recordType: "person",
        recordId: ids[index]!,
        kind: "people",
        operation: "create",
        fields: [],
        createdBy: "rep-1",
        now,
      }),
    ]),
    "write",
  );
  return ids;
}

async function createLocalActivity(db: TDatabase, kind: TActivityKind, pushKind: TPushKind) {
  const now = Date.now();
  const id = randomUUID();
  await db.$client.batch(
    [
      toStatement(
        db.insert(crmActivities).values({
          id,
          kind,
          subject: `A ${kind}`,
          pushState: "local",
          createdAt: now,
          updatedAt: now,
        }),
      ),
      enqueuePushStatement({
        recordType: "activity",
        recordId: id,
        kind: pushKind,
        operation: "create",
        fields: [],
        createdBy: null,
        now,
      }),
    ],
    "write",
  );
  return id;
}

const outboxStates = async (db: TDatabase, recordType: "person" | "activity") =>
  (
    await db
      .select({ recordId: pushOutbox.recordId, state: pushOutbox.state })
      .from(pushOutbox)
      .where(eq(pushOutbox.recordType, recordType))
      .orderBy(pushOutbox.id)
  ).map((row) => row.state);

const kindOf = async (db: TDatabase, kind: TPushKind) =>
  (await getPushSettings(db)).kinds.find((entry) => entry.kind === kind);

describe(`push settings on ${testDatabaseKind()}`, () => {
  it("PUSH-1: every kind is off at first; each shows its records Not in Salesforce, waiting and failed", async () => {
    const { db } = bed.database;
    await createLocalPeople(db, ["Ann", "Bob"]);
    await createLocalActivity(db, "call", "activities");
    await createLocalActivity(db, "email", "activities");
    await createLocalActivity(db, "meeting", "meetings");
    await db.insert(crmAccounts).values([
      { id: "a-1", name: "Queued", fields: {}, source: "tandem", pushState: "pending", createdAt: 1, updatedAt: 1 },
      { id: "a-2", name: "Refused", fields: {}, source: "tandem", pushState: "failed", createdAt: 1, updatedAt: 1 },
      { id: "a-3", name: "Pulled", fields: {}, source: "pull", sfId: "001000000000001AAA", createdAt: 1, updatedAt: 1 },
    ]);

    const view = await getPushSettings(db);
    expect(view.kinds).toEqual([
      { kind: "people", enabled: false, local: 2, pending: 0, failed: 0 },
      { kind: "accounts", enabled: false, local: 0, pending: 1, failed: 1 },
      { kind: "opportunities", enabled: false, local: 0, pending: 0, failed: 0 },
      { kind: "activities", enabled: false, local: 2, pending: 0, failed: 0 },
      { kind: "tasks", enabled: false, local: 0, pending: 0, failed: 0 },
      { kind: "meetings", enabled: false, local: 1, pending: 0, failed: 0 },
      { kind: "notes", enabled: false, local: 0, pending: 0, failed: 0 },
    ]);
    expect(view).toMatchObject({ peopleAs: "Contact", connected: true, tandemId: null });
  });

  it("PUSH-1: switching a kind on and pushing existing records queues every record Not in Salesforce", async () => {
    const { db } = bed.database;
    const [ann, bob, cid] = await createLocalPeople(db, ["Ann", "Bob", "Cid"]);
    // Cid's create was cancelled by an earlier "only new ones": pushing existing records queues it again.
    await db.update(pushOutbox).set({ state: "cancelled" }).where(eq(pushOutbox.recordId, cid!));
    const call = await createLocalActivity(db, "call", "activities");

    const result = await updatePushSettings(db, { enabled: { people: true }, existing: "push" }, 5_000);
    expect(result).toMatchObject({ queued: 3, keptLocal: 0 });
    expect(result.kinds.find((kind) => kind.kind === "people")).toEqual({
      kind: "people",
      enabled: true,
      local: 0,
      pending: 3,
      failed: 0,
    });
    const people = await db.select().from(crmPeople).orderBy(crmPeople.name);
    expect(people.map((person) => [person.id, person.pushState])).toEqual([
      [ann, "pending"],
      [bob, "pending"],
      [cid, "pending"],
    ]);
    expect(await outboxStates(db, "person")).toEqual(["pending", "pending", "cancelled", "pending"]);
    const requeued = await db.query.pushOutbox.findFirst({
      where: and(eq(pushOutbox.recordId, cid!), eq(pushOutbox.state, "pending")),
    });
    expect(requeued).toMatchObject({ operation: "create", kind: "people", createdBy: "rep-1", createdAt: 5_000 });

    // Other kinds are not touched.
    expect((await db.query.crmActivities.findFirst({ where: eq(crmActivities.id, call) }))?.pushState).toBe("local");
    expect((await readSetting(db, "push.settings")).activities.enabled).toBe(false);
  });

  it("PUSH-1: switching a kind on for new records only cancels the queued creates and leaves the records in Tandem", async () => {
    const { db } = bed.database;
    await createLocalPeople(db, ["Ann", "Bob"]);
    const note = await createLocalActivity(db, "note", "notes");

    const result = await updatePushSettings(db, { enabled: { people: true, notes: true }, existing: "skip" }, 1);
    expect(result).toMatchObject({ queued: 0, keptLocal: 3 });
    expect(await outboxStates(db, "person")).toEqual(["cancelled", "cancelled"]);
    expect(await outboxStates(db, "activity")).toEqual(["cancelled"]);
    const people = await db.select({ pushState: crmPeople.pushState }).from(crmPeople);
    expect(people.every((person) => person.pushState === "local")).toBe(true);
    expect((await db.query.crmActivities.findFirst({ where: eq(crmActivities.id, note) }))?.pushState).toBe("local");
    expect(await kindOf(db, "people")).toMatchObject({ enabled: true, local: 2, pending: 0 });
  });

  it("PUSH-1: switching a kind off only stops sending; its queue stays, and turning it on again asks nothing of it", async () => {
    const { db } = bed.database;
    await updatePushSettings(db, { enabled: { people: true } }, 1);
    const [queued] = await createLocalPeople(db, ["Queued while on"]);
    await db.update(crmPeople).set({ pushState: "pending" }).where(eq(crmPeople.id, queued!));

    const off = await updatePushSettings(db, { enabled: { people: false } }, 2);
    expect(off.kinds.find((kind) => kind.kind === "people")).toMatchObject({ enabled: false, pending: 1 });
    expect(await outboxStates(db, "person")).toEqual(["pending"]);

    const on = await updatePushSettings(db, { enabled: { people: true }, existing: "skip" }, 3);
    expect(on).toMatchObject({ queued: 0, keptLocal: 0 });
    expect(await outboxStates(db, "person")).toEqual(["pending"]);
  });

  it("sets whether people go as Contacts or Leads without touching the switches", async () => {
    const { db } = bed.database;
    const result = await updatePushSettings(db, { peopleAs: "Lead" }, 1);
    expect(result.peopleAs).toBe("Lead");
    expect(await readSetting(db, "push.settings")).toMatchObject({ people: { enabled: false, as: "Lead" } });
  });

  it("checks the connected org for Tandem_Id__c per object and keeps the answer for the page", async () => {
    const { db } = bed.database;
    const check = await checkPushFields(db, 7_000);
    expect(check).toEqual({
      checkedAt: 7_000,
      objects: [
        { object: "Account", hasTandemId: true },
        { object: "Contact", hasTandemId: true },
        { object: "Lead", hasTandemId: true },
        { object: "Opportunity", hasTandemId: true },
        { object: "Task", hasTandemId: false },
        { object: "Event", hasTandemId: false },
      ],
    });
    expect((await getPushSettings(db)).tandemId).toEqual(check);
  });
});
