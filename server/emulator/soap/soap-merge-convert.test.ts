import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Connection } from "jsforce";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../index";
import { API_VERSION, startWithConnection } from "../test-helpers";

type TMergeResult = {
  success: boolean;
  id: string | null;
  mergedRecordIds: string[];
  updatedRelatedIds: string[];
  errors: Array<{ statusCode: string; message: string }>;
};
type TConvertResult = { success: boolean; contactId: string | null; errors: Array<{ statusCode: string }> };

let emu: RunningEmulator;
let conn: Connection;

beforeAll(async () => {
  ({ emu, conn } = await startWithConnection());
});
afterAll(async () => emu.stop());
beforeEach(async () => emu.reset("empty"));

async function create(object: string, record: Record<string, unknown>): Promise<string> {
  const result = await conn.sobject(object).create(record);
  return result.id!;
}

const merge = (type: string, masterId: string, recordToMergeIds: string[], values: Record<string, unknown> = {}) =>
  conn.soap.merge({ masterRecord: { type, Id: masterId, ...values }, recordToMergeIds }) as Promise<TMergeResult>;

const convert = (leadConvert: Record<string, unknown>) =>
  conn.soap.convertLead(leadConvert as never) as unknown as Promise<TConvertResult>;

async function queryAll<T extends Record<string, unknown>>(soql: string): Promise<T[]> {
  return (await conn.query<T>(soql, { scanAll: true } as never)).records;
}

describe("LeadStatus", () => {
  it("answers the converted-status query with the org's converted status", async () => {
    const result = await conn.query<{ MasterLabel: string }>(
      "SELECT MasterLabel FROM LeadStatus WHERE IsConverted = true LIMIT 1",
    );
    expect(result.records.map((status) => status.MasterLabel)).toEqual(["Closed - Converted"]);
    const all = await conn.query<{ Id: string; ApiName: string; SortOrder: number; IsDefault: boolean }>(
      "SELECT Id, ApiName, SortOrder, IsDefault FROM LeadStatus ORDER BY SortOrder",
    );
    expect(all.records.map((status) => status.ApiName)).toEqual([
      "Open - Not Contacted",
      "Working - Contacted",
      "Closed - Converted",
      "Closed - Not Converted",
    ]);
    expect(all.records.filter((status) => status.IsDefault).map((status) => status.ApiName)).toEqual([
      "Open - Not Contacted",
    ]);
    expect(all.records[0]!.Id).toMatch(/^01J[A-Za-z0-9]{15}$/);
  });

  it("is read-only and has no IsDeleted, as Salesforce describes it", async () => {
    const described = await conn.sobject("LeadStatus").describe();
    expect(described).toMatchObject({ createable: false, updateable: false, deletable: false, keyPrefix: "01J" });
    expect(described.fields.map((field) => field.name)).not.toContain("IsDeleted");
    await expect(conn.sobject("LeadStatus").create({ MasterLabel: "Qualified" })).rejects.toMatchObject({
      errorCode: "INVALID_TYPE_FOR_OPERATION",
    });
  });

  it("the demo org's converted leads carry the status marked IsConverted", async () => {
    const demo = await startEmulator({ seed: "demo" });
    try {
      const tokens = demo.issueTokens();
      const demoConn = new Connection({
        instanceUrl: demo.url,
        accessToken: tokens.access_token,
        version: API_VERSION,
      });
      const [status] = (
        await demoConn.query<{ MasterLabel: string }>(
          "SELECT MasterLabel FROM LeadStatus WHERE IsConverted = true LIMIT 1",
        )
      ).records;
      const converted = await demoConn.query<{ Status: string }>("SELECT Status FROM Lead WHERE IsConverted = true");
      expect(converted.totalSize).toBeGreaterThan(0);
      expect(new Set(converted.records.map((lead) => lead.Status))).toEqual(new Set([status!.MasterLabel]));
    } finally {
      await demo.stop();
    }
  });

  it("an org file saved without LeadStatus rows gets them when it loads", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sf-emulator-"));
    try {
      const file = join(dir, "org.jsonl");
      await (await startEmulator({ seed: "empty", dataFile: file })).stop();
      const lines = (await readFile(file, "utf8")).split("\n").filter((line) => !line.includes('"t":"LeadStatus"'));
      await writeFile(file, lines.join("\n"));
      const loaded = await startEmulator({ seed: "empty", dataFile: file });
      try {
        const statuses = [...loaded.store.requireTable("LeadStatus").byId.values()];
        expect(statuses.filter((status) => status.IsConverted === true).map((status) => status.MasterLabel)).toEqual([
          "Closed - Converted",
        ]);
      } finally {
        await loaded.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("SOAP merge", () => {
  it("DUP-3: refuses a record of another object and more than three records, changing nothing", async () => {
    const master = await create("Contact", { LastName: "Master" });
    const contacts = await Promise.all(["A", "B", "C"].map((name) => create("Contact", { LastName: name })));
    const lead = await create("Lead", { LastName: "Lead", Company: "Acme" });

    const mixed = await merge("Contact", master, [lead]);
    expect(mixed).toMatchObject({ success: false, mergedRecordIds: [] });
    expect(mixed.errors[0]!.statusCode).toBe("MALFORMED_ID");
    const tooMany = await merge("Contact", master, contacts);
    expect(tooMany).toMatchObject({ success: false, errors: [{ statusCode: "LIMIT_EXCEEDED" }] });
    const self = await merge("Contact", master, [master]);
    expect(self.success).toBe(false);

    const deleted = await queryAll<{ Id: string }>("SELECT Id FROM Contact WHERE IsDeleted = true");
    expect(deleted).toEqual([]);
    const leads = await queryAll<{ IsDeleted: boolean }>(`SELECT IsDeleted FROM Lead WHERE Id = '${lead}'`);
    expect(leads).toEqual([expect.objectContaining({ IsDeleted: false })]);
  });

  it("DUP-3: merging accounts moves contacts, opportunities, activities and files to the master", async () => {
    const master = await create("Account", { Name: "Acme Inc" });
    const loser = await create("Account", { Name: "Acme" });
    const contact = await create("Contact", { LastName: "Okafor", AccountId: loser });
    const opportunity = await create("Opportunity", {
      Name: "Renewal",
      StageName: "Prospecting",
      CloseDate: "2027-01-31",
      AccountId: loser,
    });
    const task = await create("Task", { Subject: "Call", WhatId: loser });
    const note = await create("ContentNote", { Title: "Plan", Content: Buffer.from("plan").toString("base64") });
    const link = await create("ContentDocumentLink", { ContentDocumentId: note, LinkedEntityId: loser });

    const result = await merge("Account", master, [loser], { Industry: "Technology" });

    expect(result).toMatchObject({ success: true, id: master, mergedRecordIds: [loser] });
    expect([...result.updatedRelatedIds].sort()).toEqual([contact, opportunity, task, link].sort());
    const [merged] = await queryAll<{ IsDeleted: boolean; MasterRecordId: string }>(
      `SELECT IsDeleted, MasterRecordId FROM Account WHERE Id = '${loser}'`,
    );
    expect(merged).toMatchObject({ IsDeleted: true, MasterRecordId: master });
    const [survivor] = await queryAll<{ Industry: string }>(`SELECT Industry FROM Account WHERE Id = '${master}'`);
    expect(survivor!.Industry).toBe("Technology");
    const [movedTask] = await queryAll<{ WhatId: string; AccountId: string }>(
      `SELECT WhatId, AccountId FROM Task WHERE Id = '${task}'`,
    );
    expect(movedTask).toMatchObject({ WhatId: master, AccountId: master });
    const files = await queryAll<{ Id: string }>(
      `SELECT Id FROM ContentDocumentLink WHERE LinkedEntityId = '${master}'`,
    );
    expect(files.map((file) => file.Id)).toEqual([link]);
  });
});

describe("SOAP convertLead into an existing contact", () => {
  it("fills only the contact's and account's empty fields, and overwrites LeadSource only when asked", async () => {
    const account = await create("Account", { Name: "Acme", Website: "https://acme.com" });
    const contact = await create("Contact", {
      LastName: "Park",
      Email: "jin@acme.com",
      LeadSource: "Web",
      AccountId: account,
    });
    const lead = await create("Lead", {
      LastName: "Park",
      Company: "Acme Corp",
      Email: "jin.park@acme.com",
      Title: "CTO",
      LeadSource: "Partner Referral",
      Website: "https://acme.example",
      Phone: "555-0100",
    });

    const result = await convert({
      accountId: account,
      contactId: contact,
      convertedStatus: "Closed - Converted",
      doNotCreateOpportunity: true,
      leadId: lead,
    });

    expect(result).toMatchObject({ success: true, contactId: contact });
    const [kept] = await queryAll<Record<string, unknown>>(
      `SELECT Email, Title, LeadSource, AccountId FROM Contact WHERE Id = '${contact}'`,
    );
    expect(kept).toMatchObject({ Email: "jin@acme.com", Title: "CTO", LeadSource: "Web", AccountId: account });
    const [filled] = await queryAll<Record<string, unknown>>(
      `SELECT Name, Website, Phone FROM Account WHERE Id = '${account}'`,
    );
    expect(filled).toMatchObject({ Name: "Acme", Website: "https://acme.com", Phone: "555-0100" });
    const [converted] = await queryAll<Record<string, unknown>>(
      `SELECT IsConverted, ConvertedContactId, ConvertedAccountId, ConvertedDate, ConvertedOpportunityId FROM Lead WHERE Id = '${lead}'`,
    );
    expect(converted).toMatchObject({
      IsConverted: true,
      ConvertedContactId: contact,
      ConvertedAccountId: account,
      ConvertedDate: new Date().toISOString().slice(0, 10),
      ConvertedOpportunityId: null,
    });

    const second = await create("Lead", { LastName: "Park", Company: "Acme", LeadSource: "Phone Inquiry" });
    await convert({
      accountId: account,
      contactId: contact,
      convertedStatus: "Closed - Converted",
      doNotCreateOpportunity: true,
      leadId: second,
      overwriteLeadSource: true,
    });
    const [overwritten] = await queryAll<{ LeadSource: string }>(
      `SELECT LeadSource FROM Contact WHERE Id = '${contact}'`,
    );
    expect(overwritten!.LeadSource).toBe("Phone Inquiry");
  });

  it("refuses a status that is not a converted LeadStatus", async () => {
    const account = await create("Account", { Name: "Acme" });
    const contact = await create("Contact", { LastName: "Park", AccountId: account });
    const lead = await create("Lead", { LastName: "Park", Company: "Acme" });
    const result = await convert({
      accountId: account,
      contactId: contact,
      convertedStatus: "Working - Contacted",
      doNotCreateOpportunity: true,
      leadId: lead,
    });
    expect(result).toMatchObject({ success: false, errors: [{ statusCode: "INVALID_STATUS" }] });
    const [untouched] = await queryAll<{ IsConverted: boolean }>(`SELECT IsConverted FROM Lead WHERE Id = '${lead}'`);
    expect(untouched!.IsConverted).toBe(false);
  });
});
