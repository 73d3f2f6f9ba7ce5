import type { InStatement } from "@libsql/client";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { activityLog, crmPeople, prospects, suppressedLeads, syncCursors } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { buildProspectDraft } from "@/server/prospects/build-prospect-draft";
import { insertProspects } from "@/server/prospects/insert-prospects";
import type { TPulledRecord } from "../core/pull-objects";
import { acquireLease, LeaseLostError, type TLease } from "../lease";
import { applyPulledPage, type TObjectCounts } from "./apply-page";

let database: TTestDatabase;
let lease: TLease;
const NOW = 1_800_000_000_000;
const STAMP = "2026-01-01T10:00:00.000+0000";
const LATER = "2026-01-01T11:00:00.000+0000";

const CONTACT = "003000000000001AAA";
const UPDATED = "00Q000000000001AAA";
const DELETED = "00Q000000000002AAA";
const MERGED = "00Q000000000003AAA";
const RETIRED = "00Q000000000004AAA";
const SUPPRESSED = "00Q000000000005AAA";
const CREATED = "00Q000000000006AAA";

const record = (Id: string, values: Record<string, unknown> = {}): TPulledRecord => ({
  Id,
  IsDeleted: false,
  SystemModstamp: STAMP,
  LastName: `Person ${Id.slice(-4)}`,
  Company: "Acme",
  ...values,
});

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());
beforeEach(async () => {
  for (const table of ["crm_people", "activity_log", "suppressed_leads", "prospects", "sync_cursors", "sync_leases"])
    await database.client.execute(`DELETE FROM ${table}`);
  lease = (await acquireLease(database.db, { holder: "test", now: Date.now }))!;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await lease.release();
});

const apply = (
  object: "Contact" | "Lead",
  records: TPulledRecord[],
  commitWith?: (counts: TObjectCounts) => InStatement[],
) => applyPulledPage(database.db, { object, records, now: NOW, source: "pull", lease }, commitWith);
const person = async (sfId: string) => (await database.db.select().from(crmPeople).where(eq(crmPeople.sfId, sfId)))[0];
const events = async (recordId: string) =>
  (await database.db.select().from(activityLog).where(eq(activityLog.recordId, recordId))).map((entry) => entry.event);

/** A contact, and four leads shown earlier; then the page under test. */
async function seed() {
  await apply("Contact", [record(CONTACT, { Email: "jane@acme.test" })]);
  await apply("Lead", [record(UPDATED), record(DELETED), record(MERGED), record(RETIRED, { Email: "old@acme.test" })]);
  await insertProspects(
    database.db,
    "person",
    [{ draft: buildProspectDraft("person", { name: "New Lead", email: "new@acme.test" }) }],
    { source: "manual", createdBy: null, createdByName: "Ada" },
    NOW - 1000,
  );
}

const pageUnderTest = [
  record(UPDATED, { Title: "CEO", SystemModstamp: LATER }),
  record(DELETED, { IsDeleted: true, SystemModstamp: LATER }),
  record(MERGED, { IsDeleted: true, MasterRecordId: UPDATED, SystemModstamp: LATER }),
  record(RETIRED, { Email: "jane@acme.test", SystemModstamp: LATER }),
  record(SUPPRESSED, { Email: "Jane@Acme.test", SystemModstamp: LATER }),
  record(CREATED, { Email: "new@acme.test", SystemModstamp: LATER }),
];

describe(`applyPulledPage on ${testDatabaseKind()}`, () => {
  it("PULL-5: a page with inserts, updates, a delete, a merge and a suppressed lead commits in one batch", async () => {
    await seed();
    const contact = await person(CONTACT);
    const retiredBefore = await person(RETIRED);
    const batch = vi.spyOn(database.client, "batch");
    const transaction = vi.spyOn(database.client, "transaction");

    const counts = await apply("Lead", pageUnderTest, (pageCounts) => [
      toStatement(
        database.db
          .insert(syncCursors)
          .values({ object: "Lead", systemModstamp: LATER, lastId: CREATED, loaded: pageCounts.fresh, updatedAt: NOW }),
      ),
    ]);

    expect(batch).toHaveBeenCalledTimes(1);
    expect(batch.mock.calls[0]?.[1]).toBe("write");
    expect(transaction).not.toHaveBeenCalled();
    expect(counts).toEqual({ created: 1, updated: 1, deleted: 2, unchanged: 0, suppressed: 2, fresh: 2 });

    const updated = await person(UPDATED);
    expect(updated).toMatchObject({ title: "CEO", systemModstamp: LATER, state: "active" });
    expect(await events(updated!.id)).toEqual(["created-by-pull", "updated-by-pull", "absorbed-merge"]);
    expect(await person(DELETED)).toMatchObject({ state: "deleted" });
    expect(await person(MERGED)).toMatchObject({ state: "merged", mergedIntoId: updated!.id });
    expect(await person(SUPPRESSED)).toBeUndefined();
    expect(await person(RETIRED)).toMatchObject({ state: "retired", mergedIntoId: contact!.id });
    // The retired lead's history moved to its contact; its own "retired" entry stays on it.
    expect(await events(retiredBefore!.id)).toEqual(["retired-as-lead"]);
    expect(await events(contact!.id)).toEqual(["created-by-pull", "created-by-pull", "absorbed-lead"]);
    expect((await database.db.select().from(suppressedLeads)).map((row) => [row.leadSfId, row.reason]).sort()).toEqual([
      [RETIRED, "email-match"],
      [SUPPRESSED, "email-match"],
    ]);
    const created = await person(CREATED);
    expect(created).toMatchObject({ source: "pull", emailNormalized: "new@acme.test" });
    const [marked] = await database.db.select().from(prospects).where(eq(prospects.emailNormalized, "new@acme.test"));
    expect(marked).toMatchObject({ crmRecordType: "person", crmRecordId: created!.id, inCrmSince: NOW });
    expect(await database.db.select().from(syncCursors)).toEqual([
      expect.objectContaining({ object: "Lead", lastId: CREATED, loaded: 2 }),
    ]);
  });

  it("PULL-5: once its page is written, the rest of the process runs before the next (a server's requests)", async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    await apply("Lead", [record(CREATED)]);
    expect(ran).toBe(true);
  });

  it("PULL-5: a page whose lease was taken over writes nothing and throws LeaseLostError", async () => {
    await seed();
    const peopleBefore = await database.db.select().from(crmPeople);
    const logBefore = await database.db.$count(activityLog);
    const thief = await acquireLease(database.db, { holder: "thief", now: Date.now, steal: true });
    try {
      await expect(
        apply("Lead", pageUnderTest, () => [
          toStatement(database.db.insert(syncCursors).values({ object: "Lead", lastId: CREATED, updatedAt: NOW })),
        ]),
      ).rejects.toBeInstanceOf(LeaseLostError);
    } finally {
      await thief?.release();
    }
    expect(await database.db.select().from(crmPeople)).toEqual(peopleBefore);
    expect(await database.db.$count(activityLog)).toBe(logBefore);
    expect(await database.db.$count(suppressedLeads)).toBe(0);
    expect(await database.db.$count(syncCursors)).toBe(0);
    expect(await database.db.$count(prospects, eq(prospects.emailNormalized, "new@acme.test"))).toBe(1);
    expect((await database.db.select().from(prospects))[0]?.crmRecordId).toBeNull();
  });

  it("PULL-5: a page of 1,500 leads is read in a bounded number of queries and written in one batch", async () => {
    await apply("Contact", [record(CONTACT, { Email: "lead7@bulk.test" })]);
    const leads = Array.from({ length: 1500 }, (_, index) =>
      record(`00Q${String(index).padStart(12, "0")}AAA`, { Email: `lead${index}@bulk.test` }),
    );
    await apply("Lead", leads.slice(0, 700));
    const execute = vi.spyOn(database.client, "execute");
    const batch = vi.spyOn(database.client, "batch");

    const counts = await apply(
      "Lead",
      leads.map((lead) => ({ ...lead, Title: "Buyer", SystemModstamp: LATER })),
    );

    expect(counts).toMatchObject({ created: 800, updated: 699, suppressed: 1 });
    // Four lookups (stored rows, suppressed leads, people by email, prospects) of three IN lists
    // each, plus one read of the settings field mapping needs (and the open-push check), and one
    // of the records passed over (DUP-3: stopped syncing, or merged away and unchanged since).
    expect(execute.mock.calls.length).toBeLessThanOrEqual(4 * 3 + 3);
    expect(batch).toHaveBeenCalledTimes(1);
  });
});
