import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityLog, prospectImports, prospects } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { listProspects } from "@/server/prospects/list-prospects";
import { listProspectsForExport } from "@/server/prospects/list-prospects-for-export";
import { insertCrmAccount, insertCrmPerson } from "@/server/prospects/testing/crm-records";
import { getImportReport } from "./get-import-report";
import { importProspects } from "./import-prospects";
import { listImports } from "./list-imports";
import { previewImport } from "./preview-import";

let database: TTestDatabase;
const user = { id: "user-ada", name: "Ada" };
const NOW = 1_800_000_000_000;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());

const PEOPLE_CSV = [
  "First Name,Last Name,E-mail,Company,Notes",
  "Jane,Doe,jane@acme.com,Acme,met at expo",
  ",,nobody@acme.com,Acme,",
  "Max,Power,max at globex,Globex,",
  '"Doe, John",,john@initech.com,Initech,"two',
  'lines"',
  "Janet,Doe,JANE@acme.com,Acme,",
  "Ann,Lee,ann@gmail.com,,",
].join("\n");

const peopleMapping = ["firstName", "lastName", "email", "company", "extra"] as const;

describe(`importing prospects on ${testDatabaseKind()}`, () => {
  it("previews without writing: guessed mapping, first rows as they will be imported, counts", async () => {
    const preview = await previewImport(database.db, { fileName: "people.csv", kind: "person", csv: PEOPLE_CSV });
    expect(preview.mapping).toEqual([...peopleMapping]);
    expect(preview.mappingProblem).toBeNull();
    expect(preview).toMatchObject({ totalRows: 6, goodRows: 3, badRowCount: 3, alreadyInCrm: 0 });
    expect(preview.previewRows[0]).toMatchObject({
      line: 2,
      fields: { firstName: "Jane", email: "jane@acme.com" },
      extra: { Notes: "met at expo" },
      problem: null,
    });
    expect(preview.previewRows[1]?.problem?.code).toBe("no-name");
    expect(await database.db.$count(prospects)).toBe(0);
    expect(await database.db.$count(prospectImports)).toBe(0);
  });

  it("imports every good row and reports each bad row with its line, reason and values", async () => {
    const result = await importProspects(
      database.db,
      { fileName: "people.csv", kind: "person", csv: PEOPLE_CSV, mapping: [...peopleMapping] },
      user,
      NOW,
    );
    expect(result.summary).toMatchObject({ totalRows: 6, importedRows: 3, badRows: 3, inCrmRows: 0, createdBy: "Ada" });
    expect(result.badRows.map((row) => [row.line, row.code])).toEqual([
      [3, "no-name"],
      [4, "bad-email"],
      [7, "duplicate-in-file"],
    ]);
    expect(result.badRows[1]).toMatchObject({
      reason: '"max at globex" is not a valid email address.',
      values: { "First Name": "Max", "E-mail": "max at globex" },
    });

    const imported = await database.db.select().from(prospects).orderBy(prospects.name);
    expect(imported.map((row) => [row.name, row.emailNormalized, row.domainNormalized])).toEqual([
      ["Ann Lee", "ann@gmail.com", null],
      ["Doe, John", "john@initech.com", "initech.com"],
      ["Jane Doe", "jane@acme.com", "acme.com"],
    ]);
    expect(imported.find((row) => row.name === "Jane Doe")?.extra).toEqual({ Notes: "met at expo" });

    const stored = await getImportReport(database.db, result.summary.id);
    expect(stored.badRows).toEqual(result.badRows);
    const log = await database.db.select().from(activityLog).where(eq(activityLog.event, "imported"));
    expect(log).toHaveLength(3);
    expect(log.map((entry) => entry.message)).toContain("Imported from people.csv, line 5.");
  });

  it("reports rows that are already prospects and imports only the new ones", async () => {
    const csv = "Name,Email\nJane Again,jane@ACME.com\nNew Person,new@umbrella.com\n";
    const result = await importProspects(
      database.db,
      { fileName: "again.csv", kind: "person", csv, mapping: ["name", "email"] },
      user,
      NOW,
    );
    expect(result.summary).toMatchObject({ importedRows: 1, badRows: 1 });
    expect(result.badRows).toEqual([
      {
        line: 2,
        code: "already-a-prospect",
        reason: "jane@acme.com is already a prospect (Jane Doe).",
        values: { Name: "Jane Again", Email: "jane@ACME.com" },
      },
    ]);
    const [record] = await database.db.select().from(prospectImports).where(eq(prospectImports.id, result.summary.id));
    expect(record).toMatchObject({ importedRows: 1, badRows: 1 });
    expect(record?.report).toHaveLength(1);
  });

  it("refuses a mapping without a name column, with what to do", async () => {
    await expect(
      importProspects(
        database.db,
        { fileName: "x.csv", kind: "person", csv: "Email\na@b.co\n", mapping: ["email"] },
        user,
        NOW,
      ),
    ).rejects.toThrow("Map a column to Full name, First name or Last name");
    await expect(
      importProspects(
        database.db,
        { fileName: "x.csv", kind: "person", csv: "A,B\nx,y\n", mapping: ["name", "name"] },
        user,
        NOW,
      ),
    ).rejects.toThrow('Both "A" and "B" are mapped to Full name.');
  });
});

describe(`PULL-3 on import on ${testDatabaseKind()}`, () => {
  it("PULL-3: an imported person whose email a CRM contact or lead has is marked in CRM, preferring the contact", async () => {
    const lead = await insertCrmPerson(database.db, {
      name: "Zoe Lead",
      email: "zoe@hooli.com",
      kind: "lead",
      createdAt: 1,
    });
    const contact = await insertCrmPerson(database.db, {
      name: "Zoe Contact",
      email: "ZOE@hooli.com",
      kind: "contact",
      createdAt: 2,
    });
    const onlyLead = await insertCrmPerson(database.db, { name: "Leo Lead", email: "leo@hooli.com", kind: "lead" });
    await insertCrmPerson(database.db, { name: "Gone", email: "gone@hooli.com", state: "deleted" });
    const csv = "Name,Email\nZoe,zoe@hooli.com\nLeo,leo@hooli.com\nGone,gone@hooli.com\n";

    const preview = await previewImport(database.db, { fileName: "hooli.csv", kind: "person", csv });
    expect(preview.alreadyInCrm).toBe(2);
    const result = await importProspects(
      database.db,
      { fileName: "hooli.csv", kind: "person", csv, mapping: ["name", "email"] },
      user,
      NOW,
    );
    expect(result.summary.inCrmRows).toBe(2);

    const rows = await database.db
      .select()
      .from(prospects)
      .where(eq(prospects.importId, result.summary.id))
      .orderBy(prospects.name);
    expect(rows.map((row) => [row.name, row.crmRecordType, row.crmRecordId, row.inCrmSince])).toEqual([
      ["Gone", null, null, null],
      ["Leo", "person", onlyLead.id, NOW],
      ["Zoe", "person", contact.id, NOW],
    ]);
    expect(rows.find((row) => row.name === "Zoe")?.crmRecordId).not.toBe(lead.id);
    const zoe = rows.find((row) => row.name === "Zoe");
    const [matched] = await database.db
      .select()
      .from(activityLog)
      .where(and(eq(activityLog.recordId, zoe?.id ?? ""), eq(activityLog.event, "matched-crm")));
    expect(matched?.message).toBe(
      'Already in the CRM: the contact Zoe Contact has the same email (zoe@hooli.com), so this prospect is marked "in CRM".',
    );
  });

  it("PULL-3: an imported company whose web domain a CRM account has is marked in CRM; people at that domain are not", async () => {
    const account = await insertCrmAccount(database.db, {
      name: "Wayne Enterprises",
      website: "https://www.wayne.com",
    });
    const result = await importProspects(
      database.db,
      {
        fileName: "companies.csv",
        kind: "company",
        csv: "Company,Website\nWayne,wayne.com/about\nStark,stark.com\n",
        mapping: ["name", "website"],
      },
      user,
      NOW,
    );
    expect(result.summary.inCrmRows).toBe(1);
    await importProspects(
      database.db,
      { fileName: "bruce.csv", kind: "person", csv: "Name,Email\nBruce,bruce@wayne.com\n", mapping: ["name", "email"] },
      user,
      NOW,
    );
    const wayne = await database.db
      .select()
      .from(prospects)
      .where(eq(prospects.domainNormalized, "wayne.com"))
      .orderBy(prospects.kind);
    expect(wayne.map((row) => [row.kind, row.crmRecordType, row.crmRecordId])).toEqual([
      ["company", "account", account.id],
      ["person", null, null],
    ]);
  });

  it("PULL-3: prospects in the CRM leave the list and the export unless asked for", async () => {
    const listed = await listProspects(database.db, { search: "hooli", sort: "name", direction: "asc" });
    expect(listed.rows.map((row) => row.name)).toEqual(["Gone"]);
    expect(listed.hiddenInCrm).toBe(2);
    const all = await listProspects(database.db, {
      search: "hooli",
      includeInCrm: true,
      sort: "name",
      direction: "asc",
    });
    expect(all.rows.map((row) => [row.name, row.inCrm?.href.split("/")[1] ?? null])).toEqual([
      ["Gone", null],
      ["Leo", "people"],
      ["Zoe", "people"],
    ]);
    const exported = await listProspectsForExport(database.db, { kind: "company" });
    expect(exported.map((row) => row.name)).toEqual(["Stark"]);
    const exportedAll = await listProspectsForExport(database.db, { kind: "company", includeInCrm: true });
    expect(exportedAll.find((row) => row.name === "Wayne")).toMatchObject({
      inCrm: true,
      crmRecordType: "account",
      crmSalesforceId: expect.stringMatching(/^001/),
    });
  });

  it("lists imports with how many of their prospects are in the CRM now", async () => {
    const imports = await listImports(database.db);
    expect(imports.find((entry) => entry.fileName === "hooli.csv")).toMatchObject({ importedRows: 3, inCrmRows: 2 });
  });
});

describe(`a long file on ${testDatabaseKind()}`, () => {
  it("imports 10,000 rows in one go", async () => {
    const lines = ["First Name,Last Name,Email,Company,Title,City"];
    for (let index = 0; index < 10_000; index++)
      lines.push(`Person,${index},person${index}@bulk${index % 50}.com,Bulk ${index % 50},Buyer,Berlin`);
    const result = await importProspects(
      database.db,
      {
        fileName: "bulk.csv",
        kind: "person",
        csv: lines.join("\n"),
        mapping: ["firstName", "lastName", "email", "company", "title", "city"],
      },
      user,
      NOW,
    );
    expect(result.summary).toMatchObject({ totalRows: 10_000, importedRows: 10_000, badRows: 0 });
    expect(await database.db.$count(prospects, eq(prospects.importId, result.summary.id))).toBe(10_000);
  });
});
