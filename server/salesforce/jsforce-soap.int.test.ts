import { describe, expect, it } from "vitest";
import { salesforceConnection } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { emulatorAdmin } from "@/server/sync/testing/emulator-connection";
import { setUpSyncTestBed } from "@/server/sync/testing/test-bed";
import { openSalesforce } from "./open-connection";
import type { SalesforcePort } from "./port";
import { adminConnection } from "./testing/admin-connection";

const bed = setUpSyncTestBed();

async function open(): Promise<SalesforcePort> {
  return openSalesforce(bed.database.db);
}

async function create(object: string, record: Record<string, unknown>): Promise<string> {
  const result = await adminConnection(bed.emulator).sobject(object).create(record);
  if (!result.success || !result.id) throw new Error(`could not create a ${object}`);
  return result.id;
}

async function readAll(port: SalesforcePort, soql: string) {
  return (await port.queryAll(soql)).records;
}

/** Runs `work` and reports how many API calls it cost through the port. */
async function counting<T>(port: SalesforcePort, work: () => Promise<T>): Promise<{ result: T; calls: number }> {
  const before = port.apiCalls;
  const result = await work();
  return { result, calls: port.apiCalls - before };
}

describe(`SOAP merge and convertLead through the port on ${testDatabaseKind()}`, () => {
  it("DUP-3: a SOAP merge marks the loser with MasterRecordId and applies the values the master keeps", async () => {
    const master = await create("Contact", { LastName: "Rivera", Email: "ana@acme.com", Phone: "555-0100" });
    const loser = await create("Contact", { LastName: "Rivera", Email: "ana.rivera@acme.com", Title: "VP Sales" });
    const task = await create("Task", { Subject: "Intro call", WhoId: loser });
    const port = await open();

    const { result, calls } = await counting(port, () =>
      port.mergeRecords({
        object: "Contact",
        masterId: master,
        mergeIds: [loser],
        masterValues: { Title: "VP Sales", Phone: null },
      }),
    );

    expect(result).toEqual({ ok: true, mergedIds: [loser], updatedRelatedIds: [task] });
    expect(calls).toBe(1);
    const [merged] = await readAll(port, `SELECT Id, IsDeleted, MasterRecordId FROM Contact WHERE Id = '${loser}'`);
    expect(merged).toMatchObject({ IsDeleted: true, MasterRecordId: master });
    const [survivor] = await readAll(
      port,
      `SELECT Id, IsDeleted, Email, Title, Phone FROM Contact WHERE Id = '${master}'`,
    );
    expect(survivor).toMatchObject({ IsDeleted: false, Email: "ana@acme.com", Title: "VP Sales", Phone: null });
    const [moved] = await readAll(port, `SELECT Id, WhoId FROM Task WHERE Id = '${task}'`);
    expect(moved?.WhoId).toBe(master);
  });

  it("DUP-3: a SOAP merge of three accounts moves their contacts and opportunities to the survivor", async () => {
    const master = await create("Account", { Name: "Acme Inc" });
    const second = await create("Account", { Name: "Acme" });
    const third = await create("Account", { Name: "ACME Incorporated" });
    const contact = await create("Contact", { LastName: "Okafor", Email: "chi@acme.com", AccountId: second });
    const opportunity = await create("Opportunity", {
      Name: "Acme renewal",
      StageName: "Prospecting",
      CloseDate: "2027-01-31",
      AccountId: third,
    });
    const port = await open();

    const outcome = await port.mergeRecords({ object: "Account", masterId: master, mergeIds: [second, third] });

    expect(outcome).toMatchObject({ ok: true, mergedIds: [second, third] });
    expect(outcome.ok && [...outcome.updatedRelatedIds].sort()).toEqual([contact, opportunity].sort());
    const losers = await readAll(
      port,
      `SELECT Id, IsDeleted, MasterRecordId FROM Account WHERE Id IN ('${second}', '${third}') ORDER BY Id`,
    );
    expect(losers).toHaveLength(2);
    expect(losers.every((account) => account.IsDeleted === true && account.MasterRecordId === master)).toBe(true);
    const [movedContact] = await readAll(port, `SELECT Id, AccountId FROM Contact WHERE Id = '${contact}'`);
    const [movedOpportunity] = await readAll(port, `SELECT Id, AccountId FROM Opportunity WHERE Id = '${opportunity}'`);
    expect(movedContact?.AccountId).toBe(master);
    expect(movedOpportunity?.AccountId).toBe(master);
  });

  it("DUP-3: refuses mixed objects, more than three records and the master among the losers without an API call", async () => {
    const contact = await create("Contact", { LastName: "Chen", Email: "li@acme.com" });
    const other = await create("Contact", { LastName: "Chen", Email: "li.chen@acme.com" });
    const account = await create("Account", { Name: "Acme" });
    const lead = await create("Lead", { LastName: "Chen", Company: "Acme", Email: "li@acme.io" });
    const port = await open();

    const { result, calls } = await counting(port, () =>
      Promise.all([
        port.mergeRecords({ object: "Contact", masterId: contact, mergeIds: [account] }),
        port.mergeRecords({ object: "Contact", masterId: contact, mergeIds: [lead] }),
        port.mergeRecords({ object: "Contact", masterId: contact, mergeIds: [other, other, other] }),
        port.mergeRecords({ object: "Contact", masterId: contact, mergeIds: [] }),
        port.mergeRecords({ object: "Contact", masterId: contact, mergeIds: [other, contact] }),
      ]),
    );

    expect(calls).toBe(0);
    expect(result.map((outcome) => (outcome.ok ? "ok" : outcome.error.salesforceCode))).toEqual([
      "MERGE_WRONG_OBJECT",
      "MERGE_WRONG_OBJECT",
      "MERGE_TOO_MANY_RECORDS",
      "MERGE_NO_RECORDS",
      "MERGE_REPEATED_RECORD",
    ]);
    for (const outcome of result) expect(outcome.ok || outcome.error.retryable).toBe(false);
    const live = await readAll(port, `SELECT Id FROM Contact WHERE IsDeleted = false`);
    expect(live).toHaveLength(2);
  });

  it("DUP-3: an unknown or already merged record comes back as Salesforce's refusal, not a thrown error", async () => {
    const master = await create("Contact", { LastName: "Novak", Email: "eva@acme.com" });
    const loser = await create("Contact", { LastName: "Novak", Email: "e.novak@acme.com" });
    const port = await open();

    const unknown = await port.mergeRecords({ object: "Contact", masterId: master, mergeIds: ["0035g0000099999"] });
    expect(unknown).toMatchObject({ ok: false, error: { salesforceCode: "NOT_FOUND", retryable: false } });
    expect(!unknown.ok && unknown.error.message).toMatch(/NOT_FOUND.*does not exist/);

    expect((await port.mergeRecords({ object: "Contact", masterId: master, mergeIds: [loser] })).ok).toBe(true);
    const again = await port.mergeRecords({ object: "Contact", masterId: master, mergeIds: [loser] });
    expect(again).toMatchObject({ ok: false, error: { salesforceCode: "ENTITY_IS_DELETED", retryable: false } });
  });

  it("converts a lead into an existing contact, finding the converted status once per port", async () => {
    const account = await create("Account", { Name: "Acme" });
    const contact = await create("Contact", { LastName: "Park", Email: "jin@acme.com", AccountId: account });
    const lead = await create("Lead", {
      LastName: "Park",
      Company: "Acme",
      Email: "jin.park@acme.com",
      Title: "CTO",
    });
    const port = await open();

    const first = await counting(port, () =>
      port.convertLead({ leadId: lead, contactId: contact, accountId: account }),
    );

    expect(first.result).toEqual({ ok: true, contactId: contact, accountId: account });
    expect(first.calls).toBe(2);
    const [converted] = await readAll(
      port,
      `SELECT Id, IsConverted, Status, ConvertedContactId, ConvertedAccountId, ConvertedOpportunityId, ConvertedDate FROM Lead WHERE Id = '${lead}'`,
    );
    expect(converted).toMatchObject({
      IsConverted: true,
      Status: "Closed - Converted",
      ConvertedContactId: contact,
      ConvertedAccountId: account,
      ConvertedOpportunityId: null,
      ConvertedDate: new Date().toISOString().slice(0, 10),
    });
    const contacts = await readAll(port, "SELECT Id, Email, Title FROM Contact");
    expect(contacts).toEqual([expect.objectContaining({ Id: contact, Email: "jin@acme.com", Title: "CTO" })]);
    expect(await readAll(port, "SELECT Id FROM Opportunity")).toEqual([]);

    const second = await create("Lead", { LastName: "Park", Company: "Acme", Email: "jp@acme.com" });
    const next = await counting(port, () =>
      port.convertLead({ leadId: second, contactId: contact, accountId: account }),
    );
    expect(next).toMatchObject({ result: { ok: true }, calls: 1 });
    const again = await port.convertLead({ leadId: lead, contactId: contact, accountId: account });
    expect(again).toMatchObject({ ok: false, error: { salesforceCode: "CANNOT_UPDATE_CONVERTED_LEAD" } });
  });

  it("refreshes an expired session on a SOAP call, replays it and stores the new token", async () => {
    const master = await create("Lead", { LastName: "Ito", Company: "Acme", Email: "ken@acme.com" });
    const loser = await create("Lead", { LastName: "Ito", Company: "Acme Co", Email: "k.ito@acme.com" });
    const [before] = await bed.database.db.select().from(salesforceConnection);
    const port = await open();
    await emulatorAdmin(bed.emulator, "expire-tokens");

    const { result, calls } = await counting(port, () =>
      port.mergeRecords({ object: "Lead", masterId: master, mergeIds: [loser] }),
    );
    await port.flush();

    expect(result).toMatchObject({ ok: true, mergedIds: [loser] });
    expect(calls).toBe(2);
    const [after] = await bed.database.db.select().from(salesforceConnection);
    expect(after?.accessTokenEncrypted).not.toBe(before?.accessTokenEncrypted);
    expect(after?.status).toBe("connected");
  });

  it("throws a connection-broken error when the session cannot be refreshed", async () => {
    const master = await create("Contact", { LastName: "Silva", Email: "rui@acme.com" });
    const loser = await create("Contact", { LastName: "Silva", Email: "r.silva@acme.com" });
    const port = await open();
    for (const token of [...bed.emulator.org.tokens.refresh.keys()]) bed.emulator.org.tokens.revoke(token);
    await emulatorAdmin(bed.emulator, "expire-tokens");

    await expect(port.mergeRecords({ object: "Contact", masterId: master, mergeIds: [loser] })).rejects.toMatchObject({
      name: "SalesforceError",
      connectionBroken: true,
    });
  });
});
