import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { settings } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { readSetting, writeSetting } from "./settings-store";
import { exportWorkspaceSettings, formatWorkspaceSettings, importWorkspaceSettings } from "./workspace-settings";
import { mappingRecheck, prospects } from "@/db/schema";
import type { TOrgPushInfo } from "./setting-keys";

/** What a describe of the org found, as the push's org check stores it. */
const ORG_INFO: TOrgPushInfo = {
  checkedAt: 1,
  orgId: "00D000000000001AAA",
  tandemIdObjects: [],
  enhancedNotes: true,
  opportunityStages: [],
  leadStatuses: [],
  users: [],
  mappableFields: {
    Contact: [
      { name: "Title", label: "Title", type: "string", length: 128, updateable: true, picklistValues: [] },
      { name: "Phone", label: "Business Phone", type: "phone", length: 40, updateable: true, picklistValues: [] },
      { name: "MailingCity", label: "Mailing City", type: "string", length: 40, updateable: true, picklistValues: [] },
      { name: "Name", label: "Full Name", type: "string", length: 121, updateable: false, picklistValues: [] },
    ],
    Lead: [{ name: "Title", label: "Title", type: "string", length: 128, updateable: true, picklistValues: [] }],
    Account: [
      { name: "Phone", label: "Account Phone", type: "phone", length: 40, updateable: true, picklistValues: [] },
    ],
  },
};

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());
beforeEach(async () => {
  await database.db.delete(settings);
  await writeSetting(database.db, "pull.visibility", { Account: true, Contact: true, Lead: false, Opportunity: true });
  await writeSetting(database.db, "push.settings", {
    people: { enabled: true, as: "Lead" },
    accounts: { enabled: true },
    opportunities: { enabled: false },
    activities: { enabled: false },
    tasks: { enabled: true },
    meetings: { enabled: false },
    notes: { enabled: false },
  });
});

/** The stored rows as they are, timestamps included: what "nothing changed" compares. */
function storedRows() {
  return database.db.select().from(settings).orderBy(settings.key);
}

async function importError(document: unknown): Promise<string> {
  const error = await importWorkspaceSettings(database.db, document, { dryRun: false }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toMatchObject({ name: "AppError", code: "BAD_REQUEST" });
  return (error as Error).message;
}

describe(`workspace settings as one document on ${testDatabaseKind()}`, () => {
  it("exports every setting in a fixed key order, with the default mapping (every pair off)", async () => {
    const exported = await exportWorkspaceSettings(database.db);
    expect(exported).toEqual({
      pull: { visible: { Account: true, Contact: true, Lead: false, Opportunity: true } },
      push: {
        people: { enabled: true, as: "Lead" },
        accounts: { enabled: true },
        opportunities: { enabled: false },
        activities: { enabled: false },
        tasks: { enabled: true },
        meetings: { enabled: false },
        notes: { enabled: false },
      },
      mapping: {
        Contact: [
          { tandem: "title", salesforce: "Title", mode: "off" },
          { tandem: "phone", salesforce: "Phone", mode: "off" },
          { tandem: "linkedinUrl", salesforce: "LinkedIn_URL__c", mode: "off" },
          { tandem: "city", salesforce: "MailingCity", mode: "off" },
          { tandem: "country", salesforce: "MailingCountry", mode: "off" },
        ],
        Lead: expect.any(Array),
        Account: expect.any(Array),
      },
    });
    expect(Object.keys(exported)).toEqual(["pull", "push", "mapping"]);
    expect(Object.keys(exported.pull.visible)).toEqual(["Account", "Contact", "Lead", "Opportunity"]);
    expect(Object.keys(exported.push)).toEqual([
      "people",
      "accounts",
      "opportunities",
      "activities",
      "tasks",
      "meetings",
      "notes",
    ]);
    expect(Object.keys(exported.push.people)).toEqual(["enabled", "as"]);
  });

  it("two exports without a change in between are byte-identical, two-space JSON with a final newline", async () => {
    const first = formatWorkspaceSettings(await exportWorkspaceSettings(database.db));
    const second = formatWorkspaceSettings(await exportWorkspaceSettings(database.db));
    expect(second).toBe(first);
    expect(first.endsWith("}\n")).toBe(true);
    expect(first).toContain('\n  "pull": {\n    "visible": {\n      "Account": true,');
  });

  it("exports the defaults when nothing is stored", async () => {
    await database.db.delete(settings);
    const exported = await exportWorkspaceSettings(database.db);
    expect(exported.pull.visible).toEqual({ Account: true, Contact: true, Lead: true, Opportunity: true });
    expect(exported.push.people).toEqual({ enabled: false, as: "Contact" });
  });

  it("importing its own export changes nothing and writes nothing", async () => {
    const before = await storedRows();
    const document: unknown = JSON.parse(formatWorkspaceSettings(await exportWorkspaceSettings(database.db)));
    expect(await importWorkspaceSettings(database.db, document, { dryRun: false })).toEqual({
      changed: [],
      dryRun: false,
    });
    expect(await storedRows()).toEqual(before);
  });

  it("a partial document changes only what it names", async () => {
    const result = await importWorkspaceSettings(
      database.db,
      { push: { people: { enabled: false }, notes: { enabled: true } }, pull: { visible: { Lead: true } } },
      { dryRun: false },
    );
    expect(result).toEqual({
      changed: ["pull.visible.Lead", "push.people.enabled", "push.notes.enabled"],
      dryRun: false,
    });
    expect(await readSetting(database.db, "pull.visibility")).toEqual({
      Account: true,
      Contact: true,
      Lead: true,
      Opportunity: true,
    });
    expect(await readSetting(database.db, "push.settings")).toMatchObject({
      people: { enabled: false, as: "Lead" },
      accounts: { enabled: true },
      tasks: { enabled: true },
      notes: { enabled: true },
    });
  });

  it("a document naming only push leaves the pull setting's row untouched", async () => {
    const [pullBefore] = await database.db.select().from(settings).where(eq(settings.key, "pull.visibility"));
    await importWorkspaceSettings(database.db, { push: { people: { as: "Contact" } } }, { dryRun: false });
    const [pullAfter] = await database.db.select().from(settings).where(eq(settings.key, "pull.visibility"));
    expect(pullAfter).toEqual(pullBefore);
    expect((await readSetting(database.db, "push.settings")).people).toEqual({ enabled: true, as: "Contact" });
  });

  it("a dry run lists the same changes and writes nothing", async () => {
    const before = await storedRows();
    const document = { push: { people: { enabled: false }, meetings: { enabled: true } } };
    const dry = await importWorkspaceSettings(database.db, document, { dryRun: true });
    expect(dry).toEqual({ changed: ["push.people.enabled", "push.meetings.enabled"], dryRun: true });
    expect(await storedRows()).toEqual(before);
    const real = await importWorkspaceSettings(database.db, document, { dryRun: false });
    expect(real.changed).toEqual(dry.changed);
  });

  it("refuses an unknown key, naming its path and the keys expected, and changes nothing", async () => {
    const before = await storedRows();
    const message = await importError({ push: { peple: { enabled: true }, accounts: { enabled: false } } });
    expect(message).toContain(
      "push.peple: unknown key; expected one of people, accounts, opportunities, activities, tasks, meetings, notes",
    );
    expect(await storedRows()).toEqual(before);
  });

  it("quotes a key that is blank or not a plain name, so the reason never names an empty path", async () => {
    const message = await importError({ " ": {}, push: { "people.x": true } });
    expect(message).toContain('[" "]: unknown key; expected one of pull, push, mapping');
    expect(message).toContain('push["people.x"]: unknown key');
  });

  it("lists every problem at once: wrong types, bad values, unknown keys", async () => {
    const before = await storedRows();
    const message = await importError({
      pull: { visible: { Lead: "yes" } },
      push: { people: { as: "Account" }, tasks: { enabled: 1, when: "now" } },
      extra: true,
    });
    expect(message).toContain("pull.visible.Lead: ");
    expect(message).toContain("expected boolean");
    expect(message).toContain("push.people.as: ");
    expect(message).toContain("push.tasks.enabled: ");
    expect(message).toContain("push.tasks.when: unknown key; expected one of enabled");
    expect(message).toContain("extra: unknown key; expected one of pull, push, mapping");
    expect(message.split("\n").filter((line) => line.startsWith("  "))).toHaveLength(5);
    expect(await storedRows()).toEqual(before);
  });

  it("MAP-1: validates a mapping's shape, listing every problem", async () => {
    const before = await storedRows();
    const badShape = await importError({
      mapping: { Contact: [{ tandem: "title", salesforce: "Title", mode: "sometimes" }], Opportunity: [] },
    });
    expect(badShape).toContain("mapping.Contact[0].mode: use one of off, auto-fill, auto-overwrite");
    expect(badShape).toContain("mapping.Opportunity: unknown key; expected one of Contact, Lead, Account");
    expect(await storedRows()).toEqual(before);
  });

  it("MAP-1: refuses a mapping while the org's fields were never read, saying what to do", async () => {
    const before = await storedRows();
    const message = await importError({
      push: { people: { enabled: false } },
      mapping: { Contact: [{ tandem: "title", salesforce: "Title", mode: "auto-fill" }] },
    });
    expect(message).toContain("mapping.Contact: Tandem has not read this org's fields yet");
    expect(await storedRows()).toEqual(before);
  });

  it("MAP-1: refuses unknown, read-only and incompatible fields, and changes nothing", async () => {
    await writeSetting(database.db, "salesforce.pushInfo", ORG_INFO);
    const before = await storedRows();
    const message = await importError({
      push: { tasks: { enabled: false } },
      mapping: {
        Contact: [
          { tandem: "title", salesforce: "Titel__c", mode: "auto-fill" },
          { tandem: "title", salesforce: "Name", mode: "auto-fill" },
          { tandem: "title", salesforce: "Phone", mode: "auto-overwrite" },
          { tandem: "shoeSize", salesforce: "Title", mode: "off" },
        ],
      },
    });
    expect(message).toContain("mapping.Contact[0]: Contact has no field Titel__c in Salesforce");
    expect(message).toContain("mapping.Contact[1]: Contact.Name identifies the record");
    expect(message).toContain(
      "mapping.Contact[2]: Contact.Phone is a phone field; Job title (text) fits string, textarea",
    );
    expect(message).toContain("mapping.Contact[3]: shoeSize is not a Tandem field of people");
    expect(await storedRows()).toEqual(before);
  });

  it("MAP-1: a list replaces that object's mapping, queues linked records for the next pull, and exports back", async () => {
    await writeSetting(database.db, "salesforce.pushInfo", ORG_INFO);
    await database.db.delete(mappingRecheck);
    await database.db.delete(prospects);
    await database.db.insert(prospects).values({
      id: "pr1",
      kind: "person",
      name: "Ada Lovelace",
      extra: {},
      source: "import",
      crmRecordType: "person",
      crmRecordId: "person-1",
      createdAt: 1,
      updatedAt: 1,
    });
    const mapping = {
      Contact: [
        { tandem: "title", salesforce: "Title", mode: "auto-fill" },
        { tandem: "phone", salesforce: "Phone", mode: "auto-overwrite" },
      ],
    };
    const dry = await importWorkspaceSettings(database.db, { mapping }, { dryRun: true });
    expect(dry.changed).toEqual(expect.arrayContaining(["mapping.Contact"]));
    expect(await database.db.select().from(mappingRecheck)).toEqual([]);

    await importWorkspaceSettings(database.db, { mapping }, { dryRun: false });
    const exported = await exportWorkspaceSettings(database.db);
    expect(exported.mapping.Contact).toEqual(mapping.Contact);
    expect(exported.mapping.Account).toEqual([{ tandem: "phone", salesforce: "Phone", mode: "off" }]);
    expect(await database.db.select({ id: mappingRecheck.recordId }).from(mappingRecheck)).toEqual([
      { id: "person-1" },
    ]);
    // Importing the export again changes nothing.
    const again = await importWorkspaceSettings(database.db, JSON.parse(formatWorkspaceSettings(exported)), {
      dryRun: false,
    });
    expect(again.changed).toEqual([]);
  });

  it.each([
    ["null", null],
    ["an array", [{ push: {} }]],
    ["a string", "push.people.enabled=true"],
    ["a number", 42],
    ["a nested array", { push: [] }],
    ["a null section", { pull: { visible: null } }],
  ])("refuses %s cleanly", async (_label, document) => {
    const before = await storedRows();
    const message = await importError(document);
    expect(message).toMatch(/^The settings document was not imported; nothing changed:\n {2}\S/);
    expect(await storedRows()).toEqual(before);
  });

  it("an empty document is valid and changes nothing", async () => {
    expect(await importWorkspaceSettings(database.db, {}, { dryRun: false })).toEqual({ changed: [], dryRun: false });
  });
});
