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
  const acme = await conn.sobject("Account").create({ Name: "Acme Inc", Website: "acme.com" });
  const globex = await conn.sobject("Account").create({ Name: "Globex" });
  await conn
    .sobject("Contact")
    .create({ FirstName: "Jon", LastName: "Smith", Email: "jon@acme.com", AccountId: acme.id });
  await conn
    .sobject("Contact")
    .create({ FirstName: "Ann", LastName: "Lee", Email: "ann@globex.com", AccountId: globex.id });
  await conn.sobject("Contact").create({ LastName: "Nobody" });
});

afterAll(async () => emu.stop());

describe("query", () => {
  it("returns the documented QueryResult with attributes and the JSON content type", async () => {
    const res = await raw(
      emu,
      token,
      "GET",
      dataPath(
        `/query?q=${encodeURIComponent("SELECT Id, Name, Email FROM Contact WHERE Email != null ORDER BY Name")}`,
      ),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    expect(res.headers.get("sforce-limit-info")).toMatch(/^api-usage=\d+\/\d+$/);
    const body = res.json() as {
      totalSize: number;
      done: boolean;
      records: Record<string, unknown>[];
      nextRecordsUrl?: string;
    };
    expect(body.totalSize).toBe(2);
    expect(body.done).toBe(true);
    expect(body.nextRecordsUrl).toBeUndefined();
    expect(body.records.map((r) => r.Name)).toEqual(["Ann Lee", "Jon Smith"]);
    const first = body.records[0]!;
    expect(Object.keys(first)).toEqual(["attributes", "Id", "Name", "Email"]);
    expect(first.attributes).toEqual({
      type: "Contact",
      url: `/services/data/v${API_VERSION}/sobjects/Contact/${first.Id as string}`,
    });
    expect(first.Id).toMatch(/^003[A-Za-z0-9]{15}$/);
  });

  it("nests parent fields with their own attributes and gives null for an empty lookup", async () => {
    const res = await conn.query<Record<string, unknown>>(
      "SELECT Id, LastName, Account.Name, Owner.Name FROM Contact ORDER BY LastName",
    );
    const [lee, nobody, smith] = res.records;
    expect((lee!.Account as Record<string, unknown>).Name).toBe("Globex");
    expect((lee!.Account as { attributes: { type: string } }).attributes.type).toBe("Account");
    expect((lee!.Owner as Record<string, unknown>).Name).toBe("Dana Admin");
    expect(nobody!.Account).toBeNull();
    expect((smith!.Account as Record<string, unknown>).Name).toBe("Acme Inc");
  });

  it("evaluates WHERE with AND/OR/NOT, IN, LIKE and null", async () => {
    const q = async (where: string) =>
      (
        await conn.query<{ LastName: string }>(`SELECT LastName FROM Contact WHERE ${where} ORDER BY LastName`)
      ).records.map((r) => r.LastName);
    expect(await q("Email = null")).toEqual(["Nobody"]);
    expect(await q("LastName IN ('Smith', 'Lee')")).toEqual(["Lee", "Smith"]);
    expect(await q("LastName NOT IN ('Smith')")).toEqual(["Lee", "Nobody"]);
    expect(await q("Email LIKE '%acme%'")).toEqual(["Smith"]);
    expect(await q("lastname = 'SMITH'")).toEqual(["Smith"]);
    expect(await q("NOT (LastName = 'Smith' OR LastName = 'Lee')")).toEqual(["Nobody"]);
    expect(await q("(LastName = 'Smith' OR LastName = 'Lee') AND Account.Name = 'Globex'")).toEqual(["Lee"]);
    expect(await q("CreatedDate = TODAY AND CreatedDate = LAST_N_DAYS:3")).toEqual(["Lee", "Nobody", "Smith"]);
    expect(await q("CreatedDate > TODAY")).toEqual([]);
    expect(await q("CreatedDate < LAST_N_DAYS:3")).toEqual([]);
    expect(await q("SystemModstamp > 2020-01-01T00:00:00Z")).toEqual(["Lee", "Nobody", "Smith"]);
    expect(
      await q("SystemModstamp > 2020-01-01T00:00:00.000+00:00 AND SystemModstamp < 2999-01-01T00:00:00Z"),
    ).toHaveLength(3);
  });

  it("orders by several fields with DESC and NULLS LAST, with LIMIT and OFFSET", async () => {
    const res = await conn.query<{ Email: string | null }>(
      "SELECT Email FROM Contact ORDER BY Email DESC NULLS LAST, LastName LIMIT 2 OFFSET 1",
    );
    expect(res.records.map((r) => r.Email)).toEqual(["ann@globex.com", null]);
    const first = await conn.query<{ Email: string | null }>(
      "SELECT Email FROM Contact ORDER BY Email ASC NULLS FIRST LIMIT 1",
    );
    expect(first.records[0]!.Email).toBeNull();
  });

  it("answers COUNT() with totalSize and no records", async () => {
    const res = await raw(
      emu,
      token,
      "GET",
      dataPath(`/query?q=${encodeURIComponent("SELECT COUNT() FROM Contact WHERE Email != null")}`),
    );
    expect(res.json()).toEqual({ totalSize: 2, done: true, records: [] });
  });

  it("pages with nextRecordsUrl (always /query/) and honours Sforce-Query-Options batchSize", async () => {
    const res = await fetch(`${emu.url}/__emulator/records`, {
      method: "POST",
      body: JSON.stringify({ object: "Lead", count: 450 }),
    });
    expect(res.status).toBe(201);
    const page1 = await raw(
      emu,
      token,
      "GET",
      dataPath(`/queryAll?q=${encodeURIComponent("SELECT Id FROM Lead ORDER BY SystemModstamp, Id")}`),
      undefined,
      { "Sforce-Query-Options": "batchSize=200" },
    );
    const body1 = page1.json() as {
      totalSize: number;
      done: boolean;
      nextRecordsUrl: string;
      records: { Id: string }[];
    };
    expect(body1).toMatchObject({ totalSize: 450, done: false });
    expect(body1.records).toHaveLength(200);
    expect(body1.nextRecordsUrl).toMatch(
      new RegExp(`^/services/data/v${API_VERSION.replace(".", "\\.")}/query/01g[A-Za-z0-9]{15}-200$`),
    );
    const all = await conn
      .query<{ Id: string }>("SELECT Id FROM Lead", { headers: { "Sforce-Query-Options": "batchSize=200" } } as never)
      .autoFetch(true)
      .maxFetch(1000)
      .execute();
    expect(all.records).toHaveLength(450);
    expect(all.done).toBe(true);
    const seen = new Set<string>();
    let result = await conn.query<{ Id: string }>("SELECT Id FROM Lead ORDER BY SystemModstamp, Id");
    for (const r of result.records) seen.add(r.Id);
    expect(result.records).toHaveLength(450);
    result = await conn.query<{ Id: string }>("SELECT Id FROM Lead", {
      headers: { "Sforce-Query-Options": "batchSize=300" },
    } as never);
    while (!result.done) {
      result.records.forEach((r) => seen.add(r.Id));
      result = await conn.queryMore<{ Id: string }>(result.nextRecordsUrl!);
    }
    expect(seen.size).toBe(450);
  });

  it("uses the default batch of 2,000 rows", async () => {
    await fetch(`${emu.url}/__emulator/records`, {
      method: "POST",
      body: JSON.stringify({ object: "Task", count: 2500 }),
    });
    const res = await conn.query<{ Id: string }>("SELECT Id FROM Task");
    expect(res.records).toHaveLength(2000);
    expect(res.done).toBe(false);
    const more = await conn.queryMore<{ Id: string }>(res.nextRecordsUrl!);
    expect(more.records).toHaveLength(500);
    expect(more.done).toBe(true);
    const rows = await conn.query<{ Id: string }>("SELECT Id FROM Task").autoFetch(true).maxFetch(10_000).execute();
    expect(rows.records).toHaveLength(2500);
  });
});

describe("incremental pull", () => {
  it("pages by (SystemModstamp, Id) even when a bulk load shares one stamp", async () => {
    await fetch(`${emu.url}/__emulator/records`, {
      method: "POST",
      body: JSON.stringify({ object: "Account", count: 2500 }),
    });
    const all = (
      await conn
        .query<{ Id: string; SystemModstamp: string }>(
          "SELECT Id, SystemModstamp FROM Account ORDER BY SystemModstamp, Id",
        )
        .autoFetch(true)
        .maxFetch(10_000)
        .execute()
    ).records;
    const sorted = [...all].sort(
      (a, b) => a.SystemModstamp.localeCompare(b.SystemModstamp) || (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0),
    );
    expect(all.map((r) => r.Id)).toEqual(sorted.map((r) => r.Id));
    const seen: string[] = [];
    let cursor: { stamp: string; id: string } | null = null;
    for (;;) {
      const where: string = cursor
        ? `WHERE SystemModstamp > ${cursor.stamp} OR (SystemModstamp = ${cursor.stamp} AND Id > '${cursor.id}')`
        : "";
      const page = await conn.query<{ Id: string; SystemModstamp: string }>(
        `SELECT Id, SystemModstamp FROM Account ${where} ORDER BY SystemModstamp, Id LIMIT 700`,
      );
      if (page.records.length === 0) break;
      seen.push(...page.records.map((r) => r.Id));
      const last = page.records[page.records.length - 1]!;
      cursor = { stamp: last.SystemModstamp.replace("+0000", "Z"), id: last.Id };
    }
    expect(seen).toEqual(all.map((r) => r.Id));
  });
});

describe("query errors", () => {
  const err = async (soql: string) => {
    const res = await raw(emu, token, "GET", dataPath(`/query?q=${encodeURIComponent(soql)}`));
    return { status: res.status, body: res.json() as { errorCode: string; message: string }[] };
  };

  it("MALFORMED_QUERY for bad syntax", async () => {
    const { status, body } = await err("SELECT FROM Contact");
    expect(status).toBe(400);
    expect(body[0]!.errorCode).toBe("MALFORMED_QUERY");
    expect(body[0]!.message).toMatch(/unexpected token/);
  });

  it("INVALID_FIELD with row and column for an unknown field", async () => {
    const { status, body } = await err("SELECT Id, Foo__c FROM Contact");
    expect(status).toBe(400);
    expect(body).toEqual([
      {
        errorCode: "INVALID_FIELD",
        message:
          "SELECT Id, Foo__c FROM Contact\n           ^\nERROR at Row:1:Column:12\nNo such column 'Foo__c' on entity 'Contact'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
      },
    ]);
  });

  it("points at the field in the clause that failed", async () => {
    const { body } = await err("SELECT Id, Name FROM Contact WHERE Nme = 'x'");
    expect(body[0]!.message.split("\n").slice(1, 3)).toEqual([
      "                                   ^",
      "ERROR at Row:1:Column:36",
    ]);
  });

  it("INVALID_TYPE for an unknown object", async () => {
    const { status, body } = await err("SELECT Id FROM Widget__c");
    expect(status).toBe(400);
    expect(body[0]!.errorCode).toBe("INVALID_TYPE");
    expect(body[0]!.message).toContain("sObject type 'Widget__c' is not supported.");
  });

  it("INVALID_FIELD for a quoted date", async () => {
    const { body } = await err("SELECT Id FROM Contact WHERE CreatedDate > '2024-01-01'");
    expect(body[0]!.errorCode).toBe("INVALID_FIELD");
    expect(body[0]!.message).toContain("must be of type dateTime and should not be enclosed in quotes");
  });

  it("INVALID_QUERY_LOCATOR for an unknown locator, through jsforce", async () => {
    await expect(conn.queryMore("01gxx0000000001AAA-2000")).rejects.toMatchObject({
      errorCode: "INVALID_QUERY_LOCATOR",
    });
  });
});

describe("subqueries", () => {
  it("parent-to-child subqueries nest a QueryResult, or null without children", async () => {
    const res = await conn.query<{
      Name: string;
      Contacts: { totalSize: number; done: boolean; records: { LastName: string }[] } | null;
    }>(
      "SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account WHERE Name IN ('Acme Inc', 'Globex') ORDER BY Name",
    );
    const [acme, globex] = res.records;
    expect(acme!.Contacts).toMatchObject({
      totalSize: 1,
      done: true,
      records: [{ attributes: { type: "Contact" }, LastName: "Smith" }],
    });
    expect(globex!.Contacts!.records.map((r) => r.LastName)).toEqual(["Lee"]);
    const none = await conn.query<{ Opportunities: unknown }>(
      "SELECT Id, (SELECT Id FROM Opportunities) FROM Account WHERE Name = 'Acme Inc'",
    );
    expect(none.records[0]!.Opportunities).toBeNull();
  });

  it("semi-joins and anti-joins filter by another object's Ids", async () => {
    const withSmith = await conn.query<{ Name: string }>(
      "SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE LastName = 'Smith')",
    );
    expect(withSmith.records.map((r) => r.Name)).toEqual(["Acme Inc"]);
    const without = await conn.query<{ Name: string }>(
      "SELECT Name FROM Account WHERE Name IN ('Acme Inc', 'Globex') AND Id NOT IN (SELECT AccountId FROM Contact WHERE LastName = 'Smith')",
    );
    expect(without.records.map((r) => r.Name)).toEqual(["Globex"]);
  });

  it("an unknown child relationship is INVALID_TYPE", async () => {
    const res = await raw(
      emu,
      token,
      "GET",
      dataPath(`/query?q=${encodeURIComponent("SELECT Id, (SELECT Id FROM Widgets) FROM Account")}`),
    );
    expect(res.status).toBe(400);
    expect((res.json() as { errorCode: string; message: string }[])[0]).toMatchObject({
      errorCode: "INVALID_TYPE",
      message: expect.stringContaining("Didn't understand relationship 'Widgets'"),
    });
  });
});
