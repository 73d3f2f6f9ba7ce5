import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { crmActivities, crmPeople, pushErrors, pushOutbox } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { insertConnection } from "@/server/records/testing/crm-fixtures";
import { addUser } from "@/server/users/add-user";
import { countOpenErrors } from "./count-open-errors";
import { createAnyway } from "./create-anyway";
import { dismissPushErrors } from "./dismiss-push-errors";
import { listPushErrors } from "./list-push-errors";
import type { TErrorViewer } from "./push-error-schemas";
import { retryPushErrors } from "./retry-push-errors";
import { insertFailedPush } from "./testing/push-error-fixtures";

let database: TTestDatabase;
let admin: TErrorViewer;
let member: TErrorViewer;
let otherMember: TErrorViewer;
let users: Record<"admin" | "member", Awaited<ReturnType<typeof addUser>>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const adminUser = await addUser(database.db, {
    name: "Ada",
    email: "ada@example.com",
    password: "0123456789",
    role: "admin",
  });
  const memberUser = await addUser(database.db, {
    name: "Max",
    email: "max@example.com",
    password: "0123456789",
    role: "member",
  });
  users = { admin: adminUser, member: memberUser };
  admin = { userId: adminUser.id, role: "admin" };
  member = { userId: memberUser.id, role: "member" };
  otherMember = { userId: "someone-else", role: "member" };
  await insertConnection(database.db, "https://acme.my.salesforce.com/");
});
afterAll(() => database.cleanup());

beforeEach(async () => {
  const { db } = database;
  for (const table of [pushErrors, pushOutbox, crmPeople, crmActivities]) await db.delete(table);
});

const outboxOf = (recordId: string) =>
  database.db.query.pushOutbox.findFirst({ where: eq(pushOutbox.recordId, recordId) });
const errorOf = (id: string) => database.db.query.pushErrors.findFirst({ where: eq(pushErrors.id, id) });
const personOf = (id: string) => database.db.query.crmPeople.findFirst({ where: eq(crmPeople.id, id) });

describe(`the push error log on ${testDatabaseKind()}`, () => {
  it("ERR-1: an admin sees every error; a member only their own records' errors", async () => {
    const { db } = database;
    await insertFailedPush(db, { name: "Mine", ownerUserId: member.userId });
    await insertFailedPush(db, { name: "Theirs", ownerUserId: otherMember.userId });
    await insertFailedPush(db, { name: "Nobody's", ownerUserId: null });

    const all = await listPushErrors(db, admin, {});
    expect(all.rows.map((row) => row.record.name).sort()).toEqual(["Mine", "Nobody's", "Theirs"]);
    expect(await countOpenErrors(db, admin)).toEqual({ open: 3 });

    const own = await listPushErrors(db, member, {});
    expect(own.rows.map((row) => row.record.name)).toEqual(["Mine"]);
    expect(own.total).toBe(1);
    expect(await countOpenErrors(db, member)).toEqual({ open: 1 });
  });

  it("ERR-1: each row says when, what, which record, Salesforce's code, message and fields, attempts and state, with the fix in words", async () => {
    const { db } = database;
    const person = await insertFailedPush(db, { name: "Jane Doe", ownerUserId: member.userId, at: 1_000 });
    const { recordId: personId } = person;
    await insertFailedPush(db, {
      recordType: "activity",
      name: "Intro call",
      personId,
      operation: "update",
      code: "STRING_TOO_LONG",
      message: "Subject: data value too large: Intro call… (max length=255)",
      fields: ["Subject"],
      attempts: 3,
      at: 3_000,
    });
    await insertFailedPush(db, {
      name: "John Roe",
      code: "DUPLICATES_DETECTED",
      message: "A duplicate rule matched existing records.",
      duplicates: [{ id: "003000000000001AAA", object: "Contact" }],
      at: 2_000,
    });

    const list = await listPushErrors(db, admin, {});
    expect(list.rows.map((row) => row.record.name)).toEqual(["Intro call", "John Roe", "Jane Doe"]);
    const [call, duplicate, jane] = list.rows;
    expect(call).toMatchObject({
      at: 3_000,
      object: "Task",
      operation: "update",
      record: { type: "activity", name: "Intro call", href: `/people/${personId}` },
      code: "STRING_TOO_LONG",
      fields: ["Subject"],
      attempts: 3,
      state: "open",
      actions: { retry: true, dismiss: true, createAnyway: false },
    });
    expect(call?.hint.fix).toBe("Shorten Subject to 255 characters or fewer and save.");
    expect(jane).toMatchObject({ record: { type: "person", href: `/people/${personId}` }, object: "Contact" });
    expect(jane?.hint.summary).toContain("Salesforce requires LastName on a Contact");
    expect(duplicate).toMatchObject({
      duplicates: [
        {
          id: "003000000000001AAA",
          object: "Contact",
          url: "https://acme.my.salesforce.com/003000000000001AAA",
        },
      ],
      actions: { createAnyway: true },
    });
    expect(duplicate?.hint.summary).toContain("found an existing record like this Contact");
  });

  it("ERR-1: filters by state, object and code, and pages newest first", async () => {
    const { db } = database;
    for (let index = 0; index < 30; index++) {
      await insertFailedPush(db, { name: `Person ${index}`, at: 10_000 + index });
    }
    await insertFailedPush(db, {
      recordType: "account",
      name: "Globex",
      code: "INSUFFICIENT_ACCESS_OR_READONLY",
      message: "insufficient access rights on object id",
      at: 50,
    });
    await insertFailedPush(db, { name: "Old news", state: "resolved", at: 1 });
    await insertFailedPush(db, { name: "Ignored", state: "dismissed", at: 2 });

    const first = await listPushErrors(db, admin, { pageSize: 25 });
    expect(first.total).toBe(31);
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]?.record.name).toBe("Person 29");
    const second = await listPushErrors(db, admin, { page: 2, pageSize: 25 });
    expect(second.rows.map((row) => row.record.name)).toEqual([
      "Person 4",
      "Person 3",
      "Person 2",
      "Person 1",
      "Person 0",
      "Globex",
    ]);
    expect(first.objects).toEqual(["Account", "Contact"]);
    expect(first.codes).toEqual([
      { code: "INSUFFICIENT_ACCESS_OR_READONLY", total: 1, open: 1 },
      { code: "REQUIRED_FIELD_MISSING", total: 30, open: 30 },
    ]);

    const accounts = await listPushErrors(db, admin, { object: "Account" });
    expect(accounts.rows.map((row) => row.record.name)).toEqual(["Globex"]);
    const byCode = await listPushErrors(db, admin, { code: "INSUFFICIENT_ACCESS_OR_READONLY" });
    expect(byCode.total).toBe(1);
    const resolved = await listPushErrors(db, admin, { state: "resolved" });
    expect(resolved.rows.map((row) => [row.record.name, row.actions])).toEqual([
      ["Old news", { retry: false, dismiss: false, createAnyway: false }],
    ]);
    const dismissed = await listPushErrors(db, admin, { state: "dismissed" });
    expect(dismissed.rows.map((row) => [row.record.name, row.actions.retry])).toEqual([["Ignored", true]]);
    expect((await listPushErrors(db, admin, { state: "all" })).total).toBe(33);
  });

  it("retry puts the failed push back in the queue at once and marks the error retrying", async () => {
    const { db } = database;
    const failed = await insertFailedPush(db, { name: "Jane Doe", ownerUserId: member.userId, attempts: 4 });
    await db.update(pushOutbox).set({ nextAttemptAt: 99_999, priority: 0 }).where(eq(pushOutbox.id, failed.outboxId));

    expect(await retryPushErrors(db, member, { ids: [failed.errorId] }, 5_000)).toEqual({ retried: 1, skipped: 0 });
    expect(await outboxOf(failed.recordId)).toMatchObject({
      state: "pending",
      attempts: 0,
      nextAttemptAt: null,
      priority: 1,
      allowDuplicates: false,
      updatedAt: 5_000,
    });
    expect(await errorOf(failed.errorId)).toMatchObject({ state: "retrying" });
    expect((await personOf(failed.recordId))?.pushState).toBe("pending");
    expect(await countOpenErrors(db, member)).toEqual({ open: 1 });

    // Already retrying: nothing to do twice.
    expect(await retryPushErrors(db, member, { ids: [failed.errorId] }, 6_000)).toEqual({ retried: 0, skipped: 1 });
  });

  it("retry all with a code retries the open errors with that code the viewer may act on, and no other", async () => {
    const { db } = database;
    const mine = await insertFailedPush(db, { name: "A", code: "INVALID_EMAIL_ADDRESS", ownerUserId: member.userId });
    const theirs = await insertFailedPush(db, {
      name: "B",
      code: "INVALID_EMAIL_ADDRESS",
      ownerUserId: otherMember.userId,
    });
    const otherCode = await insertFailedPush(db, { name: "C", ownerUserId: member.userId });

    expect(await retryPushErrors(db, member, { code: "INVALID_EMAIL_ADDRESS" }, 1)).toEqual({ retried: 1, skipped: 0 });
    expect((await errorOf(mine.errorId))?.state).toBe("retrying");
    expect((await errorOf(theirs.errorId))?.state).toBe("open");
    expect((await errorOf(otherCode.errorId))?.state).toBe("open");

    expect(await retryPushErrors(db, admin, { all: true }, 2)).toEqual({ retried: 2, skipped: 0 });
    expect((await outboxOf(theirs.recordId))?.state).toBe("pending");
    expect((await outboxOf(otherCode.recordId))?.state).toBe("pending");
  });

  it("a member cannot act on another person's error: NOT_FOUND, and nothing changes", async () => {
    const { db } = database;
    const theirs = await insertFailedPush(db, { name: "B", ownerUserId: otherMember.userId });
    await expect(retryPushErrors(db, member, { ids: [theirs.errorId] }, 1)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(dismissPushErrors(db, member, { ids: [theirs.errorId] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await errorOf(theirs.errorId))?.state).toBe("open");
    expect((await outboxOf(theirs.recordId))?.state).toBe("failed");
  });

  it("create anyway re-queues a create refused by a duplicate rule with the duplicate-rule header allowed", async () => {
    const { db } = database;
    const duplicate = await insertFailedPush(db, {
      name: "John Roe",
      code: "DUPLICATES_DETECTED",
      message: "A duplicate rule matched existing records.",
      duplicates: [{ id: "003000000000001AAA", object: "Contact" }],
    });
    const other = await insertFailedPush(db, { name: "Jane Doe" });

    await expect(createAnyway(db, admin, other.errorId, 1)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await outboxOf(other.recordId))?.state).toBe("failed");

    expect(await createAnyway(db, admin, duplicate.errorId, 2)).toEqual({ retried: 1, skipped: 0 });
    expect(await outboxOf(duplicate.recordId)).toMatchObject({ state: "pending", attempts: 0, allowDuplicates: true });
    expect((await errorOf(duplicate.errorId))?.state).toBe("retrying");
  });

  it("dismiss closes the error and leaves the push failed; a dismissed error can still be retried", async () => {
    const { db } = database;
    const failed = await insertFailedPush(db, { name: "Jane Doe" });
    expect(await dismissPushErrors(db, admin, { ids: [failed.errorId] })).toEqual({ dismissed: 1, skipped: 0 });
    expect((await errorOf(failed.errorId))?.state).toBe("dismissed");
    expect((await outboxOf(failed.recordId))?.state).toBe("failed");
    expect((await personOf(failed.recordId))?.pushState).toBe("failed");
    expect(await countOpenErrors(db, admin)).toEqual({ open: 0 });
    expect((await listPushErrors(db, admin, {})).total).toBe(0);

    expect(await dismissPushErrors(db, admin, { ids: [failed.errorId] })).toEqual({ dismissed: 0, skipped: 1 });
    expect(await retryPushErrors(db, admin, { ids: [failed.errorId] }, 3)).toEqual({ retried: 1, skipped: 0 });
    expect((await errorOf(failed.errorId))?.state).toBe("retrying");
  });

  it("an error whose push can no longer be sent (its outbox row was cancelled) is not marked retrying", async () => {
    const { db } = database;
    const failed = await insertFailedPush(db, { name: "Gone" });
    await db.update(pushOutbox).set({ state: "cancelled" }).where(eq(pushOutbox.id, failed.outboxId));
    expect(await retryPushErrors(db, admin, { ids: [failed.errorId] }, 1)).toEqual({ retried: 0, skipped: 1 });
    expect((await errorOf(failed.errorId))?.state).toBe("open");
  });

  it("the push procedures apply the member rule and refuse the settings to members", async () => {
    const { db } = database;
    await insertFailedPush(db, { name: "Mine", ownerUserId: member.userId });
    const theirs = await insertFailedPush(db, { name: "Theirs", ownerUserId: otherMember.userId });
    const asMember = createCaller({ db, user: { ...users.member, role: "member" } });
    const asAdmin = createCaller({ db, user: { ...users.admin, role: "admin" } });

    expect((await asMember.push.errors.list({})).rows.map((row) => row.record.name)).toEqual(["Mine"]);
    expect(await asMember.push.errors.count()).toEqual({ open: 1 });
    await expect(asMember.push.errors.dismiss({ ids: [theirs.errorId] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(asMember.push.settings.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await asAdmin.push.errors.dismiss({ ids: [theirs.errorId] })).toEqual({ dismissed: 1, skipped: 0 });
    await expect(asMember.push.errors.list({ state: "open", pageSize: 30 as 25 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
