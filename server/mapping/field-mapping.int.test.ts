import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { TDatabase } from "@/db/client";
import { activityLog, fieldWrites, mappingRecheck, pushErrors, pushOutbox } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { buildProspectDraft, type TProspectValues } from "@/server/prospects/build-prospect-draft";
import { insertProspects } from "@/server/prospects/insert-prospects";
import { adminConnection } from "@/server/salesforce/testing/admin-connection";
import { readFieldMapping } from "@/server/settings/field-mapping-settings";
import { writeSetting } from "@/server/settings/settings-store";
import type { TFieldMappingEntry, TMappedObject } from "@/server/sync/core/field-mapping";
import { fieldWriteStatements } from "@/server/sync/push/enqueue-field-writes";
import { checkOrgForPush } from "@/server/sync/push/org-push-info";
import { runTick } from "@/server/sync/run-tick";
import { listPushErrors } from "@/server/push-errors/list-push-errors";
import { enablePush } from "@/server/sync/testing/push-fixtures";
import { setUpSyncTestBed } from "@/server/sync/testing/test-bed";
import type { TTickSummary } from "@/server/sync/tick-summary";
import { openSalesforce } from "@/server/salesforce/open-connection";
import { changedObjects, saveMappingStatements } from "./save-mapping";

const bed = setUpSyncTestBed();

async function tick(): Promise<TTickSummary> {
  const summary = await runTick(bed.database.db, "cli", { budgetMs: 60_000 });
  if ("skipped" in summary) throw new Error("tick was skipped");
  return summary;
}

const inSalesforce = (object: string, email: string) =>
  [...(bed.emulator.store.table(object)?.byId.values() ?? [])].find((record) => record.Email === email);

async function addProspects(db: TDatabase, kind: "person" | "company", rows: TProspectValues[]) {
  await insertProspects(
    db,
    kind,
    rows.map((values) => ({ draft: buildProspectDraft(kind, values) })),
    { source: "manual", createdBy: null, createdByName: "Test" },
    Date.now(),
  );
}

async function mapFields(db: TDatabase, object: TMappedObject, entries: TFieldMappingEntry[]) {
  const before = await readFieldMapping(db);
  const next = { ...before.mapping, [object]: entries };
  await db.$client.batch(saveMappingStatements(db, next, changedObjects(before.mapping, next), Date.now()), "write");
}

const history = async (db: TDatabase, event: string) =>
  (
    await db
      .select()
      .from(activityLog)
      .where(eq(activityLog.event, event as never))
  ).map((entry) => entry.message);

describe(`field mapping on ${testDatabaseKind()}`, () => {
  it("MAP-2/MAP-4: auto-fill fills empty Salesforce fields of records linked to prospects, in the pull that links them", async () => {
    const { db } = bed.database;
    const sf = adminConnection(bed.emulator);
    await addProspects(db, "person", [
      { name: "Ada Lovelace", email: "ada@analytical.example", title: "VP Sales", phone: "+1 555 010 0199" },
      { name: "Bob Babbage", email: "bob@analytical.example", title: "CTO" },
      { name: "No Link", email: "nobody@elsewhere.example", title: "Founder" },
    ]);
    await sf.sobject("Contact").create([
      { LastName: "Lovelace", Email: "ada@analytical.example", Phone: "(555) 010-0100" },
      { LastName: "Babbage", Email: "bob@analytical.example", Title: "Chief Engineer" },
    ]);
    await enablePush(db, ["people"]);
    await mapFields(db, "Contact", [
      { tandem: "title", salesforce: "Title", mode: "auto-fill" },
      { tandem: "phone", salesforce: "Phone", mode: "off" },
    ]);

    const first = await tick();
    expect(first.pull.Contact.created).toBe(2);
    expect(first.push.Contact).toEqual({ created: 0, updated: 1, failed: 0 });
    expect(inSalesforce("Contact", "ada@analytical.example")).toMatchObject({
      Title: "VP Sales",
      Phone: "(555) 010-0100",
    });
    expect(inSalesforce("Contact", "bob@analytical.example")).toMatchObject({ Title: "Chief Engineer" });
    expect(await history(db, "field-written")).toEqual(["Title auto-filled from prospect: (empty) → VP Sales"]);
    const person = await db.query.crmPeople.findFirst({
      where: (t, { eq: is }) => is(t.email, "ada@analytical.example"),
    });
    expect(person).toMatchObject({ title: "VP Sales", pushState: "pushed" });
    expect(await db.select({ state: fieldWrites.state, source: fieldWrites.source }).from(fieldWrites)).toEqual([
      { state: "pushed", source: "auto-fill" },
    ]);

    // The next pull brings the value back: Tandem's own write, unchanged; nothing is written again.
    const second = await tick();
    expect(second.push).toEqual({});
    expect(await db.select().from(pushOutbox).where(eq(pushOutbox.state, "pending"))).toEqual([]);
  });

  it("MAP-3: auto-overwrite writes values that differ, not ones that only look different", async () => {
    const { db } = bed.database;
    const sf = adminConnection(bed.emulator);
    await addProspects(db, "person", [
      { name: "Ada Lovelace", email: "ada@analytical.example", phone: "+1 555 010 0199" },
      { name: "Bob Babbage", email: "bob@analytical.example", phone: "+1 555 010 0177" },
      { name: "Cy Empty", email: "cy@analytical.example" },
    ]);
    await sf.sobject("Contact").create([
      { LastName: "Lovelace", Email: "ada@analytical.example", Phone: "(555) 010-0199" },
      { LastName: "Babbage", Email: "bob@analytical.example", Phone: "555 010 0100" },
      { LastName: "Empty", Email: "cy@analytical.example", Phone: "555 010 0111" },
    ]);
    await enablePush(db, ["people"]);
    await mapFields(db, "Contact", [{ tandem: "phone", salesforce: "Phone", mode: "auto-overwrite" }]);

    await tick();
    expect(inSalesforce("Contact", "ada@analytical.example")?.Phone).toBe("(555) 010-0199");
    expect(inSalesforce("Contact", "bob@analytical.example")?.Phone).toBe("+1 555 010 0177");
    // An empty Tandem value never erases Salesforce.
    expect(inSalesforce("Contact", "cy@analytical.example")?.Phone).toBe("555 010 0111");
    expect(await history(db, "field-written")).toEqual([
      "Phone overwritten from prospect: 555 010 0100 → +1 555 010 0177",
    ]);
  });

  it("MAP-4: with push off nothing is queued; a mapping change re-pulls every linked record at the next tick", async () => {
    const { db } = bed.database;
    const sf = adminConnection(bed.emulator);
    await addProspects(db, "company", [{ name: "Initech", website: "initech.example", industry: "Technology" }]);
    await sf.sobject("Account").create({ Name: "Initech", Website: "https://www.initech.example" });
    await mapFields(db, "Account", [{ tandem: "industry", salesforce: "Industry", mode: "auto-fill" }]);

    await tick();
    expect(await db.select().from(pushOutbox)).toEqual([]);
    expect(await db.select().from(fieldWrites)).toEqual([]);

    // Push goes on; the records did not change in Salesforce, so only a recheck brings them back.
    await enablePush(db, ["accounts"]);
    await mapFields(db, "Account", [
      { tandem: "industry", salesforce: "Industry", mode: "auto-fill" },
      {
        tandem: "phone",
        salesforce: "Phone",
        mode: "off",
      },
    ]);
    expect(await db.select().from(mappingRecheck)).toHaveLength(1);
    const apiBefore = bed.emulator.org.usage.total;
    const summary = await tick();
    expect(summary.push.Account).toEqual({ created: 0, updated: 1, failed: 0 });
    expect(await db.select().from(mappingRecheck)).toEqual([]);
    const accounts = [...(bed.emulator.store.table("Account")?.byId.values() ?? [])];
    expect(accounts[0]).toMatchObject({ Industry: "Technology" });
    // Pull (1) + recheck by Id (1) + describe and users for the push (2) + the push (1).
    expect(bed.emulator.org.usage.total - apiBefore).toBeLessThanOrEqual(5);
  });

  it("MAP-3: no ping-pong — Salesforce changing a written value back stops Tandem, with one warning naming both values", async () => {
    const { db } = bed.database;
    const sf = adminConnection(bed.emulator);
    await addProspects(db, "person", [{ name: "Ada Lovelace", email: "ada@analytical.example", title: "VP Sales" }]);
    const created = await sf
      .sobject("Contact")
      .create({ LastName: "Lovelace", Email: "ada@analytical.example", Title: "AE" });
    await enablePush(db, ["people"]);
    await mapFields(db, "Contact", [{ tandem: "title", salesforce: "Title", mode: "auto-overwrite" }]);
    await tick();
    expect(inSalesforce("Contact", "ada@analytical.example")?.Title).toBe("VP Sales");

    // An automation in Salesforce changes it back.
    await sf.sobject("Contact").update({ Id: created.id!, Title: "Vice President, Sales" });
    const reverted = await tick();
    expect(reverted.push).toEqual({});
    expect(inSalesforce("Contact", "ada@analytical.example")?.Title).toBe("Vice President, Sales");
    const warnings = await db.select().from(pushErrors);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: "FIELD_REVERTED",
      severity: "warning",
      state: "open",
      fields: ["Title"],
    });
    expect(warnings[0]!.message).toContain("Salesforce keeps changing this field");
    expect(warnings[0]!.message).toContain("“VP Sales”");
    expect(warnings[0]!.message).toContain("“Vice President, Sales”");

    // The error log shows it as a warning with what to do, and nothing to retry.
    const log = await listPushErrors(db, { userId: "admin", role: "admin" }, {});
    expect(log.rows[0]).toMatchObject({
      code: "FIELD_REVERTED",
      severity: "warning",
      actions: { retry: false, dismiss: true },
      hint: { fix: expect.stringContaining("Enrichment page") },
    });

    await sf.sobject("Contact").update({ Id: created.id!, Title: "Vice President, Sales", Phone: "1" });
    const later = await tick();
    expect(later.push).toEqual({});
    expect(await db.select().from(pushErrors)).toHaveLength(1);
  });

  it("MAP-2: a picklist value Salesforce rejects goes to the error log, and is not sent again on every pull", async () => {
    const { db } = bed.database;
    const sf = adminConnection(bed.emulator);
    const industry = bed.emulator.store.table("Account")!.def.byLowerName.get("industry")!;
    bed.emulator.store.addField("Account", {
      name: "Industry",
      type: "picklist",
      restrictedPicklist: true,
      picklistValues: ["Technology", "Finance"].map((value) => ({
        value,
        label: value,
        active: true,
        defaultValue: false,
      })),
    });
    try {
      await addProspects(db, "company", [{ name: "Hooli", website: "hooli.example", industry: "Fintech" }]);
      await sf.sobject("Account").create({ Name: "Hooli", Website: "hooli.example" });
      await enablePush(db, ["accounts"]);
      await mapFields(db, "Account", [{ tandem: "industry", salesforce: "Industry", mode: "auto-fill" }]);
      const summary = await tick();
      expect(summary.push.Account).toEqual({ created: 0, updated: 0, failed: 1 });
      const [error] = await db.select().from(pushErrors);
      expect(error).toMatchObject({
        code: "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
        state: "open",
        severity: "error",
      });
      expect(await db.select({ state: fieldWrites.state }).from(fieldWrites)).toEqual([{ state: "failed" }]);

      await sf.sobject("Account").update({ Id: (await sf.sobject("Account").find({}, ["Id"]))[0]!.Id!, Phone: "1" });
      const again = await tick();
      expect(again.push).toEqual({});
    } finally {
      bed.emulator.store.addField("Account", industry);
    }
  });

  it("MAP-1: a field deleted in Salesforce after it was mapped is skipped with a clear error; pulls keep working", async () => {
    const { db } = bed.database;
    const sf = adminConnection(bed.emulator);
    bed.emulator.store.addField("Contact", { name: "LinkedIn_URL__c", type: "url", label: "LinkedIn URL" });
    try {
      await addProspects(db, "person", [
        {
          name: "Ada Lovelace",
          email: "ada@analytical.example",
          title: "VP Sales",
          linkedinUrl: "linkedin.com/in/ada",
        },
      ]);
      await sf.sobject("Contact").create({ LastName: "Lovelace", Email: "ada@analytical.example", Title: "AE" });
      const salesforce = await openSalesforce(db);
      await checkOrgForPush(db, salesforce, Date.now());
      await mapFields(db, "Contact", [
        { tandem: "title", salesforce: "Title", mode: "auto-overwrite" },
        { tandem: "linkedinUrl", salesforce: "LinkedIn_URL__c", mode: "auto-fill" },
      ]);
      await tick();
      const person = await db.query.crmPeople.findFirst();
      // A write was queued while push was off for people; then the field goes away in Salesforce.
      await db.$client.batch(
        fieldWriteStatements(
          [
            {
              recordType: "person",
              recordId: person!.id,
              object: "Contact",
              name: "Ada Lovelace",
              field: "LinkedIn_URL__c",
              tandemField: "linkedinUrl",
              from: null,
              to: "linkedin.com/in/ada",
              source: "auto-fill",
            },
            {
              recordType: "person",
              recordId: person!.id,
              object: "Contact",
              name: "Ada Lovelace",
              field: "Title",
              tandemField: "title",
              from: "AE",
              to: "VP Sales",
              source: "auto-overwrite",
            },
          ],
          { now: Date.now(), byUserId: null },
        ),
        "write",
      );
      bed.emulator.store.removeField("Contact", "LinkedIn_URL__c");
      await enablePush(db, ["people"]);

      const summary = await tick();
      expect(summary.ok).toBe(true);
      expect(inSalesforce("Contact", "ada@analytical.example")).toMatchObject({ Title: "VP Sales" });
      const errors = await db
        .select()
        .from(pushErrors)
        .where(and(eq(pushErrors.code, "FIELD_MISSING")));
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toContain("Contact has no field LinkedIn_URL__c in Salesforce any more");
      expect(errors[0]!.state).toBe("open");
      // The mapping page flags the entry from the fresh describe.
      const { entryProblem } = await import("@/server/settings/field-mapping-settings");
      const resolved = await readFieldMapping(db);
      expect(entryProblem(resolved, "Contact", resolved.mapping.Contact[1]!)).toContain("has no field LinkedIn_URL__c");
    } finally {
      if (bed.emulator.store.table("Contact")?.def.byLowerName.has("linkedin_url__c"))
        bed.emulator.store.removeField("Contact", "LinkedIn_URL__c");
    }
  });

  it("MAP-1: settings written for mapping survive", async () => {
    await writeSetting(bed.database.db, "mapping.fields", { Lead: [] });
    expect((await readFieldMapping(bed.database.db)).mapping.Lead).toEqual([]);
  });
});
