import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  activityLog,
  crmAccounts,
  crmPeople,
  salesforceConnection,
  suppressedLeads,
  syncCursors,
  syncLeases,
  syncTicks,
} from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { type RunningEmulator, startEmulator } from "@/server/emulator";
import { adminConnection } from "@/server/salesforce/testing/admin-connection";
import { acquireLease } from "./lease";
import { runTick } from "./run-tick";
import { connectToEmulator, emulatorAdmin } from "./testing/emulator-connection";
import { forgetLoad } from "./testing/processes";
import type { TTickSummary } from "./tick-summary";

let database: TTestDatabase;
let emulator: RunningEmulator;

beforeAll(async () => {
  database = await createTestDatabase();
  emulator = await startEmulator({ seed: "empty" });
});
afterAll(async () => {
  await emulator?.stop();
  await database?.cleanup();
});
beforeEach(async () => {
  await emulator.reset("empty");
  await forgetLoad(database.client);
  // Each test here also starts unconnected and with no prospects.
  for (const table of ["salesforce_connection", "prospects"]) await database.client.execute(`DELETE FROM ${table}`);
  await connectToEmulator(database.db, emulator);
});

async function tick(): Promise<TTickSummary> {
  const summary = await runTick(database.db, "cli", { budgetMs: 60_000 });
  if ("skipped" in summary) throw new Error("tick was skipped");
  return summary;
}

async function person(sfId: string) {
  return database.db.query.crmPeople.findFirst({ where: eq(crmPeople.sfId, sfId) });
}

describe(`pull engine on ${testDatabaseKind()}`, () => {
  it("PULL-1: pulls accounts, contacts, leads and opportunities, then an idle tick costs one API call", async () => {
    const sf = adminConnection(emulator);
    const account = await sf.sobject("Account").create({ Name: "Acme Inc", Website: "https://www.acme.com" });
    await sf
      .sobject("Contact")
      .create({ LastName: "Smith", FirstName: "Jon", Email: "jon@acme.com", AccountId: account.id });
    await sf.sobject("Lead").create({ LastName: "Doe", Company: "Other Co", Email: "jane@other.com" });
    await sf
      .sobject("Opportunity")
      .create({ Name: "Acme renewal", StageName: "Prospecting", CloseDate: "2027-01-31", AccountId: account.id });

    const first = await tick();
    expect(first.ok).toBe(true);
    expect(first.pull.Account.created).toBe(1);
    expect(first.pull.Contact.created).toBe(1);
    expect(first.pull.Lead.created).toBe(1);
    expect(first.pull.Opportunity.created).toBe(1);
    expect(first.apiCalls).toBe(1);

    const idle = await tick();
    expect(idle.apiCalls).toBe(1);
    expect(idle.pull.Contact).toEqual({ created: 0, updated: 0, deleted: 0, unchanged: 1 });

    const pulled = await database.db.query.crmAccounts.findFirst({ where: eq(crmAccounts.sfId, account.id!) });
    expect(pulled).toMatchObject({ name: "Acme Inc", domainNormalized: "acme.com", source: "pull", state: "active" });
    const log = await database.db
      .select()
      .from(activityLog)
      .where(and(eq(activityLog.recordType, "account"), eq(activityLog.recordId, pulled!.id)));
    expect(log.map((entry) => entry.event)).toEqual(["created-by-pull"]);
  });

  it("PULL-5: an update is applied once, with the changed fields in the activity log", async () => {
    const sf = adminConnection(emulator);
    const contact = await sf.sobject("Contact").create({ LastName: "Smith", Email: "jon@acme.com", Title: "CTO" });
    await tick();
    await sf.sobject("Contact").update({ Id: contact.id!, Title: "CEO" });
    const second = await tick();
    expect(second.pull.Contact).toMatchObject({ updated: 1, created: 0 });
    const stored = await person(contact.id!);
    expect(stored?.title).toBe("CEO");
    const entries = await database.db.select().from(activityLog).where(eq(activityLog.recordId, stored!.id));
    const update = entries.find((entry) => entry.event === "updated-by-pull");
    expect(update?.details).toMatchObject({ changes: { Title: { from: "CTO", to: "CEO" } } });
    expect((await tick()).pull.Contact.updated).toBe(0);
  });

  it("PULL-5: deletes and merges in Salesforce remove the record, merged ones pointing at the master", async () => {
    const sf = adminConnection(emulator);
    const keep = await sf.sobject("Contact").create({ LastName: "Master", Email: "m@acme.com" });
    const loser = await sf.sobject("Contact").create({ LastName: "Loser", Email: "l@acme.com" });
    const gone = await sf.sobject("Contact").create({ LastName: "Gone", Email: "g@acme.com" });
    await tick();
    await sf.sobject("Contact").destroy(gone.id!);
    await sf.soap.merge({ masterRecord: { type: "Contact", Id: keep.id! }, recordToMergeIds: [loser.id!] } as never);
    const after = await tick();
    expect(after.pull.Contact.deleted).toBe(2);
    expect((await person(gone.id!))?.state).toBe("deleted");
    const merged = await person(loser.id!);
    const master = await person(keep.id!);
    expect(merged).toMatchObject({ state: "merged", mergedIntoId: master!.id });
  });

  it("PULL-4: a lead sharing a contact's email is pulled as the contact only, and stays suppressed", async () => {
    const sf = adminConnection(emulator);
    await sf.sobject("Contact").create({ LastName: "Smith", Email: "Jon@Acme.com" });
    const lead = await sf.sobject("Lead").create({ LastName: "Smith", Company: "Acme", Email: "JON@acme.com" });
    const summary = await tick();
    expect(summary.pull.Lead).toMatchObject({ created: 0, suppressed: 1 });
    expect(await person(lead.id!)).toBeUndefined();
    const [suppressed] = await database.db.select().from(suppressedLeads);
    expect(suppressed).toMatchObject({ leadSfId: lead.id, reason: "email-match" });

    await sf.sobject("Lead").update({ Id: lead.id!, Title: "Changed" });
    expect((await tick()).pull.Lead).toMatchObject({ created: 0, suppressed: 1 });
  });

  it("PULL-4: a lead pulled earlier is retired when its contact arrives, and its history moves", async () => {
    const sf = adminConnection(emulator);
    const lead = await sf.sobject("Lead").create({ LastName: "Lee", Company: "Acme", Email: "kim@acme.com" });
    await tick();
    const shownLead = await person(lead.id!);
    expect(shownLead?.state).toBe("active");

    const contact = await sf.sobject("Contact").create({ LastName: "Lee", Email: "kim@acme.com" });
    await tick();
    const retired = await person(lead.id!);
    const arrived = await person(contact.id!);
    expect(retired).toMatchObject({ state: "retired", mergedIntoId: arrived!.id });
    const contactLog = await database.db.select().from(activityLog).where(eq(activityLog.recordId, arrived!.id));
    expect(contactLog.map((entry) => entry.event)).toEqual(
      expect.arrayContaining(["created-by-pull", "absorbed-lead"]),
    );
    expect(contactLog.some((entry) => entry.message.includes("same email"))).toBe(true);
    const [suppressed] = await database.db.select().from(suppressedLeads);
    expect(suppressed?.leadSfId).toBe(lead.id);
  });

  it("PULL-4: a converted lead is never shown", async () => {
    const sf = adminConnection(emulator);
    const lead = await sf.sobject("Lead").create({ LastName: "Park", Company: "Acme", Email: "park@acme.com" });
    await sf.soap.convertLead({
      leadId: lead.id!,
      convertedStatus: "Closed - Converted",
      doNotCreateOpportunity: true,
    } as never);
    const summary = await tick();
    expect(summary.pull.Lead.suppressed).toBe(1);
    expect(await person(lead.id!)).toBeUndefined();
    const [suppressed] = await database.db.select().from(suppressedLeads);
    expect(suppressed?.reason).toBe("converted");
  });

  it("pages through large objects, resuming from the cursor after a budget runs out", async () => {
    await emulatorAdmin(emulator, "records", { object: "Contact", count: 4500 });
    const partial = await runTick(database.db, "cli", { budgetMs: 0 });
    if ("skipped" in partial) throw new Error("skipped");
    expect(partial.more).toBe(true);
    expect(partial.pull.Contact.created).toBe(2000);
    const [cursor] = await database.db.select().from(syncCursors).where(eq(syncCursors.object, "Contact"));
    expect(cursor).toMatchObject({ loaded: 2000, total: 4500, initialLoadAt: null });

    const rest = await tick();
    expect(rest.pull.Contact.created).toBe(2500);
    const [done] = await database.db.select().from(syncCursors).where(eq(syncCursors.object, "Contact"));
    expect(done?.loaded).toBe(4500);
    expect(done?.initialLoadAt).not.toBeNull();
    expect(await database.db.$count(crmPeople, eq(crmPeople.kind, "contact"))).toBe(4500);
  });

  it("refreshes an expired access token mid-pull and continues", async () => {
    const sf = adminConnection(emulator);
    await sf.sobject("Account").create({ Name: "Before expiry" });
    await emulatorAdmin(emulator, "expire-tokens");
    const summary = await tick();
    expect(summary.ok).toBe(true);
    expect(summary.pull.Account.created).toBe(1);
    const [row] = await database.db.select().from(salesforceConnection);
    expect(row?.status).toBe("connected");
  });

  it("ERR-3: a Salesforce 500 fails the tick in plain words and the next tick loses nothing", async () => {
    const sf = adminConnection(emulator);
    await sf.sobject("Account").create({ Name: "Survivor" });
    await emulatorAdmin(emulator, "faults", {
      nextErrors: { count: 1, status: 500, errorCode: "UNKNOWN_EXCEPTION", message: "boom" },
    });
    const failed = await tick();
    expect(failed.ok).toBe(false);
    expect(failed.failures?.[0]?.message).toMatch(/retries/);
    expect(failed.pull.Account.created).toBe(0);
    const recovered = await tick();
    expect(recovered.ok).toBe(true);
    expect(recovered.pull.Account.created).toBe(1);
  });

  it("ERR-3: a revoked refresh token marks the connection broken and stops ticks", async () => {
    const [row] = await database.db.select().from(salesforceConnection);
    // Revoke every refresh token the org issued, then force a refresh by expiring access tokens.
    for (const token of [...emulator.org.tokens.refresh.keys()]) emulator.org.tokens.revoke(token);
    await emulatorAdmin(emulator, "expire-tokens");
    const broken = await tick();
    expect(broken.ok).toBe(false);
    expect(broken.failures?.[0]?.message).toMatch(/reconnect/i);
    const [after] = await database.db.select().from(salesforceConnection);
    expect(after?.status).toBe("broken");
    expect(row?.status).toBe("connected");
    const stopped = await tick();
    expect(stopped.paused).toBe("broken");
    expect(stopped.apiCalls).toBe(0);
  });

  it("ERR-3: a dropped connection mid-tick is reported and the next tick resumes", async () => {
    const sf = adminConnection(emulator);
    await sf.sobject("Account").create({ Name: "After the outage" });
    await emulatorAdmin(emulator, "faults", { dropConnections: 1 });
    const dropped = await tick();
    expect(dropped).toMatchObject({ ok: false, more: true });
    expect(dropped.failures?.[0]?.code).toBe("NETWORK");
    const resumed = await tick();
    expect(resumed.pull.Account.created).toBe(1);
  });

  it("ERR-3: reconnecting after a revoked token restores syncing", async () => {
    for (const token of [...emulator.org.tokens.refresh.keys()]) emulator.org.tokens.revoke(token);
    await emulatorAdmin(emulator, "expire-tokens");
    expect((await tick()).paused).toBeUndefined();
    expect((await tick()).paused).toBe("broken");
    // What the wizard's OAuth flow does on reconnect: a new token pair for the same org.
    await connectToEmulator(database.db, emulator);
    const restored = await tick();
    expect(restored.ok).toBe(true);
    const [row] = await database.db.select().from(salesforceConnection);
    expect(row?.status).toBe("connected");
  });

  it("ERR-3: a tick that died without finishing is marked interrupted by the next one", async () => {
    await database.db.insert(syncTicks).values({ id: "dead-tick", trigger: "cli", startedAt: 1, status: "running" });
    await tick();
    const dead = await database.db.query.syncTicks.findFirst({ where: eq(syncTicks.id, "dead-tick") });
    expect(dead).toMatchObject({ status: "failed", errorCode: "INTERRUPTED" });
  });

  it("never runs two ticks at once", async () => {
    const other = await acquireLease(database.db, { holder: "someone-else", now: Date.now });
    expect(other).not.toBeNull();
    expect(await runTick(database.db, "cron")).toEqual({ ok: true, skipped: "busy" });
    await other?.release();
    await database.db.delete(syncLeases);
  });
});

describe(`interrupted pulls on ${testDatabaseKind()}`, () => {
  async function snapshot() {
    const rows = await database.client.execute(
      "SELECT sf_id, kind, state, content_hash FROM crm_people ORDER BY sf_id",
    );
    const cursors = await database.client.execute(
      "SELECT object, system_modstamp, last_id, loaded, total, initial_load_at IS NOT NULL AS done FROM sync_cursors ORDER BY object",
    );
    return { people: rows.rows.map((row) => ({ ...row })), cursors: cursors.rows.map((row) => ({ ...row })) };
  }

  it("a Salesforce outage mid-pull loses nothing and doubles nothing", async () => {
    await emulatorAdmin(emulator, "records", { object: "Contact", count: 5000 });
    const first = await runTick(database.db, "cli", { budgetMs: 0 });
    if ("skipped" in first) throw new Error("skipped");
    expect(first.pull.Contact.created).toBe(2000);
    await emulatorAdmin(emulator, "faults", {
      nextErrors: { count: 1, status: 503, errorCode: "SERVER_UNAVAILABLE", message: "Server is unavailable" },
    });
    const failed = await tick();
    expect(failed).toMatchObject({ ok: false, more: true });
    const rest = await tick();
    expect(rest.ok).toBe(true);
    expect(first.pull.Contact.created + failed.pull.Contact.created + rest.pull.Contact.created).toBe(5000);
    expect(await database.db.$count(crmPeople)).toBe(5000);
  });

  it("a first sync that dies midway and starts again ends in the same state as one that never stopped", async () => {
    await emulatorAdmin(emulator, "records", { object: "Contact", count: 6500 });
    await emulatorAdmin(emulator, "records", { object: "Lead", count: 3000 });
    // Uninterrupted, for reference.
    await tick();
    const reference = await snapshot();

    for (const table of [
      "crm_people",
      "crm_accounts",
      "crm_opportunities",
      "activity_log",
      "suppressed_leads",
      "sync_cursors",
    ])
      await database.client.execute(`DELETE FROM ${table}`);
    // Stops after the first page of each object (as a killed process stops: every applied page is
    // committed with its cursor), then the next start fails outright before continuing.
    const stopped = await runTick(database.db, "cli", { budgetMs: 0 });
    if ("skipped" in stopped) throw new Error("skipped");
    expect(stopped.more).toBe(true);
    await emulatorAdmin(emulator, "faults", {
      nextErrors: { count: 1, status: 500, errorCode: "UNKNOWN_EXCEPTION", message: "boom" },
    });
    expect(await tick()).toMatchObject({ ok: false, more: true });
    for (let round = 0; round < 10; round++) {
      const resumed = await tick();
      if (!resumed.more) break;
    }
    expect(await snapshot()).toEqual(reference);
  });
});

describe(`first loads through Bulk API 2.0 on ${testDatabaseKind()}`, () => {
  it("loads an object above 10,000 rows with a bulk job, in a handful of calls, and REST sees it unchanged", async () => {
    await emulatorAdmin(emulator, "records", { object: "Contact", count: 12_500 });
    const first = await tick();
    expect(first.ok).toBe(true);
    expect(first.pull.Contact.created).toBe(12_500);
    // One composite, then create, poll(s) and one results page, instead of seven 2,000-row pages.
    expect(first.apiCalls).toBeLessThanOrEqual(5);
    const usage = (await emulatorAdmin(emulator, "api-usage", undefined, "GET")) as {
      byResource: Record<string, number>;
    };
    expect(Object.keys(usage.byResource).some((resource) => resource.includes("jobs"))).toBe(true);
    const [cursor] = await database.db.select().from(syncCursors).where(eq(syncCursors.object, "Contact"));
    expect(cursor).toMatchObject({ loaded: 12_500, total: 12_500 });
    expect(cursor?.initialLoadAt).not.toBeNull();

    // The next tick re-reads the same rows over REST (overlap window): none of them changes.
    const again = await tick();
    expect(again.pull.Contact).toMatchObject({ created: 0, updated: 0, unchanged: 12_500 });
  });

  it("resumes a bulk first load across ticks from the results page it reached, without doubling", async () => {
    await emulatorAdmin(emulator, "records", { object: "Contact", count: 12_500 });
    const first = await runTick(database.db, "cli", { budgetMs: 0 });
    if ("skipped" in first) throw new Error("skipped");
    expect(first).toMatchObject({ more: true, pull: { Contact: { created: 10_000 } } });
    const [midway] = await database.db.select().from(syncCursors).where(eq(syncCursors.object, "Contact"));
    expect(midway).toMatchObject({ loaded: 10_000, total: 12_500, systemModstamp: null, initialLoadAt: null });
    expect(midway?.bulkJobId).toBeTruthy();
    expect(midway?.bulkLocator).toBeTruthy();

    const second = await runTick(database.db, "cli", { budgetMs: 0 });
    if ("skipped" in second) throw new Error("skipped");
    expect(second.pull.Contact.created).toBe(2_500);
    const [done] = await database.db.select().from(syncCursors).where(eq(syncCursors.object, "Contact"));
    expect(done).toMatchObject({ loaded: 12_500, bulkJobId: null, bulkLocator: null });
    expect(done?.systemModstamp).not.toBeNull();
    expect(done?.initialLoadAt).not.toBeNull();
    expect(await database.db.$count(crmPeople)).toBe(12_500);
  });
});
