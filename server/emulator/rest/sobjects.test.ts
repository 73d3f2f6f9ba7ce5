import type { Connection } from "jsforce";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../index";
import { API_VERSION, dataPath, raw, startWithConnection } from "../test-helpers";

let emu: RunningEmulator;
let conn: Connection;
let token: string;

beforeAll(async () => {
  ({ emu, conn } = await startWithConnection());
  token = conn.accessToken!;
});
afterAll(async () => emu.stop());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(emu, token, "POST", dataPath(path), JSON.stringify(body), headers);
const patch = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(emu, token, "PATCH", dataPath(path), JSON.stringify(body), headers);

describe("sObject create, retrieve, update, delete", () => {
  it("creates with 201 {id, success, errors} and an 18-character Id with the right prefix and checksum", async () => {
    const res = await post("/sobjects/Account", { Name: "Initech", Website: "initech.com" });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    const body = res.json() as { id: string; success: boolean; errors: unknown[] };
    expect(body).toEqual({ id: expect.stringMatching(/^001[A-Za-z0-9]{15}$/), success: true, errors: [] });
    const { checksumSuffix } = await import("../org/ids");
    expect(body.id.slice(15)).toBe(checksumSuffix(body.id.slice(0, 15)));
  });

  it("retrieves every field with attributes, datetimes as +0000 and system fields set", async () => {
    const created = await conn
      .sobject("Contact")
      .create({ FirstName: "Jane", LastName: "Doe", Email: "jane@initech.com" });
    const rec = (await conn.sobject("Contact").retrieve(created.id!)) as unknown as Record<string, unknown>;
    expect(rec.attributes).toEqual({
      type: "Contact",
      url: `/services/data/v${API_VERSION}/sobjects/Contact/${created.id}`,
    });
    expect(rec.Name).toBe("Jane Doe");
    expect(rec.IsDeleted).toBe(false);
    expect(rec.MasterRecordId).toBeNull();
    expect(rec.OwnerId).toBe(emu.org.org.demoUserId);
    expect(rec.CreatedById).toBe(emu.org.org.demoUserId);
    expect(rec.CreatedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    expect(rec.SystemModstamp).toBe(rec.LastModifiedDate);
    const some = await raw(emu, token, "GET", dataPath(`/sobjects/Contact/${created.id}?fields=LastName,Email`));
    expect(Object.keys(some.json() as object)).toEqual(["attributes", "LastName", "Email"]);
  });

  it("updates with 204 and moves SystemModstamp forward, strictly across the org", async () => {
    const { id } = await conn.sobject("Contact").create({ LastName: "Stamp" });
    const before = ((await conn.sobject("Contact").retrieve(id!)) as unknown as { SystemModstamp: string })
      .SystemModstamp;
    const res = await patch(`/sobjects/Contact/${id}`, { Title: "CEO" });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    const after = (await conn.sobject("Contact").retrieve(id!)) as unknown as { SystemModstamp: string; Title: string };
    expect(after.Title).toBe("CEO");
    expect(Date.parse(after.SystemModstamp)).toBeGreaterThan(Date.parse(before));
    const jsforceResult = await conn.sobject("Contact").update({ Id: id!, Title: "CTO" });
    expect(jsforceResult).toEqual({ id, success: true, errors: [] });
  });

  it("deletes to the recycle bin: gone from query, visible to queryAll with IsDeleted", async () => {
    const { id } = await conn.sobject("Contact").create({ LastName: "Binned" });
    const res = await raw(emu, token, "DELETE", dataPath(`/sobjects/Contact/${id}`));
    expect(res.status).toBe(204);
    const q = await conn.query("SELECT Id FROM Contact WHERE LastName = 'Binned'");
    expect(q.totalSize).toBe(0);
    const all = await conn.query<{ Id: string; IsDeleted: boolean }>(
      "SELECT Id, IsDeleted FROM Contact WHERE LastName = 'Binned'",
      { scanAll: true } as never,
    );
    expect(all.records).toEqual([expect.objectContaining({ Id: id, IsDeleted: true })]);
    const again = await raw(emu, token, "DELETE", dataPath(`/sobjects/Contact/${id}`));
    expect(again.status).toBe(404);
    expect((again.json() as { errorCode: string }[])[0]!.errorCode).toBe("ENTITY_IS_DELETED");
  });

  it("upserts by External Id: 201 created, then 200 created:false", async () => {
    const first = await patch("/sobjects/Contact/Tandem_Id__c/t-1", { LastName: "Upsert" });
    expect(first.status).toBe(201);
    expect(first.json()).toEqual({ id: expect.stringMatching(/^003/), success: true, errors: [], created: true });
    const second = await patch("/sobjects/Contact/Tandem_Id__c/T-1", { LastName: "Upserted" });
    expect(second.status).toBe(200);
    expect(second.json()).toEqual({
      id: (first.json() as { id: string }).id,
      success: true,
      errors: [],
      created: false,
    });
    const viaJsforce = await conn.sobject("Contact").upsert({ Tandem_Id__c: "t-2", LastName: "Two" }, "Tandem_Id__c");
    expect(viaJsforce).toMatchObject({ success: true, created: true });
    const dup = await post("/sobjects/Contact", { LastName: "Clash", Tandem_Id__c: "t-1" });
    expect(dup.status).toBe(400);
    expect((dup.json() as { errorCode: string; message: string }[])[0]).toMatchObject({
      errorCode: "DUPLICATE_VALUE",
      message: expect.stringMatching(
        /^duplicate value found: Tandem_Id__c duplicates value on record with id: 003[A-Za-z0-9]{12}$/,
      ),
    });
    const byExt = await raw(emu, token, "GET", dataPath("/sobjects/Contact/Tandem_Id__c/t-2"));
    expect((byExt.json() as { LastName: string }).LastName).toBe("Two");
  });
});

describe("org behaviour on save", () => {
  const firstError = (res: { json: () => unknown }) => (res.json() as Record<string, unknown>[])[0]!;

  it("REQUIRED_FIELD_MISSING lists the missing fields", async () => {
    const res = await post("/sobjects/Opportunity", { Amount: 5 });
    expect(res.status).toBe(400);
    expect(firstError(res)).toEqual({
      errorCode: "REQUIRED_FIELD_MISSING",
      message: "Required fields are missing: [Name, StageName, CloseDate]",
      fields: ["Name", "StageName", "CloseDate"],
    });
    const lead = await post("/sobjects/Lead", { FirstName: "X" });
    expect(firstError(lead)).toMatchObject({ fields: ["LastName", "Company"] });
  });

  it("STRING_TOO_LONG names the field label and the maximum", async () => {
    const res = await post("/sobjects/Contact", { LastName: "x".repeat(81) });
    expect(firstError(res)).toEqual({
      errorCode: "STRING_TOO_LONG",
      message: `Last Name: data value too large: ${"x".repeat(81)} (max length=80)`,
      fields: ["LastName"],
    });
  });

  it("INVALID_EMAIL_ADDRESS", async () => {
    const res = await post("/sobjects/Contact", { LastName: "Bad", Email: "not-an-email" });
    expect(firstError(res)).toEqual({
      errorCode: "INVALID_EMAIL_ADDRESS",
      message: "Email: invalid email address: not-an-email",
      fields: ["Email"],
    });
  });

  it("FIELD_CUSTOM_VALIDATION_EXCEPTION from a configured rule", async () => {
    emu.org.rules.addValidationRule({
      object: "Opportunity",
      name: "Won_Needs_Amount",
      condition: "StageName = 'Closed Won' AND Amount = null",
      errorMessage: "A Closed Won opportunity needs an Amount.",
      errorField: "Amount",
    });
    const ok = await post("/sobjects/Opportunity", { Name: "Deal", StageName: "Prospecting", CloseDate: "2026-12-31" });
    const id = (ok.json() as { id: string }).id;
    const res = await patch(`/sobjects/Opportunity/${id}`, { StageName: "Closed Won" });
    expect(res.status).toBe(400);
    expect(firstError(res)).toEqual({
      errorCode: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
      message: "A Closed Won opportunity needs an Amount.",
      fields: ["Amount"],
    });
    await expect(conn.sobject("Opportunity").update({ Id: id, StageName: "Closed Won" })).rejects.toMatchObject({
      errorCode: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
    });
  });

  it("duplicate rules: alert is DUPLICATES_DETECTED unless allowSave=true; block always", async () => {
    emu.org.rules.addDuplicateRule({
      object: "Lead",
      name: "Standard_Lead_Duplicate_Rule",
      action: "alert",
      matchFields: [["Email"]],
    });
    await post("/sobjects/Lead", { LastName: "One", Company: "A", Email: "dup@x.com" });
    const res = await post("/sobjects/Lead", { LastName: "Two", Company: "A", Email: "DUP@x.com" });
    expect(res.status).toBe(400);
    const err = firstError(res) as { errorCode: string; message: string; duplicateResult: Record<string, unknown> };
    expect(err.errorCode).toBe("DUPLICATES_DETECTED");
    expect(err.message).toBe("Use one of these records?");
    expect(err.duplicateResult).toMatchObject({
      allowSave: true,
      duplicateRule: "Standard_Lead_Duplicate_Rule",
      duplicateRuleEntityType: "Lead",
    });
    const allowed = await post(
      "/sobjects/Lead",
      { LastName: "Two", Company: "A", Email: "dup@x.com" },
      { "Sforce-Duplicate-Rule-Header": "allowSave=true; includeRecordDetails=true" },
    );
    expect(allowed.status).toBe(201);
    emu.org.rules.addDuplicateRule({
      object: "Account",
      name: "Block_Accounts",
      action: "block",
      matchFields: [["Name"]],
    });
    await post("/sobjects/Account", { Name: "Unique Co" });
    const blocked = await post(
      "/sobjects/Account",
      { Name: "unique co" },
      { "Sforce-Duplicate-Rule-Header": "allowSave=true" },
    );
    expect(firstError(blocked)).toMatchObject({ errorCode: "DUPLICATES_DETECTED" });
  });
});

describe("bad input", () => {
  const firstError = (res: { json: () => unknown }) => (res.json() as Record<string, unknown>[])[0]!;

  it("malformed JSON is 400 JSON_PARSER_ERROR", async () => {
    const res = await raw(emu, token, "POST", dataPath("/sobjects/Contact"), "{not json");
    expect(res.status).toBe(400);
    expect(firstError(res).errorCode).toBe("JSON_PARSER_ERROR");
  });

  it("a wrong value type is JSON_PARSER_ERROR", async () => {
    const res = await post("/sobjects/Opportunity", { Name: "x", StageName: "Prospecting", CloseDate: "soon" });
    expect(firstError(res).errorCode).toBe("JSON_PARSER_ERROR");
  });

  it("unknown object is 404 NOT_FOUND", async () => {
    const res = await post("/sobjects/Widget__c", { Name: "x" });
    expect(res.status).toBe(404);
    expect(res.json()).toEqual([{ errorCode: "NOT_FOUND", message: "The requested resource does not exist" }]);
  });

  it("unknown field is INVALID_FIELD, read-only field INVALID_FIELD_FOR_INSERT_UPDATE", async () => {
    const res = await post("/sobjects/Contact", { LastName: "x", Foo__c: 1 });
    expect(firstError(res)).toEqual({
      errorCode: "INVALID_FIELD",
      message: "No such column 'Foo__c' on sobject of type Contact",
      fields: [],
    });
    const ro = await post("/sobjects/Contact", { LastName: "x", IsDeleted: true });
    expect(firstError(ro)).toMatchObject({ errorCode: "INVALID_FIELD_FOR_INSERT_UPDATE", fields: ["IsDeleted"] });
  });

  it("wrong Ids: NOT_FOUND for a path segment that is no Id, MALFORMED_ID for a lookup of the wrong type", async () => {
    const res = await raw(emu, token, "GET", dataPath("/sobjects/Contact/xyz"));
    expect(res.status).toBe(404);
    expect(firstError(res)).toMatchObject({
      errorCode: "NOT_FOUND",
      message: "Provided external ID field does not exist or is not accessible: xyz",
    });
    const missing = await raw(emu, token, "GET", dataPath("/sobjects/Contact/0035g0000000ZZZZZZ"));
    expect(missing.status).toBe(404);
    const wrongLookup = await post("/sobjects/Contact", { LastName: "x", AccountId: "0035g00000000AAAAA" });
    expect(firstError(wrongLookup)).toMatchObject({
      errorCode: "MALFORMED_ID",
      message: "Account ID: id value of incorrect type: 0035g00000000AAAAA",
    });
    await expect(conn.sobject("Contact").retrieve("0035g0000000ZZZ")).rejects.toMatchObject({ errorCode: "NOT_FOUND" });
  });

  it("bad or missing tokens are 401 INVALID_SESSION_ID", async () => {
    const res = await raw(emu, "bogus", "GET", dataPath("/limits"));
    expect(res.status).toBe(401);
    expect(res.json()).toEqual([{ message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" }]);
  });
});

describe("describe", () => {
  it("describeGlobal lists the objects with key prefixes", async () => {
    const res = await conn.describeGlobal();
    const byName = Object.fromEntries(res.sobjects.map((s) => [s.name, s.keyPrefix]));
    expect(byName).toMatchObject({
      Account: "001",
      Contact: "003",
      Lead: "00Q",
      Opportunity: "006",
      Task: "00T",
      Event: "00U",
      Note: "002",
      ContentNote: "069",
      ContentDocumentLink: "06A",
      User: "005",
    });
  });

  it("describe gives field metadata, the External Id and picklist values", async () => {
    const d = await conn.sobject("Lead").describe();
    const f = (n: string) => d.fields.find((x) => x.name === n)!;
    expect(f("Tandem_Id__c")).toMatchObject({
      externalId: true,
      unique: true,
      type: "string",
      length: 64,
      custom: true,
      nillable: true,
      idLookup: true,
    });
    expect(f("LastName")).toMatchObject({
      nillable: false,
      createable: true,
      updateable: true,
      length: 80,
      type: "string",
    });
    expect((f("Status").picklistValues ?? []).map((p) => p.value)).toContain("Closed - Converted");
    expect(f("ConvertedContactId")).toMatchObject({
      type: "reference",
      referenceTo: ["Contact"],
      relationshipName: "ConvertedContact",
      createable: false,
    });
    expect(f("Id")).toMatchObject({ type: "id", createable: false, nillable: false });
  });
});

describe("updated and deleted", () => {
  it("returns ids and deletedRecords up to latestDateCovered, which ignores seconds", async () => {
    let now = Date.UTC(2026, 5, 1, 12, 0, 30);
    const { emu: timed, conn: c } = await startWithConnection({ clock: () => now });
    try {
      const { id } = await c.sobject("Account").create({ Name: "Replicated" });
      const { id: gone } = await c.sobject("Account").create({ Name: "Deleted soon" });
      await c.sobject("Account").destroy(gone!);
      const start = "2026-06-01T11:00:00Z";
      const end = "2026-06-01T13:00:00Z";
      // Still inside the minute of the change: not covered yet.
      expect((await c.sobject("Account").updated(start, end)).ids).toEqual([]);
      now += 60_000;
      const updated = await c.sobject("Account").updated(start, end);
      expect(updated.ids).toEqual([id]);
      expect(updated.latestDateCovered).toBe("2026-06-01T12:01:00.000+0000");
      const deleted = await c.sobject("Account").deleted(start, end);
      expect(deleted.deletedRecords).toEqual([
        { id: gone, deletedDate: expect.stringMatching(/^2026-06-01T12:00:30\.\d{3}\+0000$/) },
      ]);
      expect(deleted.earliestDateAvailable).toBe("2026-05-17T12:01:00.000+0000");
      const bad = await raw(
        timed,
        c.accessToken!,
        "GET",
        dataPath(`/sobjects/Account/updated?start=${encodeURIComponent(end)}&end=${encodeURIComponent(start)}`),
      );
      expect(bad.status).toBe(400);
      expect((bad.json() as { errorCode: string }[])[0]!.errorCode).toBe("INVALID_REPLICATION_DATE");
    } finally {
      await timed.stop();
    }
  });
});

describe("configurable External Id", () => {
  it("an org without the sync's External Id field refuses upserts by it", async () => {
    const { emu: plain, conn: c } = await startWithConnection({ externalIdField: null });
    try {
      const d = await c.sobject("Contact").describe();
      expect(d.fields.some((f) => f.externalId)).toBe(false);
      const res = await raw(
        plain,
        c.accessToken!,
        "PATCH",
        dataPath("/sobjects/Contact/Tandem_Id__c/x-1"),
        JSON.stringify({ LastName: "x" }),
      );
      expect(res.status).toBe(404);
      expect((res.json() as { message: string }[])[0]!.message).toBe(
        "Provided external ID field does not exist or is not accessible: Tandem_Id__c",
      );
    } finally {
      await plain.stop();
    }
  });

  it("another name renames it", async () => {
    const { emu: renamed, conn: c } = await startWithConnection({ externalIdField: "Sync_Key__c" });
    try {
      const res = await c.sobject("Account").upsert({ Sync_Key__c: "k-1", Name: "Renamed" }, "Sync_Key__c");
      expect(res).toMatchObject({ success: true, created: true });
    } finally {
      await renamed.stop();
    }
  });
});
