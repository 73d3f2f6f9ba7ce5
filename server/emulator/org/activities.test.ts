import type { Connection } from "jsforce";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../index";
import { dataPath, raw, startWithConnection } from "../test-helpers";

let emu: RunningEmulator;
let conn: Connection;
let contactId: string;
let accountId: string;

beforeAll(async () => {
  ({ emu, conn } = await startWithConnection());
  accountId = (await conn.sobject("Account").create({ Name: "Activity Co" })).id!;
  contactId = (await conn.sobject("Contact").create({ LastName: "Active", AccountId: accountId })).id!;
});
afterAll(async () => emu.stop());

describe("activities and notes", () => {
  it("Task: defaults Status and Priority, derives AccountId from the contact", async () => {
    const { id } = await conn
      .sobject("Task")
      .create({ Subject: "Call back", WhoId: contactId, ActivityDate: "2026-07-01", TaskSubtype: "Call" });
    expect(id).toMatch(/^00T/);
    const task = (await conn.sobject("Task").retrieve(id!)) as unknown as Record<string, unknown>;
    expect(task).toMatchObject({
      Status: "Not Started",
      Priority: "Normal",
      AccountId: accountId,
      ActivityDate: "2026-07-01",
      IsClosed: false,
    });
    const who = await conn.query<{ Who: { Name: string; attributes: { type: string } } }>(
      `SELECT Who.Name FROM Task WHERE Id = '${id}'`,
    );
    expect(who.records[0]!.Who).toMatchObject({ Name: "Active", attributes: { type: "Contact" } });
  });

  it("Task WhoId of the wrong kind is MALFORMED_ID", async () => {
    await expect(conn.sobject("Task").create({ Subject: "x", WhoId: accountId })).rejects.toMatchObject({
      errorCode: "MALFORMED_ID",
    });
  });

  it("Event: start and duration give the end, in UTC", async () => {
    const { id } = await conn.sobject("Event").create({
      Subject: "Demo",
      WhatId: accountId,
      StartDateTime: "2026-07-01T15:00:00.000+0000",
      DurationInMinutes: 45,
    });
    const ev = (await conn.sobject("Event").retrieve(id!)) as unknown as Record<string, unknown>;
    expect(ev).toMatchObject({
      ActivityDateTime: "2026-07-01T15:00:00.000+0000",
      EndDateTime: "2026-07-01T15:45:00.000+0000",
      ActivityDate: "2026-07-01",
      AccountId: accountId,
    });
  });

  it("Event: a timed event needs a start and a duration; an all-day one lasts a day", async () => {
    await expect(conn.sobject("Event").create({ Subject: "No time" })).rejects.toMatchObject({
      errorCode: "REQUIRED_FIELD_MISSING",
      message: "Required fields are missing: [ActivityDateTime, DurationInMinutes]",
    });
    const { id } = await conn
      .sobject("Event")
      .create({ Subject: "Offsite", IsAllDayEvent: true, ActivityDate: "2026-08-03" });
    const ev = (await conn.sobject("Event").retrieve(id!)) as unknown as Record<string, unknown>;
    expect(ev).toMatchObject({ DurationInMinutes: 1440, ActivityDate: "2026-08-03" });
  });

  it("Note needs ParentId and Title; ContentNote is linked with ContentDocumentLink", async () => {
    await expect(conn.sobject("Note").create({ Body: "no parent" })).rejects.toMatchObject({
      errorCode: "REQUIRED_FIELD_MISSING",
    });
    const note = await conn
      .sobject("Note")
      .create({ ParentId: contactId, Title: "Call notes", Body: "Talked pricing" });
    expect(note.id).toMatch(/^002/);
    const content = Buffer.from("<p>Met at the conference</p>").toString("base64");
    const cn = await conn.sobject("ContentNote").create({ Title: "Conference", Content: content });
    expect(cn.id).toMatch(/^069/);
    const link = await conn
      .sobject("ContentDocumentLink")
      .create({ ContentDocumentId: cn.id, LinkedEntityId: contactId, ShareType: "V" });
    expect(link.id).toMatch(/^06A/);
    const saved = (await conn.sobject("ContentNote").retrieve(cn.id!)) as unknown as Record<string, unknown>;
    expect(saved).toMatchObject({ FileType: "SNOTE", TextPreview: "Met at the conference" });
    const links = await conn.query<{ ContentDocumentId: string }>(
      `SELECT ContentDocumentId FROM ContentDocumentLink WHERE LinkedEntityId = '${contactId}'`,
    );
    expect(links.records.map((r) => r.ContentDocumentId)).toEqual([cn.id]);
  });

  it("upsert with updateOnly=true refuses to insert", async () => {
    const res = await raw(
      emu,
      conn.accessToken!,
      "PATCH",
      dataPath("/sobjects/Account/Tandem_Id__c/none?updateOnly=true"),
      JSON.stringify({ Name: "x" }),
    );
    expect(res.status).toBe(404);
  });

  it("an Account delete takes its contacts to the recycle bin", async () => {
    const acct = (await conn.sobject("Account").create({ Name: "Cascade Co" })).id!;
    const c = (await conn.sobject("Contact").create({ LastName: "Child", AccountId: acct })).id!;
    await conn.sobject("Account").destroy(acct);
    const rows = await conn.query<{ IsDeleted: boolean }>(`SELECT IsDeleted FROM Contact WHERE Id = '${c}'`, {
      scanAll: true,
    } as never);
    expect(rows.records[0]!.IsDeleted).toBe(true);
  });
});
