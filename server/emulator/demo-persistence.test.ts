import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Connection } from "jsforce";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "./index";
import { API_VERSION, dataPath, raw, refreshingConnection } from "./test-helpers";

describe("demo org", () => {
  let emu: RunningEmulator;
  let conn: Connection;

  beforeAll(async () => {
    emu = await startEmulator({ seed: "demo" });
    const tokens = (await (await fetch(`${emu.url}/__emulator/tokens`, { method: "POST" })).json()) as {
      access_token: string;
      instance_url: string;
    };
    conn = new Connection({ instanceUrl: tokens.instance_url, accessToken: tokens.access_token, version: API_VERSION });
  });
  afterAll(async () => emu.stop());

  const count = async (soql: string) => (await conn.query(soql)).totalSize;

  // How fast it seeds is the emulator bench's business (server/emulator/bench.ts), not a test's.
  it("seeds a believable small company", async () => {
    expect(await count("SELECT COUNT() FROM Account")).toBe(300);
    expect(await count("SELECT COUNT() FROM Contact")).toBe(2000);
    expect(await count("SELECT COUNT() FROM Lead")).toBe(500);
    expect(await count("SELECT COUNT() FROM Opportunity")).toBe(400);
    expect(await count("SELECT COUNT() FROM Task")).toBeGreaterThan(0);
    expect(await count("SELECT COUNT() FROM Event")).toBeGreaterThan(0);
  });

  it("is deterministic", async () => {
    const names = async () =>
      (await conn.query<{ Id: string; Name: string }>("SELECT Id, Name FROM Contact ORDER BY Id LIMIT 50")).records.map(
        (r) => `${r.Id}:${r.Name}`,
      );
    const first = await names();
    await emu.reset("demo");
    expect(await names()).toEqual(first);
  });

  it("has the hard cases", async () => {
    expect(
      await count(
        "SELECT COUNT() FROM Contact WHERE (FirstName = 'Jon' OR FirstName = 'Jonathan') AND LastName = 'Smith' AND Account.Name = 'Acme Inc'",
      ),
    ).toBe(2);
    const acme = await conn.query<{ Name: string; Website: string }>(
      "SELECT Name, Website FROM Account WHERE Name LIKE 'acme%'",
    );
    expect(acme.records.map((r) => r.Name).sort()).toEqual(["ACME, Incorporated", "Acme Inc"]);
    expect(acme.records.every((r) => r.Website.includes("acme.com"))).toBe(true);
    expect(await count("SELECT COUNT() FROM Account WHERE Name = 'Globex Corporation'")).toBe(2);
    const converted = await conn.query<{ ConvertedContactId: string; ConvertedAccountId: string; Email: string }>(
      "SELECT ConvertedContactId, ConvertedAccountId, Email FROM Lead WHERE IsConverted = true",
    );
    expect(converted.totalSize).toBeGreaterThanOrEqual(10);
    const target = (await conn.sobject("Contact").retrieve(converted.records[0]!.ConvertedContactId)) as unknown as {
      Email: string;
      AccountId: string;
    };
    expect(target.AccountId).toBe(converted.records[0]!.ConvertedAccountId);
    const openLeads = await conn.query<{ Email: string }>(
      "SELECT Email FROM Lead WHERE IsConverted = false AND Email != null",
    );
    const contactEmails = new Set(
      (
        await conn
          .query<{ Email: string }>("SELECT Email FROM Contact WHERE Email != null")
          .autoFetch(true)
          .maxFetch(5000)
          .execute()
      ).records.map((r) => r.Email),
    );
    expect(openLeads.records.filter((l) => contactEmails.has(l.Email)).length).toBeGreaterThanOrEqual(10);
  });

  it("has a recycle bin with deleted and merged-away contacts, visible to queryAll only", async () => {
    const deleted = await conn.query<{ MasterRecordId: string | null }>(
      "SELECT Id, MasterRecordId FROM Contact WHERE IsDeleted = true",
      { scanAll: true } as never,
    );
    expect(deleted.totalSize).toBe(8);
    expect(deleted.records.filter((r) => r.MasterRecordId !== null)).toHaveLength(3);
    expect(await count("SELECT COUNT() FROM Contact WHERE IsDeleted = true")).toBe(0);
  });

  it("has records that break a validation rule on their next update", async () => {
    const broken = await conn.query<{ Id: string }>(
      "SELECT Id FROM Opportunity WHERE StageName = 'Closed Won' AND Amount = null",
    );
    expect(broken.totalSize).toBeGreaterThan(0);
    await expect(
      conn.sobject("Opportunity").update({ Id: broken.records[0]!.Id, NextStep: "Invoice" }),
    ).rejects.toMatchObject({ errorCode: "FIELD_CUSTOM_VALIDATION_EXCEPTION" });
    const unreachable = await conn.query<{ Id: string }>(
      "SELECT Id FROM Contact WHERE Email = null AND Phone = null AND MobilePhone = null",
    );
    expect(unreachable.totalSize).toBeGreaterThan(0);
  });

  it("rejects a rep's edits that break its validation rules, with the rule's message and field", async () => {
    const token = conn.accessToken!;
    const errorOf = (res: { status: number; json: () => unknown }) => {
      expect(res.status).toBe(400);
      return (res.json() as unknown[])[0];
    };
    const opp = await conn.query<{ Id: string }>(
      "SELECT Id FROM Opportunity WHERE Amount != null AND StageName != 'Closed Won' LIMIT 1",
    );
    const oppPath = dataPath(`/sobjects/Opportunity/${opp.records[0]!.Id}`);
    const amountError = {
      errorCode: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
      message: "Amount must be greater than zero.",
      fields: ["Amount"],
    };
    expect(errorOf(await raw(emu, token, "PATCH", oppPath, JSON.stringify({ Amount: 0 })))).toEqual(amountError);
    expect(errorOf(await raw(emu, token, "PATCH", oppPath, JSON.stringify({ Amount: -250 })))).toEqual(amountError);
    // A blank Amount is not "<= 0": only Closed_Won_Requires_Amount cares about it.
    expect((await raw(emu, token, "PATCH", oppPath, JSON.stringify({ Amount: null }))).status).toBe(204);

    const webContact = { LastName: "Visitor", LeadSource: "Web", Phone: "555-0100" };
    const created = await raw(emu, token, "POST", dataPath("/sobjects/Contact"), JSON.stringify(webContact));
    expect(errorOf(created)).toEqual({
      errorCode: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
      message: "Contacts from the web need an email address.",
      fields: ["Email"],
    });
    const withEmail = await conn.sobject("Contact").create({ ...webContact, Email: "visitor@web-rule.example" });
    expect(withEmail.success).toBe(true);
    await expect(conn.sobject("Contact").update({ Id: withEmail.id!, Email: null })).rejects.toMatchObject({
      errorCode: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
      message: "Contacts from the web need an email address.",
    });
    const rules = (await (await fetch(`${emu.url}/__emulator/rules`)).json()) as { validation: { name: string }[] };
    expect(rules.validation.map((r) => r.name).sort()).toEqual([
      "Amount_Must_Be_Positive",
      "Closed_Won_Requires_Amount",
      "Contact_Requires_Email_Or_Phone",
      "Web_Contacts_Need_Email",
    ]);
  });

  it("has enhanced notes linked to contacts", async () => {
    expect(await count("SELECT COUNT() FROM ContentNote")).toBe(20);
    expect(await count("SELECT COUNT() FROM ContentDocumentLink")).toBe(20);
  });

  it("has outbound-message rules ready to enable", async () => {
    const body = (await (await fetch(`${emu.url}/__emulator/outbound-messages`)).json()) as {
      rules: { object: string; active: boolean }[];
    };
    expect(body.rules.map((r) => r.object).sort()).toEqual(["Account", "Contact", "Lead", "Opportunity"]);
    expect(body.rules.every((r) => !r.active)).toBe(true);
  });
});

describe("an org without enhanced notes", () => {
  let emu: RunningEmulator;
  let token: string;

  beforeAll(async () => {
    emu = await startEmulator({ seed: "demo", enhancedNotes: false });
    token = emu.issueTokens().access_token;
  });
  afterAll(async () => emu.stop());

  const firstError = (res: { json: () => unknown }) => (res.json() as { errorCode: string }[])[0]!;

  it("has no ContentNote or ContentDocumentLink in describe; the legacy Note stays", async () => {
    const global = await raw(emu, token, "GET", dataPath("/sobjects"));
    const names = (global.json() as { sobjects: { name: string }[] }).sobjects.map((o) => o.name);
    expect(names).toContain("Note");
    expect(names).not.toContain("ContentNote");
    expect(names).not.toContain("ContentDocumentLink");
    for (const path of ["/sobjects/ContentNote/describe", "/sobjects/ContentDocumentLink", "/sobjects/ContentNote"]) {
      const res = await raw(emu, token, "GET", dataPath(path));
      expect(res.status).toBe(404);
      expect(firstError(res).errorCode).toBe("NOT_FOUND");
    }
    const notes = await raw(emu, token, "GET", dataPath(`/query?q=${encodeURIComponent("SELECT COUNT() FROM Note")}`));
    expect(notes.json()).toMatchObject({ totalSize: 20 });
  });

  it("refuses queries and DML on them with INVALID_TYPE", async () => {
    const query = await raw(
      emu,
      token,
      "GET",
      dataPath(`/query?q=${encodeURIComponent("SELECT Id FROM ContentNote")}`),
    );
    expect(query.status).toBe(400);
    expect(firstError(query).errorCode).toBe("INVALID_TYPE");
    const create = await raw(
      emu,
      token,
      "POST",
      dataPath("/composite/sobjects"),
      JSON.stringify({ records: [{ attributes: { type: "ContentNote" }, Title: "t", Content: "aGk=" }] }),
    );
    expect(create.status).toBe(200);
    expect(create.json()).toMatchObject([{ success: false, errors: [{ statusCode: "INVALID_TYPE" }] }]);
  });
});

describe("--data persistence", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "sf-emulator-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("keeps records, rules and refresh tokens across restarts", async () => {
    const file = join(dir, "org.jsonl");
    const first = await startEmulator({ seed: "empty", dataFile: file, port: 0 });
    const tokens = first.issueTokens();
    const conn = new Connection({ instanceUrl: first.url, accessToken: tokens.access_token, version: API_VERSION });
    const { id } = await conn.sobject("Contact").create({ LastName: "Persisted", Tandem_Id__c: "p-1" });
    first.org.rules.addValidationRule({
      object: "Contact",
      name: "No_Zed",
      condition: "LastName = 'Zed'",
      errorMessage: "No Zed",
    });
    first.org.touch();
    await first.stop();

    const second = await startEmulator({ seed: "demo", dataFile: file, port: 0 });
    try {
      const again = refreshingConnection(second, tokens.refresh_token);
      const rec = (await again.sobject("Contact").retrieve(id!)) as unknown as { LastName: string };
      expect(rec.LastName).toBe("Persisted");
      expect((await again.query("SELECT COUNT() FROM Account")).totalSize).toBe(0);
      await expect(again.sobject("Contact").create({ LastName: "Zed" })).rejects.toMatchObject({
        errorCode: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
      });
      const dup = await again.sobject("Contact").upsert({ Tandem_Id__c: "p-1", LastName: "Again" }, "Tandem_Id__c");
      expect(dup).toMatchObject({ created: false });
    } finally {
      await second.stop();
    }
  });
});

describe("admin API", () => {
  it("bulk-inserts synthetic records and resets", async () => {
    const emu = await startEmulator({ seed: "empty" });
    try {
      const res = await fetch(`${emu.url}/__emulator/records`, {
        method: "POST",
        body: JSON.stringify({ object: "Contact", count: 5000 }),
      });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ object: "Contact", inserted: 5000 });
      expect(emu.store.table("Contact")!.byId.size).toBe(5000);
      const bad = await fetch(`${emu.url}/__emulator/records`, {
        method: "POST",
        body: JSON.stringify({ object: "Contact", count: -1 }),
      });
      expect(bad.status).toBe(400);
      const reset = await fetch(`${emu.url}/__emulator/reset`, {
        method: "POST",
        body: JSON.stringify({ seed: "empty" }),
      });
      expect(reset.status).toBe(200);
      expect(emu.store.table("Contact")!.byId.size).toBe(0);
      const unknown = await fetch(`${emu.url}/__emulator/nope`);
      expect(unknown.status).toBe(404);
    } finally {
      await emu.stop();
    }
  });
});
