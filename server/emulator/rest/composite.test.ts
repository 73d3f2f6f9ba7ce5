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

const ROLLED_BACK = "Record rolled back because not all records were valid and the request was using AllOrNone header";
const usage = async () =>
  (await (await fetch(`${emu.url}/__emulator/api-usage`)).json()) as {
    total: number;
    byResource: Record<string, number>;
  };

describe("sObject Collections", () => {
  it("creates mixed types through jsforce and reports per-record results in order", async () => {
    const res = await conn
      .sobject("Contact")
      .create([{ LastName: "A" }, { LastName: "B" }, { FirstName: "no last name" }]);
    expect(res[0]).toEqual({ id: expect.stringMatching(/^003/), success: true, errors: [] });
    expect(res[1]!.success).toBe(true);
    expect(res[2]).toEqual({
      success: false,
      errors: [
        {
          statusCode: "REQUIRED_FIELD_MISSING",
          message: "Required fields are missing: [LastName]",
          fields: ["LastName"],
        },
      ],
    });
  });

  it("allOrNone rolls everything back: the bad record keeps its error, the others ALL_OR_NONE_OPERATION_ROLLED_BACK", async () => {
    const res = await raw(
      emu,
      token,
      "POST",
      dataPath("/composite/sobjects"),
      JSON.stringify({
        allOrNone: true,
        records: [
          { attributes: { type: "Account" }, Name: "Kept?" },
          { attributes: { type: "Contact" }, Email: "x@y.com" },
        ],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.json()).toEqual([
      {
        success: false,
        errors: [{ statusCode: "ALL_OR_NONE_OPERATION_ROLLED_BACK", message: ROLLED_BACK, fields: [] }],
      },
      {
        success: false,
        errors: [
          {
            statusCode: "REQUIRED_FIELD_MISSING",
            message: "Required fields are missing: [LastName]",
            fields: ["LastName"],
          },
        ],
      },
    ]);
    expect((await conn.query("SELECT Id FROM Account WHERE Name = 'Kept?'")).totalSize).toBe(0);
  });

  it("updates with lower-case id; a rolled-back update keeps its id, MALFORMED_ID names the type", async () => {
    const [a] = await conn.sobject("Account").create([{ Name: "Upd" }]);
    const res = await raw(
      emu,
      token,
      "PATCH",
      dataPath("/composite/sobjects"),
      JSON.stringify({
        allOrNone: true,
        records: [
          { attributes: { type: "Account" }, id: a!.id, Name: "Upd 2" },
          { attributes: { type: "Contact" }, id: a!.id, LastName: "x" },
        ],
      }),
    );
    expect(res.json()).toEqual([
      {
        id: a!.id,
        success: false,
        errors: [{ statusCode: "ALL_OR_NONE_OPERATION_ROLLED_BACK", message: ROLLED_BACK, fields: [] }],
      },
      {
        success: false,
        errors: [
          { statusCode: "MALFORMED_ID", message: `Contact ID: id value of incorrect type: ${a!.id}`, fields: ["Id"] },
        ],
      },
    ]);
    const ok = await conn.sobject("Account").update([{ Id: a!.id!, Name: "Upd 3" }]);
    expect(ok).toEqual([{ id: a!.id, success: true, errors: [] }]);
  });

  it("upserts by External Id with created flags", async () => {
    const first = await conn.sobject("Contact").upsert(
      [
        { Tandem_Id__c: "c-1", LastName: "One" },
        { Tandem_Id__c: "c-2", LastName: "Two" },
      ],
      "Tandem_Id__c",
    );
    expect(first.map((r) => (r as { created: boolean }).created)).toEqual([true, true]);
    const second = await conn.sobject("Contact").upsert(
      [
        { Tandem_Id__c: "c-1", LastName: "Uno" },
        { Tandem_Id__c: "c-3", LastName: "Tres" },
      ],
      "Tandem_Id__c",
    );
    expect(second.map((r) => (r as { created: boolean }).created)).toEqual([false, true]);
    expect(second[0]!.id).toBe(first[0]!.id);
    const bad = await raw(
      emu,
      token,
      "PATCH",
      dataPath("/composite/sobjects/Contact/LastName"),
      JSON.stringify({ records: [] }),
    );
    expect(bad.status).toBe(404);
  });

  it("deletes by ids and retrieves by POST {ids, fields} with null for missing records", async () => {
    const created = await conn.sobject("Lead").create([
      { LastName: "L1", Company: "C" },
      { LastName: "L2", Company: "C" },
    ]);
    const ids = created.map((r) => r.id!);
    const got = (await conn
      .sobject("Lead")
      .retrieve(ids, { fields: ["LastName", "Company"] } as never)) as unknown as Record<string, unknown>[];
    expect(got.map((r) => r.LastName)).toEqual(["L1", "L2"]);
    // Without fields jsforce first describes the object, then asks for every field.
    const full = (await conn.sobject("Lead").retrieve(ids)) as unknown as Record<string, unknown>[];
    expect(full[0]).toMatchObject({ LastName: "L1", Company: "C", IsConverted: false, Status: "Open - Not Contacted" });
    const del = await conn.sobject("Lead").destroy(ids);
    expect(del).toEqual(ids.map((id) => ({ id, success: true, errors: [] })));
    const again = await raw(emu, token, "DELETE", dataPath(`/composite/sobjects?ids=${ids[0]},bogus&allOrNone=false`));
    expect(again.json()).toEqual([
      { success: false, errors: [{ statusCode: "ENTITY_IS_DELETED", message: "entity is deleted", fields: [] }] },
      { success: false, errors: [{ statusCode: "MALFORMED_ID", message: "malformed id bogus", fields: [] }] },
    ]);
    const retrieved = await raw(
      emu,
      token,
      "POST",
      dataPath("/composite/sobjects/Lead"),
      JSON.stringify({ ids, fields: ["Id"] }),
    );
    expect(retrieved.json()).toEqual([null, null]);
  });

  it("upserts by External Id over raw HTTP: created true, then false for the same key", async () => {
    const send = (records: Record<string, unknown>[]) =>
      raw(
        emu,
        token,
        "PATCH",
        dataPath("/composite/sobjects/Account/Tandem_Id__c"),
        JSON.stringify({ allOrNone: false, records }),
      );
    const first = await send([
      { attributes: { type: "Account" }, Tandem_Id__c: "raw-a-1", Name: "Raw One" },
      { attributes: { type: "Account" }, Tandem_Id__c: "raw-a-2", Name: "Raw Two" },
    ]);
    expect(first.status).toBe(200);
    const created = first.json() as { id: string; success: boolean; errors: unknown[]; created: boolean }[];
    expect(created).toEqual([
      { id: expect.stringMatching(/^001/), success: true, errors: [], created: true },
      { id: expect.stringMatching(/^001/), success: true, errors: [], created: true },
    ]);
    const second = await send([
      { attributes: { type: "Account" }, Tandem_Id__c: "RAW-A-1", Name: "Raw One Renamed" },
      { attributes: { type: "Account" }, Tandem_Id__c: "raw-a-3", Name: "Raw Three" },
    ]);
    expect(second.json()).toEqual([
      { id: created[0]!.id, success: true, errors: [], created: false },
      { id: expect.stringMatching(/^001/), success: true, errors: [], created: true },
    ]);
    expect(emu.store.findById(created[0]!.id)?.rec.Name).toBe("Raw One Renamed");
  });

  it("a create with one record breaking a validation rule: 200, that item fails, the others commit", async () => {
    emu.org.rules.addValidationRule({
      object: "Opportunity",
      name: "Amount_Must_Be_Positive",
      condition: "Amount <= 0",
      errorMessage: "Amount must be greater than zero.",
      errorField: "Amount",
    });
    try {
      const opp = (name: string, amount: number | null) => ({
        attributes: { type: "Opportunity" },
        Name: name,
        StageName: "Prospecting",
        CloseDate: "2030-01-31",
        Amount: amount,
      });
      const res = await raw(
        emu,
        token,
        "POST",
        dataPath("/composite/sobjects"),
        JSON.stringify({
          allOrNone: false,
          records: [opp("Valid Deal", 5000), opp("Zero Deal", 0), opp("No Amount Yet", null)],
        }),
      );
      expect(res.status).toBe(200);
      expect(res.json()).toEqual([
        { id: expect.stringMatching(/^006/), success: true, errors: [] },
        {
          success: false,
          errors: [
            {
              statusCode: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
              message: "Amount must be greater than zero.",
              fields: ["Amount"],
            },
          ],
        },
        { id: expect.stringMatching(/^006/), success: true, errors: [] },
      ]);
      const saved = await conn.query<{ Name: string }>(
        "SELECT Name FROM Opportunity WHERE Name IN ('Valid Deal', 'Zero Deal', 'No Amount Yet') ORDER BY Name",
      );
      expect(saved.records.map((r) => r.Name)).toEqual(["No Amount Yet", "Valid Deal"]);
    } finally {
      emu.org.rules.validation = emu.org.rules.validation.filter((r) => r.name !== "Amount_Must_Be_Positive");
    }
  });

  it("more than 200 records is EXCEEDED_ID_LIMIT", async () => {
    const records = Array.from({ length: 201 }, (_, i) => ({ attributes: { type: "Contact" }, LastName: `N${i}` }));
    const res = await raw(emu, token, "POST", dataPath("/composite/sobjects"), JSON.stringify({ records }));
    expect(res.status).toBe(400);
    expect((res.json() as { errorCode: string; message: string }[])[0]).toMatchObject({
      errorCode: "EXCEEDED_ID_LIMIT",
      message: "record limit reached. cannot submit more than 200 records into this call",
    });
  });
});

describe("composite", () => {
  it("resolves @{ref} references and counts as one API call", async () => {
    const before = await usage();
    const res = await conn.requestPost<{
      compositeResponse: {
        body: Record<string, unknown>;
        httpStatusCode: number;
        referenceId: string;
        httpHeaders: Record<string, string>;
      }[];
    }>("/composite", {
      compositeRequest: [
        {
          method: "POST",
          url: `/services/data/v${API_VERSION}/sobjects/Account`,
          referenceId: "acct",
          body: { Name: "Composite Co" },
        },
        {
          method: "POST",
          url: `/services/data/v${API_VERSION}/sobjects/Contact`,
          referenceId: "ct",
          body: { LastName: "Ref", AccountId: "@{acct.id}" },
        },
        {
          method: "GET",
          url: `/services/data/v${API_VERSION}/query?q=${encodeURIComponent("SELECT Id, Account.Name FROM Contact WHERE LastName = 'Ref'")}`,
          referenceId: "q",
        },
        {
          method: "PATCH",
          url: `/services/data/v${API_VERSION}/sobjects/Contact/@{q.records[0].Id}`,
          referenceId: "upd",
          body: { Title: "Referenced" },
        },
      ],
    });
    const [acct, ct, q, upd] = res.compositeResponse;
    expect(acct).toMatchObject({ httpStatusCode: 201, referenceId: "acct", body: { success: true } });
    expect(acct!.httpHeaders.Location).toBe(
      `/services/data/v${API_VERSION}/sobjects/Account/${acct!.body.id as string}`,
    );
    expect(ct!.httpStatusCode).toBe(201);
    expect(q!.body.totalSize).toBe(1);
    expect(upd).toMatchObject({ httpStatusCode: 204, body: null });
    const after = await usage();
    expect(after.total - before.total).toBe(1);
    expect(after.byResource.composite! - (before.byResource.composite ?? 0)).toBe(1);
  });

  it("allOrNone rolls back and marks the others PROCESSING_HALTED", async () => {
    const res = await conn.requestPost<{
      compositeResponse: { body: { errorCode: string }[]; httpStatusCode: number }[];
    }>("/composite", {
      allOrNone: true,
      compositeRequest: [
        {
          method: "POST",
          url: `/services/data/v${API_VERSION}/sobjects/Account`,
          referenceId: "a",
          body: { Name: "Halted Co" },
        },
        {
          method: "POST",
          url: `/services/data/v${API_VERSION}/sobjects/Contact`,
          referenceId: "c",
          body: { FirstName: "missing last" },
        },
        {
          method: "POST",
          url: `/services/data/v${API_VERSION}/sobjects/Account`,
          referenceId: "b",
          body: { Name: "Never" },
        },
      ],
    });
    expect(res.compositeResponse.map((r) => [r.httpStatusCode, r.body[0]!.errorCode])).toEqual([
      [400, "PROCESSING_HALTED"],
      [400, "REQUIRED_FIELD_MISSING"],
      [400, "PROCESSING_HALTED"],
    ]);
    expect((await conn.query("SELECT Id FROM Account WHERE Name IN ('Halted Co', 'Never')")).totalSize).toBe(0);
  });

  it("carries queries and collections as subrequests, the way a sync batches them", async () => {
    const records = Array.from({ length: 200 }, (_, i) => ({
      attributes: { type: "Contact" },
      LastName: `Pushed ${i}`,
      Tandem_Id__c: `push-${i}`,
    }));
    const res = await conn.requestPost<{ compositeResponse: { body: unknown; httpStatusCode: number }[] }>(
      "/composite",
      {
        compositeRequest: [
          {
            method: "PATCH",
            url: `/services/data/v${API_VERSION}/composite/sobjects/Contact/Tandem_Id__c`,
            referenceId: "push",
            body: { allOrNone: false, records },
          },
          {
            method: "GET",
            url: `/services/data/v${API_VERSION}/queryAll?q=${encodeURIComponent("SELECT Id, SystemModstamp, IsDeleted FROM Contact WHERE LastName LIKE 'Pushed%' ORDER BY SystemModstamp, Id")}`,
            referenceId: "pull",
          },
        ],
      },
    );
    const [push, pull] = res.compositeResponse;
    expect(push!.httpStatusCode).toBe(200);
    expect((push!.body as { success: boolean; created: boolean }[]).every((r) => r.success && r.created)).toBe(true);
    expect(pull!.body).toMatchObject({ totalSize: 200, done: true });
  });

  it("a subrequest's own httpHeaders allowSave passes an alert duplicate rule for that subrequest only", async () => {
    emu.org.rules.addDuplicateRule({
      object: "Contact",
      name: "Standard_Contact_Duplicate_Rule",
      action: "alert",
      matchFields: [["Email"]],
    });
    try {
      await conn.sobject("Contact").create({ LastName: "Original", Email: "twin@composite.example" });
      const contact = (referenceId: string, httpHeaders?: Record<string, string>) => ({
        method: "POST",
        url: `/services/data/v${API_VERSION}/sobjects/Contact`,
        referenceId,
        body: { LastName: referenceId, Email: "twin@composite.example" },
        ...(httpHeaders ? { httpHeaders } : {}),
      });
      type Sub = { body: unknown; httpStatusCode: number };
      const res = await conn.requestPost<{ compositeResponse: Sub[] }>("/composite", {
        compositeRequest: [contact("Plain"), contact("Allowed", { "Sforce-Duplicate-Rule-Header": "allowSave=true" })],
      });
      const [plain, allowed] = res.compositeResponse;
      expect(plain!.httpStatusCode).toBe(400);
      expect((plain!.body as { errorCode: string }[])[0]!.errorCode).toBe("DUPLICATES_DETECTED");
      expect(allowed).toMatchObject({ httpStatusCode: 201, body: { success: true } });

      // Without its own header a subrequest falls back to the outer request's; its own still wins.
      const outer = await raw(
        emu,
        token,
        "POST",
        dataPath("/composite"),
        JSON.stringify({
          compositeRequest: [
            contact("Inherited"),
            contact("Overridden", { "sforce-duplicate-rule-header": "allowSave=false" }),
          ],
        }),
        { "Sforce-Duplicate-Rule-Header": "allowSave=true" },
      );
      const [inherited, overridden] = (outer.json() as { compositeResponse: Sub[] }).compositeResponse;
      expect(inherited!.httpStatusCode).toBe(201);
      expect(overridden!.httpStatusCode).toBe(400);
    } finally {
      emu.org.rules.duplicate = emu.org.rules.duplicate.filter((r) => r.name !== "Standard_Contact_Duplicate_Rule");
    }
  });

  it("more than 25 subrequests is refused", async () => {
    const compositeRequest = Array.from({ length: 26 }, (_, i) => ({
      method: "GET",
      url: `/services/data/v${API_VERSION}/limits`,
      referenceId: `r${i}`,
    }));
    await expect(conn.requestPost("/composite", { compositeRequest })).rejects.toMatchObject({
      errorCode: "INVALID_FIELD",
    });
  });
});

describe("composite/batch", () => {
  it("runs independent subrequests, each counted, haltOnError gives 412 BATCH_PROCESSING_HALTED", async () => {
    const before = await usage();
    const res = await conn.requestPost<{ hasErrors: boolean; results: { statusCode: number; result: unknown }[] }>(
      "/composite/batch",
      {
        haltOnError: true,
        batchRequests: [
          { method: "POST", url: `v${API_VERSION}/sobjects/Account`, richInput: { Name: "Batch Co" } },
          { method: "GET", url: `v${API_VERSION}/sobjects/Account/001000000000000AAA` },
          { method: "GET", url: `v${API_VERSION}/limits` },
        ],
      },
    );
    expect(res.hasErrors).toBe(true);
    expect(res.results.map((r) => r.statusCode)).toEqual([201, 404, 412]);
    expect(res.results[2]!.result).toEqual([
      { errorCode: "BATCH_PROCESSING_HALTED", message: "Batch processing halted per request" },
    ]);
    const after = await usage();
    expect(after.total - before.total).toBe(2);
  });
});
