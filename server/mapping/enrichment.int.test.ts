import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { TDatabase } from "@/db/client";
import { activityLog, fieldWrites, pushOutbox } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { buildProspectDraft, type TProspectValues } from "@/server/prospects/build-prospect-draft";
import { insertProspects } from "@/server/prospects/insert-prospects";
import { adminConnection } from "@/server/salesforce/testing/admin-connection";
import { readFieldMapping } from "@/server/settings/field-mapping-settings";
import type { TFieldMappingEntry, TMappedObject } from "@/server/sync/core/field-mapping";
import { runTick } from "@/server/sync/run-tick";
import { enablePush } from "@/server/sync/testing/push-fixtures";
import { setUpSyncTestBed } from "@/server/sync/testing/test-bed";
import { updateRecord } from "@/server/records/write/update-record";
import { fieldWriteStatements } from "@/server/sync/push/enqueue-field-writes";
import { enrichRecords, keepSalesforceValues } from "./enrich-records";
import { listEnrichment } from "./list-enrichment";
import { previewMapping } from "./preview-mapping";
import { changedObjects, saveMappingStatements } from "./save-mapping";

const bed = setUpSyncTestBed();
const rep = { id: "user-rep" };

async function tick() {
  const summary = await runTick(bed.database.db, "cli", { budgetMs: 60_000 });
  if ("skipped" in summary) throw new Error("tick was skipped");
  return summary;
}

async function mapFields(db: TDatabase, object: TMappedObject, entries: TFieldMappingEntry[]) {
  const before = await readFieldMapping(db);
  const next = { ...before.mapping, [object]: entries };
  await db.$client.batch(saveMappingStatements(db, next, changedObjects(before.mapping, next), Date.now()), "write");
}

const contact = (email: string) =>
  [...(bed.emulator.store.table("Contact")?.byId.values() ?? [])].find((record) => record.Email === email);

/** Three contacts linked to prospects: one empty title, one different phone, one already equal. */
async function linkedContacts(db: TDatabase) {
  const rows: TProspectValues[] = [
    { name: "Ada Lovelace", email: "ada@analytical.example", title: "VP Sales", phone: "+1 555 010 0199" },
    { name: "Bob Babbage", email: "bob@analytical.example", title: "CTO", phone: "+1 555 010 0177" },
    { name: "Cy Same", email: "cy@analytical.example", title: "Buyer", phone: "(555) 010-0111" },
  ];
  await insertProspects(
    db,
    "person",
    rows.map((values) => ({ draft: buildProspectDraft("person", values) })),
    { source: "manual", createdBy: null, createdByName: "Test" },
    Date.now(),
  );
  await adminConnection(bed.emulator)
    .sobject("Contact")
    .create([
      { LastName: "Lovelace", Email: "ada@analytical.example", Phone: "555 010 0100" },
      { LastName: "Babbage", Email: "bob@analytical.example", Title: "CTO", Phone: "555 010 0100" },
      { LastName: "Same", Email: "cy@analytical.example", Title: "buyer", Phone: "+1 555 010 0111" },
    ]);
  await mapFields(db, "Contact", [
    { tandem: "title", salesforce: "Title", mode: "off" },
    { tandem: "phone", salesforce: "Phone", mode: "off" },
  ]);
  await tick();
}

describe(`CRM Enrichment on ${testDatabaseKind()}`, () => {
  it("MAP-5: lists linked records whose fields are empty in Salesforce or differ, with both values and filters", async () => {
    const { db } = bed.database;
    await linkedContacts(db);
    const list = await listEnrichment(db, {});
    expect(list.total).toBe(2);
    const ada = list.rows.find((row) => row.name === "Lovelace")!;
    expect(ada.fields).toEqual([
      expect.objectContaining({
        field: "Title",
        status: "empty",
        salesforceValue: null,
        tandemValue: "VP Sales",
        mode: "off",
      }),
      expect.objectContaining({
        field: "Phone",
        status: "differs",
        salesforceValue: "555 010 0100",
        tandemValue: "+1 555 010 0199",
      }),
    ]);
    expect((await listEnrichment(db, { status: "empty" })).rows.map((row) => row.name)).toEqual(["Lovelace"]);
    expect((await listEnrichment(db, { field: "Phone" })).total).toBe(2);
    expect((await listEnrichment(db, { object: "Account" })).total).toBe(0);
    expect(list.facets.fields).toEqual([
      // Labels come from the org's describe; before one, the field's name.
      { object: "Contact", field: "Phone", label: "Phone", records: 2 },
      { object: "Contact", field: "Title", label: "Title", records: 1 },
    ]);
    expect(list.pushEnabled).toEqual({ Contact: false, Lead: false, Account: false });
  });

  it("MAP-5: with push off, 'Use Tandem's value' asks first; confirmed, it goes once although push stays off", async () => {
    const { db } = bed.database;
    await linkedContacts(db);
    const ada = (await listEnrichment(db, {})).rows.find((row) => row.name === "Lovelace")!;
    const target = { items: [{ recordType: ada.recordType, recordId: ada.recordId, fields: ["Phone"] }] };

    const asked = await enrichRecords(db, rep, target, Date.now());
    expect(asked).toEqual({ fields: 0, records: 0, pushOff: ["Contact"], oneOff: false });
    expect(await db.select().from(pushOutbox)).toEqual([]);

    const confirmed = await enrichRecords(db, rep, { ...target, oneOff: true }, Date.now());
    expect(confirmed).toEqual({ fields: 1, records: 1, pushOff: ["Contact"], oneOff: true });
    const summary = await tick();
    expect(summary.push.Contact).toEqual({ created: 0, updated: 1, failed: 0 });
    expect(contact("ada@analytical.example")).toMatchObject({ Phone: "+1 555 010 0199" });
    expect(contact("ada@analytical.example")?.Title ?? null).toBeNull();
    const history = await db.select().from(activityLog).where(eq(activityLog.event, "field-written"));
    expect(history.map((entry) => entry.message)).toEqual([
      "Phone set to Tandem's value by hand: 555 010 0100 → +1 555 010 0199",
    ]);
    // Still listed: its title is still empty in Salesforce.
    const after = (await listEnrichment(db, {})).rows.find((row) => row.name === "Lovelace")!;
    expect(after.fields.map((field) => field.field)).toEqual(["Title"]);
  });

  it("MAP-5: a manual choice wins over a later auto-overwrite, for the same record and field", async () => {
    const { db } = bed.database;
    await linkedContacts(db);
    await enablePush(db, ["people"]);
    const rows = (await listEnrichment(db, {})).rows;
    const bob = rows.find((row) => row.name === "Babbage")!;
    // Bob keeps his Salesforce phone; Ada gets Tandem's title by hand.
    expect(
      await keepSalesforceValues(
        db,
        rep,
        { items: [{ recordType: "person", recordId: bob.recordId, fields: ["Phone"] }] },
        Date.now(),
      ),
    ).toEqual({ fields: 1 });
    const ada = rows.find((row) => row.name === "Lovelace")!;
    await enrichRecords(
      db,
      rep,
      { items: [{ recordType: "person", recordId: ada.recordId, fields: ["Title"] }] },
      Date.now(),
    );
    await tick();

    // The admin turns auto-overwrite on: the preview already leaves Bob's phone alone.
    const entries: TFieldMappingEntry[] = [
      { tandem: "title", salesforce: "Title", mode: "auto-overwrite" },
      { tandem: "phone", salesforce: "Phone", mode: "auto-overwrite" },
    ];
    const preview = await previewMapping(db, { object: "Contact", entries });
    expect(preview.examples.map((example) => [example.name, example.field])).toEqual([["Lovelace", "Phone"]]);
    await mapFields(db, "Contact", entries);
    await tick();
    expect(contact("bob@analytical.example")).toMatchObject({ Phone: "555 010 0100" });
    expect(contact("ada@analytical.example")).toMatchObject({ Title: "VP Sales", Phone: "+1 555 010 0199" });
    expect((await listEnrichment(db, {})).rows.map((row) => row.name)).toEqual([]);
    expect((await listEnrichment(db, { includeKept: true })).rows.map((row) => row.name)).toEqual(["Babbage"]);
    const sources = await db.select({ field: fieldWrites.field, source: fieldWrites.source }).from(fieldWrites);
    expect(sources).toEqual(
      expect.arrayContaining([
        { field: "Phone", source: "keep-salesforce" },
        { field: "Title", source: "manual" },
      ]),
    );
  });

  it("MAP-5: a rep's edit of a field wins over a mapped value still waiting to go, now and later", async () => {
    const { db } = bed.database;
    await linkedContacts(db);
    const ada = (await listEnrichment(db, {})).rows.find((row) => row.name === "Lovelace")!;
    // Auto-overwrite queued Tandem's title while push was off; then a rep sets another one.
    await mapFields(db, "Contact", [{ tandem: "title", salesforce: "Title", mode: "auto-overwrite" }]);
    await enablePush(db, ["people"]);
    await db.$client.batch(
      fieldWriteStatements(
        [
          {
            recordType: "person",
            recordId: ada.recordId,
            object: "Contact",
            name: "Lovelace",
            field: "Title",
            tandemField: "title",
            from: null,
            to: "VP Sales",
            source: "auto-overwrite",
          },
        ],
        { now: Date.now(), byUserId: null },
      ),
      "write",
    );
    await updateRecord(
      db,
      { type: "person", id: ada.recordId, values: { title: "Chief Revenue Officer" } },
      { id: "user-rep", name: "Rep", email: "rep@example.com" },
      Date.now(),
    );
    await tick();
    await tick();
    expect(contact("ada@analytical.example")?.Title).toBe("Chief Revenue Officer");
    expect(
      await db.select({ source: fieldWrites.source }).from(fieldWrites).where(eq(fieldWrites.field, "Title")),
    ).toEqual([{ source: "rep-edit" }]);
  });

  it("MAP-1: the preview counts writes and records, gives ten examples and warns of values Salesforce refuses", async () => {
    const { db } = bed.database;
    await linkedContacts(db);
    const preview = await previewMapping(db, {
      object: "Contact",
      entries: [
        { tandem: "title", salesforce: "Title", mode: "auto-fill" },
        { tandem: "phone", salesforce: "Phone", mode: "auto-overwrite" },
      ],
    });
    expect(preview).toMatchObject({
      linkedRecords: 3,
      writes: 3,
      records: 2,
      needsConfirmation: false,
      pushEnabled: false,
    });
    expect(preview.byField).toEqual([
      { field: "Phone", label: "Phone", writes: 2 },
      { field: "Title", label: "Title", writes: 1 },
    ]);
    expect(preview.examples.map((example) => [example.name, example.field, example.from, example.to])).toEqual([
      ["Babbage", "Phone", "555 010 0100", "+1 555 010 0177"],
      ["Lovelace", "Title", null, "VP Sales"],
      ["Lovelace", "Phone", "555 010 0100", "+1 555 010 0199"],
    ]);
    expect(preview.warnings).toEqual([]);
  });
});
