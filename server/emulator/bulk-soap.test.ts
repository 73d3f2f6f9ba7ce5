import type { Connection } from "jsforce";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { API_VERSION, dataPath, raw, startWithConnection } from "./test-helpers";

type ConvertResult = {
  success: boolean;
  accountId: string | null;
  contactId: string | null;
  opportunityId: string | null;
};

let emu: RunningEmulator;
let conn: Connection;
let token: string;

beforeAll(async () => {
  ({ emu, conn } = await startWithConnection());
  token = conn.accessToken!;
  const [acct] = await conn.sobject("Account").create([{ Name: "Bulk Co" }]);
  await conn
    .sobject("Contact")
    .create(
      Array.from({ length: 25 }, (_, i) => ({ LastName: `Bulk ${i}`, Email: `b${i}@bulk.co`, AccountId: acct!.id })),
    );
});
afterAll(async () => emu.stop());

describe("Bulk API 2.0 query", () => {
  it("runs through jsforce's bulk2 client", async () => {
    const records = await (
      await conn.bulk2.query("SELECT Id, LastName, Account.Name FROM Contact WHERE LastName LIKE 'Bulk%'")
    ).toArray();
    expect(records).toHaveLength(25);
    expect(records[0]).toMatchObject({ "Account.Name": "Bulk Co" });
  });

  it("creates, polls and pages CSV results with Sforce-Locator (null on the last page)", async () => {
    const created = await raw(
      emu,
      token,
      "POST",
      dataPath("/jobs/query"),
      JSON.stringify({ operation: "query", query: "SELECT Id, LastName, CreatedDate FROM Contact ORDER BY LastName" }),
    );
    expect(created.status).toBe(200);
    const job = created.json() as Record<string, unknown>;
    expect(job).toMatchObject({
      operation: "query",
      object: "Contact",
      state: "UploadComplete",
      concurrencyMode: "Parallel",
      contentType: "CSV",
      apiVersion: Number(API_VERSION),
      lineEnding: "LF",
      columnDelimiter: "COMMA",
    });
    expect(job.id).toMatch(/^750[A-Za-z0-9]{15}$/);
    const poll = await raw(emu, token, "GET", dataPath(`/jobs/query/${job.id as string}`));
    expect(poll.json()).toMatchObject({ state: "JobComplete", jobType: "V2Query", numberRecordsProcessed: 25 });
    const page1 = await raw(emu, token, "GET", dataPath(`/jobs/query/${job.id as string}/results?maxRecords=10`));
    expect(page1.headers.get("content-type")).toBe("text/csv");
    expect(page1.headers.get("sforce-numberofrecords")).toBe("10");
    const locator = page1.headers.get("sforce-locator")!;
    expect(locator).not.toBe("null");
    const lines = page1.text.trimEnd().split("\n");
    expect(lines[0]).toBe('"Id","LastName","CreatedDate"');
    expect(lines[1]).toMatch(/^"003[A-Za-z0-9]{15}","Bulk 0","\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"$/);
    let next = locator;
    let total = 10;
    while (next !== "null") {
      const page = await raw(
        emu,
        token,
        "GET",
        dataPath(`/jobs/query/${job.id as string}/results?locator=${next}&maxRecords=10`),
      );
      total += Number(page.headers.get("sforce-numberofrecords"));
      next = page.headers.get("sforce-locator")!;
    }
    expect(total).toBe(25);
    const del = await raw(emu, token, "DELETE", dataPath(`/jobs/query/${job.id as string}`));
    expect(del.status).toBe(204);
    const gone = await raw(emu, token, "GET", dataPath(`/jobs/query/${job.id as string}`));
    expect(gone.status).toBe(404);
  });

  it("queryAll jobs include deleted rows; bad SOQL is refused at creation", async () => {
    const { id } = await conn.sobject("Contact").create({ LastName: "Bulk deleted" });
    await conn.sobject("Contact").destroy(id!);
    const records = await (
      await conn.bulk2.query("SELECT Id, IsDeleted FROM Contact WHERE LastName = 'Bulk deleted'", { scanAll: true })
    ).toArray();
    expect(records).toEqual([{ Id: id, IsDeleted: "true" }]);
    const bad = await raw(
      emu,
      token,
      "POST",
      dataPath("/jobs/query"),
      JSON.stringify({ operation: "query", query: "SELECT Nope FROM Contact" }),
    );
    expect(bad.status).toBe(400);
    expect((bad.json() as { errorCode: string }[])[0]!.errorCode).toBe("INVALID_FIELD");
  });
});

describe("SOAP merge and convertLead", () => {
  it("merges contacts: losers deleted with MasterRecordId, children moved to the master", async () => {
    const [m, l1, l2] = await conn
      .sobject("Contact")
      .create([{ LastName: "Master" }, { LastName: "Loser1" }, { LastName: "Loser2" }]);
    const task = await conn.sobject("Task").create({ Subject: "Call", WhoId: l1!.id });
    const result = await conn.soap.merge({
      masterRecord: { type: "Contact", Id: m!.id!, Title: "Merged" } as never,
      recordToMergeIds: [l1!.id!, l2!.id!],
    });
    expect(result).toMatchObject({
      id: m!.id,
      success: true,
      mergedRecordIds: [l1!.id, l2!.id],
      updatedRelatedIds: [task.id],
    });
    const losers = await conn.query<{ Id: string; IsDeleted: boolean; MasterRecordId: string }>(
      `SELECT Id, IsDeleted, MasterRecordId FROM Contact WHERE Id IN ('${l1!.id}', '${l2!.id}')`,
      { scanAll: true } as never,
    );
    expect(losers.records.every((r) => r.IsDeleted && r.MasterRecordId === m!.id)).toBe(true);
    const moved = (await conn.sobject("Task").retrieve(task.id!)) as unknown as { WhoId: string };
    expect(moved.WhoId).toBe(m!.id);
    const master = (await conn.sobject("Contact").retrieve(m!.id!)) as unknown as { Title: string };
    expect(master.Title).toBe("Merged");
  });

  it("converts a lead: new account, contact and opportunity; the lead is IsConverted", async () => {
    const lead = await conn
      .sobject("Lead")
      .create({ FirstName: "Lee", LastName: "Convert", Company: "Convert Co", Email: "lee@convert.co" });
    const result = (await conn.soap.convertLead({
      leadId: lead.id!,
      convertedStatus: "Closed - Converted",
      doNotCreateOpportunity: false,
    } as never)) as unknown as ConvertResult;
    expect(result.success).toBe(true);
    expect(result.accountId).toMatch(/^001/);
    expect(result.contactId).toMatch(/^003/);
    expect(result.opportunityId).toMatch(/^006/);
    const converted = (await conn.sobject("Lead").retrieve(lead.id!)) as unknown as Record<string, unknown>;
    expect(converted).toMatchObject({
      IsConverted: true,
      ConvertedContactId: result.contactId,
      ConvertedAccountId: result.accountId,
      Status: "Closed - Converted",
    });
    const contact = (await conn.sobject("Contact").retrieve(result.contactId!)) as unknown as Record<string, unknown>;
    expect(contact).toMatchObject({ Email: "lee@convert.co", AccountId: result.accountId });
    await expect(conn.sobject("Lead").update({ Id: lead.id!, Title: "x" })).rejects.toMatchObject({
      errorCode: "CANNOT_UPDATE_CONVERTED_LEAD",
    });
    const again = (await conn.soap.convertLead({
      leadId: lead.id!,
      convertedStatus: "Closed - Converted",
      doNotCreateOpportunity: true,
    } as never)) as unknown as ConvertResult;
    expect(again.success).toBe(false);
    expect(again.opportunityId).toBeNull();
  });

  it("a bad session is the fault jsforce refreshes on; a DTD or broken XML is a client fault", async () => {
    const post = (body: string) =>
      fetch(`${emu.url}/services/Soap/u/${API_VERSION}`, {
        method: "POST",
        headers: { "Content-Type": "text/xml", SOAPAction: '""' },
        body,
      });
    const badSession = await post(
      `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header><SessionHeader xmlns="urn:partner.soap.sforce.com"><sessionId>nope</sessionId></SessionHeader></soapenv:Header><soapenv:Body><merge xmlns="urn:partner.soap.sforce.com"/></soapenv:Body></soapenv:Envelope>`,
    );
    expect(badSession.status).toBe(500);
    expect(await badSession.text()).toMatch(/<faultcode>sf:INVALID_SESSION_ID<\/faultcode>/);
    const dtd = await post(
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>&e;</soapenv:Body></soapenv:Envelope>`,
    );
    expect(dtd.status).toBe(500);
    expect(await dtd.text()).toContain("<faultcode>soapenv:Client</faultcode>");
    const broken = await post("<soapenv:Envelope><oops>");
    expect(broken.status).toBe(500);
    const text = await broken.text();
    expect(text).toContain("<faultcode>soapenv:Client</faultcode>");
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });
});
