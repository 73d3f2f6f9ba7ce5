import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { activityLog, crmActivities, crmPeople, duplicatePairs, prospects, pushOutbox } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { adminConnection } from "@/server/salesforce/testing/admin-connection";
import { runTick } from "@/server/sync/run-tick";
import { enablePush, logTandemActivity } from "@/server/sync/testing/push-fixtures";
import { setUpSyncTestBed } from "@/server/sync/testing/test-bed";
import { decideDuplicate } from "../decide-duplicate";
import { listDuplicatePairs } from "../list-duplicate-pairs";
import { getMergePreview } from "./get-merge-preview";
import { listIgnoredRecords, resumeSyncing } from "./ignored-records";
import { mergeDuplicates } from "./merge-duplicates";
import { undoMerge } from "./undo-merge";

const bed = setUpSyncTestBed();
const user = { id: "user-1", name: "Rita Rep", email: "rita@example.com" };

async function tick() {
  const summary = await runTick(bed.database.db, "cli", { budgetMs: 120_000 });
  if ("skipped" in summary) throw new Error("tick was skipped");
  expect(summary.ok).toBe(true);
  return summary;
}

/** Two contacts of one person in Salesforce, pulled and flagged; returns the pair and both Salesforce Ids. */
async function pulledPair() {
  const sf = adminConnection(bed.emulator);
  const account = await sf.sobject("Account").create({ Name: "Initech", Website: "https://initech.com" });
  const first = await sf.sobject("Contact").create({
    FirstName: "Peter",
    LastName: "Gibbons",
    Email: "peter@initech.com",
    Phone: "(512) 555-0134",
    Title: "Engineer",
    AccountId: account.id,
  });
  const second = await sf.sobject("Contact").create({
    FirstName: "Pete",
    LastName: "Gibbons",
    Email: "peter@initech.com",
    Phone: "512-555-0134",
    AccountId: account.id,
  });
  await tick();
  const list = await listDuplicatePairs(bed.database.db, { entity: "people" });
  expect(list.rows).toHaveLength(1);
  const pair = list.rows[0]!;
  const sfIdOf = async (id: string) =>
    (await bed.database.db.select().from(crmPeople).where(eq(crmPeople.id, id)).get())!.sfId!;
  return { sf, pair, firstSfId: first.id!, secondSfId: second.id!, accountSfId: account.id!, sfIdOf };
}

const sideOf = (pair: { a: { id: string } }, id: string): "a" | "b" => (pair.a.id === id ? "a" : "b");

describe(`merge on ${testDatabaseKind()}`, () => {
  it("DUP-3: also merge in Salesforce sends a SOAP merge; the emulator marks the loser with MasterRecordId", async () => {
    const { sf, pair, firstSfId, secondSfId, sfIdOf } = await pulledPair();
    const survivorSide = (await sfIdOf(pair.a.id)) === firstSfId ? "a" : "b";
    const preview = await getMergePreview(bed.database.db, pair.id);
    expect(preview.options.salesforce[survivorSide].mode).toBe("merge");
    const titleSide = preview.fields.find((field) => field.key === "title")!;
    expect(titleSide.differs).toBe(true);

    const result = await mergeDuplicates(
      bed.database.db,
      {
        pairId: pair.id,
        survivor: survivorSide,
        choices: { firstName: survivorSide === "a" ? "b" : "a" },
        alsoMergeInSalesforce: true,
      },
      user,
      Date.now(),
    );
    expect(result.salesforce).toBe("merged");
    const loser = (
      await sf.query<{ Id: string; IsDeleted: boolean; MasterRecordId: string }>(
        `SELECT Id, IsDeleted, MasterRecordId FROM Contact WHERE Id = '${secondSfId}'`,
        { scanAll: true },
      )
    ).records[0]!;
    expect(loser).toMatchObject({ IsDeleted: true, MasterRecordId: firstSfId });
    const master = await sf.sobject("Contact").retrieve(firstSfId);
    expect(master.FirstName).toBe("Pete");

    // The next pull sees the merge it asked for and changes nothing more.
    await tick();
    const active = await bed.database.db.select().from(crmPeople).where(eq(crmPeople.state, "active"));
    expect(active.map((row) => row.sfId)).toEqual([firstSfId]);
    const pairs = await listDuplicatePairs(bed.database.db, { entity: "people" });
    expect(pairs.rows).toEqual([]);
  });

  it("DUP-3: a merge loses nothing — activity logs, activities, prospect links and pending pushes move to the survivor", async () => {
    const { pair, firstSfId, sfIdOf } = await pulledPair();
    const db = bed.database.db;
    const survivorId = (await sfIdOf(pair.a.id)) === firstSfId ? pair.a.id : pair.b.id;
    const loserId = survivorId === pair.a.id ? pair.b.id : pair.a.id;
    await enablePush(db, []);
    await logTandemActivity(db, { kind: "call", subject: "Intro call", personId: loserId });
    await db.insert(prospects).values({
      id: "prospect-1",
      kind: "person",
      name: "Pete Gibbons",
      email: "pete.g@initech.com",
      extra: {},
      source: "manual",
      crmRecordType: "person",
      crmRecordId: loserId,
      createdAt: 1,
      updatedAt: 1,
    });
    const loserLog = await db
      .select({ id: activityLog.id })
      .from(activityLog)
      .where(and(eq(activityLog.recordType, "person"), eq(activityLog.recordId, loserId)));
    expect(loserLog.length).toBeGreaterThan(0);
    const openPushes = await db.select().from(pushOutbox).where(eq(pushOutbox.state, "pending"));

    const result = await mergeDuplicates(db, { pairId: pair.id, survivor: sideOf(pair, survivorId) }, user, Date.now());
    expect(result.salesforce).toBe("none");
    expect(result.moved.activities).toBe(1);
    expect(result.moved.prospects).toBe(1);

    const activity = await db.select().from(crmActivities).get();
    expect(activity?.personId).toBe(survivorId);
    expect((await db.select().from(prospects).where(eq(prospects.id, "prospect-1")).get())?.crmRecordId).toBe(
      survivorId,
    );
    const survivorLog = await db
      .select({ id: activityLog.id, event: activityLog.event })
      .from(activityLog)
      .where(and(eq(activityLog.recordType, "person"), eq(activityLog.recordId, survivorId)));
    for (const entry of loserLog) expect(survivorLog.map((row) => row.id)).toContain(entry.id);
    expect(survivorLog.filter((row) => row.event === "merged-in-tandem")).toHaveLength(1);
    const loser = await db.select().from(crmPeople).where(eq(crmPeople.id, loserId)).get();
    expect(loser).toMatchObject({ state: "merged", mergedIntoId: survivorId, sfId: null });
    const loserEntries = await db
      .select({ event: activityLog.event })
      .from(activityLog)
      .where(and(eq(activityLog.recordType, "person"), eq(activityLog.recordId, loserId)));
    expect(loserEntries.map((row) => row.event)).toEqual(["merged-in-tandem"]);
    // The activity's own push is still waiting, now for the survivor.
    const stillPending = await db.select().from(pushOutbox).where(eq(pushOutbox.state, "pending"));
    expect(stillPending.length).toBe(openPushes.length);
    expect((await db.select().from(duplicatePairs).where(eq(duplicatePairs.id, pair.id)).get())?.state).toBe("merged");

    // Undo puts everything back, and the pair returns to the queue.
    await undoMerge(db, result.mergeId, user, Date.now());
    expect((await db.select().from(crmActivities).get())?.personId).toBe(loserId);
    expect((await db.select().from(prospects).where(eq(prospects.id, "prospect-1")).get())?.crmRecordId).toBe(loserId);
    const restored = await db.select().from(crmPeople).where(eq(crmPeople.id, loserId)).get();
    expect(restored?.state).toBe("active");
    expect(restored?.sfId).not.toBeNull();
    const back = await db
      .select({ id: activityLog.id })
      .from(activityLog)
      .where(and(eq(activityLog.recordType, "person"), eq(activityLog.recordId, loserId)));
    for (const entry of loserLog) expect(back.map((row) => row.id)).toContain(entry.id);
    expect((await db.select().from(duplicatePairs).where(eq(duplicatePairs.id, pair.id)).get())?.state).toBe("open");
    await expect(undoMerge(db, result.mergeId, user, Date.now())).rejects.toThrow(/undone already/);
  });

  it("DUP-3: without the ignore list the merged-away record comes back as a new record when it changes in Salesforce", async () => {
    const { sf, pair, firstSfId, secondSfId, sfIdOf } = await pulledPair();
    const survivorSide = (await sfIdOf(pair.a.id)) === firstSfId ? "a" : "b";
    await mergeDuplicates(bed.database.db, { pairId: pair.id, survivor: survivorSide }, user, Date.now());
    await tick();
    let rows = await bed.database.db.select().from(crmPeople).where(eq(crmPeople.sfId, secondSfId));
    expect(rows).toHaveLength(0);
    await sf.sobject("Contact").update({ Id: secondSfId, Title: "Manager" });
    await tick();
    rows = await bed.database.db.select().from(crmPeople).where(eq(crmPeople.sfId, secondSfId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.state).toBe("active");
  });

  it("DUP-3: stop syncing puts the record on the ignore list, which later pulls respect until it is lifted", async () => {
    const { sf, pair, firstSfId, secondSfId, sfIdOf } = await pulledPair();
    const survivorSide = (await sfIdOf(pair.a.id)) === firstSfId ? "a" : "b";
    await mergeDuplicates(
      bed.database.db,
      { pairId: pair.id, survivor: survivorSide, stopSyncing: true },
      user,
      Date.now(),
    );
    expect((await listIgnoredRecords(bed.database.db)).map((row) => row.sfId)).toEqual([secondSfId]);
    for (const title of ["Manager", "Director"]) {
      await sf.sobject("Contact").update({ Id: secondSfId, Title: title });
      await tick();
      expect(await bed.database.db.select().from(crmPeople).where(eq(crmPeople.sfId, secondSfId))).toHaveLength(0);
    }
    await resumeSyncing(bed.database.db, secondSfId);
    await sf.sobject("Contact").update({ Id: secondSfId, Title: "VP" });
    await tick();
    expect(await bed.database.db.select().from(crmPeople).where(eq(crmPeople.sfId, secondSfId))).toHaveLength(1);
  });

  it("DUP-3: a contact and a lead cannot be merged in Salesforce; the lead converts into the contact", async () => {
    const sf = adminConnection(bed.emulator);
    const account = await sf.sobject("Account").create({ Name: "Globex", Website: "https://globex.com" });
    const contact = await sf.sobject("Contact").create({
      FirstName: "Hank",
      LastName: "Scorpio",
      Email: "hank@globex.com",
      Phone: "(212) 555-0100",
      AccountId: account.id,
    });
    const lead = await sf.sobject("Lead").create({
      FirstName: "Hank",
      LastName: "Scorpio",
      Email: "h.scorpio@globex.com",
      Phone: "212 555 0100",
      Company: "Globex",
    });
    await tick();
    const [pair] = (await listDuplicatePairs(bed.database.db, { entity: "people" })).rows;
    expect(pair).toBeDefined();
    const contactSide = pair!.a.kind === "contact" ? "a" : "b";
    const leadSide = contactSide === "a" ? "b" : "a";
    const preview = await getMergePreview(bed.database.db, pair!.id);
    expect(preview.options.salesforce[contactSide].mode).toBe("convert");
    expect(preview.options.salesforce[leadSide].mode).toBeNull();
    expect(preview.options.salesforce[leadSide].reason).toMatch(/cannot merge a lead with a contact/);
    await expect(
      mergeDuplicates(
        bed.database.db,
        { pairId: pair!.id, survivor: leadSide, alsoMergeInSalesforce: true },
        user,
        Date.now(),
      ),
    ).rejects.toThrow(/keep the contact/);
    const result = await mergeDuplicates(
      bed.database.db,
      { pairId: pair!.id, survivor: contactSide, alsoMergeInSalesforce: true },
      user,
      Date.now(),
    );
    expect(result.salesforce).toBe("converted");
    const converted = await sf.sobject("Lead").retrieve(lead.id!);
    expect(converted).toMatchObject({ IsConverted: true, ConvertedContactId: contact.id });
    await tick();
    expect(await bed.database.db.select().from(crmPeople).where(eq(crmPeople.state, "active"))).toHaveLength(1);
  });

  it("DUP-4: a pair marked not a duplicate cannot be merged by accident, and nothing merges by itself", async () => {
    const { pair } = await pulledPair();
    await decideDuplicate(
      bed.database.db,
      { pairId: pair.id, decision: "dismiss" },
      { userId: user.id, now: Date.now() },
    );
    await expect(getMergePreview(bed.database.db, pair.id)).rejects.toThrow(/no longer open/);
    await tick();
    expect(await bed.database.db.select().from(crmPeople).where(eq(crmPeople.state, "active"))).toHaveLength(2);
  });
});
