import { describe, expect, it } from "vitest";
import {
  collectionRecord,
  decideItem,
  isUnknownOutcome,
  lookupBatches,
  matchLookup,
  MAX_PUSH_ATTEMPTS,
  packCollections,
  pushRetryDelayMs,
  reconcileQuery,
  type TReadyItem,
} from "./push-plan";
import { pushErrorHint } from "./push-error-hints";
import { activityBody, contentNoteBody, personBody } from "./push-values";

const item = (overrides: Partial<TReadyItem> = {}): TReadyItem => ({
  outboxId: 1,
  recordType: "person",
  recordId: "t-1",
  operation: "create",
  object: "Contact",
  sfId: null,
  values: { LastName: "Smith" },
  allowDuplicates: false,
  ...overrides,
});

const options = { externalIdField: "Tandem_Id__c", externalIdObjects: new Set(["Contact", "Account"]) };

describe("packCollections", () => {
  it("PUSH-2: 1,000 creates of one object are five collections of 200 in ONE call", () => {
    const items = Array.from({ length: 1000 }, (_, i) => item({ outboxId: i, recordId: `t-${i}` }));
    const calls = packCollections(items, options);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.map((c) => c.items.length)).toEqual([200, 200, 200, 200, 200]);
    expect(calls[0]!.every((c) => c.operation === "upsert" && c.externalIdField === "Tandem_Id__c")).toBe(true);
  });

  it("PUSH-2: 1,001 records take a second call; creates without the external Id are plain creates", () => {
    const items = [
      ...Array.from({ length: 1000 }, (_, i) => item({ outboxId: i, recordId: `t-${i}` })),
      item({ outboxId: 5000, object: "Task", recordType: "activity", values: { Subject: "Call" } }),
    ];
    const calls = packCollections(items, options);
    expect(calls).toHaveLength(2);
    expect(calls[1]![0]).toMatchObject({ object: "Task", operation: "create", referenceId: "c0" });
    expect(calls[1]![0]!.externalIdField).toBeUndefined();
  });

  it("PUSH-2: updates, and creates sent with the duplicate header, travel in collections of their own", () => {
    const calls = packCollections(
      [
        item(),
        item({ outboxId: 2, operation: "update", sfId: "003A", values: { Title: "CEO" } }),
        item({ outboxId: 3, allowDuplicates: true }),
      ],
      options,
    );
    expect(calls[0]!.map((c) => [c.operation, c.allowSave])).toEqual([
      ["upsert", false],
      ["update", false],
      ["upsert", true],
    ]);
  });

  it("PUSH-2: an upsert carries Tandem's id in the external Id field; an update the Salesforce id", () => {
    expect(collectionRecord(item(), { operation: "upsert", externalIdField: "Tandem_Id__c" })).toEqual({
      LastName: "Smith",
      Tandem_Id__c: "t-1",
    });
    expect(collectionRecord(item({ sfId: "003A" }), { operation: "update" })).toEqual({
      LastName: "Smith",
      id: "003A",
    });
  });
});

describe("decideItem", () => {
  it("PUSH-2: a success links the Salesforce Id", () => {
    expect(decideItem({ success: true, id: "003A" }, 0)).toEqual({ kind: "pushed", sfId: "003A" });
  });

  it("ERR-1: a validation error is permanent at once", () => {
    const decision = decideItem(
      { success: false, errors: [{ code: "FIELD_CUSTOM_VALIDATION_EXCEPTION", message: "No", fields: ["Email"] }] },
      0,
    );
    expect(decision).toMatchObject({ kind: "failed", attempts: 1, undeliverable: false });
  });

  it("PUSH-2: a row lock retries with growing backoff, then is reported undeliverable", () => {
    const lock = { success: false as const, errors: [{ code: "UNABLE_TO_LOCK_ROW", message: "busy", fields: [] }] };
    expect(decideItem(lock, 0)).toMatchObject({ kind: "retry", attempts: 1, delayMs: 30_000 });
    expect(decideItem(lock, 3)).toMatchObject({ kind: "retry", attempts: 4, delayMs: 240_000 });
    expect(decideItem(lock, MAX_PUSH_ATTEMPTS - 1)).toMatchObject({ kind: "failed", undeliverable: true });
    expect(pushRetryDelayMs(20)).toBe(3_600_000);
  });

  it("PUSH-2: timeouts, dropped connections and 500s leave the outcome unknown; 503 and locks do not", () => {
    expect(["TIMEOUT", "NETWORK", "UNKNOWN_EXCEPTION", "HTTP_500"].every(isUnknownOutcome)).toBe(true);
    expect(["SERVER_UNAVAILABLE", "UNABLE_TO_LOCK_ROW", "REQUEST_LIMIT_EXCEEDED"].some(isUnknownOutcome)).toBe(false);
  });
});

describe("reconcileQuery", () => {
  it("PUSH-2: looks a person up by email among records created since just before sending, quotes escaped", () => {
    const soql = reconcileQuery(
      { object: "Contact", values: { Email: "o'brien@x.com", LastName: "O'Brien" } },
      Date.UTC(2026, 11, 1, 12),
    );
    expect(soql).toBe(
      "SELECT Id, CreatedDate FROM Contact WHERE Email = 'o\\'brien@x.com' AND CreatedDate >= 2026-12-01T11:50:00Z ORDER BY CreatedDate, Id LIMIT 2",
    );
  });

  it("PUSH-2: an activity by subject and its person; nothing to look up without a key", () => {
    expect(reconcileQuery({ object: "Task", values: { Subject: "Call", WhoId: "003A" } }, 0)).toContain(
      "Subject = 'Call' AND WhoId = '003A'",
    );
    expect(reconcileQuery({ object: "Task", values: {} }, 0)).toBeNull();
  });
});

describe("lookupBatches and matchLookup", () => {
  const sentAt = Date.UTC(2026, 11, 1, 12);
  const person = (email: string) => ({ object: "Contact", values: { Email: email, LastName: "X" }, sentAt });

  it("PUSH-2: unknown creates of people are looked up 100 emails to a query, others one by one", () => {
    const items = [
      ...Array.from({ length: 150 }, (_, i) => person(`p${i}@x.com`)),
      { object: "Task", values: { Subject: "Call" }, sentAt },
    ];
    const { batches, single } = lookupBatches(items);
    expect(batches.map((batch) => batch.items.length)).toEqual([100, 50]);
    expect(batches[0]!.soql).toMatch(/^SELECT Id, Email, CreatedDate FROM Contact WHERE Email IN \('p0@x.com', /);
    expect(single).toHaveLength(1);
  });

  it("PUSH-2: each record is claimed once, by key and creation time, so two Tandem twins are two creates", () => {
    const a = person("twin@x.com");
    const b = person("twin@x.com");
    const c = person("late@x.com");
    const matches = matchLookup({ keyField: "Email", items: [a, b, c] }, [
      { Id: "003A", Email: "Twin@x.com", CreatedDate: "2026-12-01T12:00:01.000+0000" },
      { Id: "003B", Email: "late@x.com", CreatedDate: "2026-11-30T09:00:00.000+0000" },
    ]);
    expect(matches.get(a)).toBe("003A");
    expect(matches.has(b)).toBe(false);
    expect(matches.has(c)).toBe(false);
  });
});

describe("push bodies", () => {
  const person = {
    kind: "contact" as const,
    firstName: "Ada",
    lastName: "Lovelace",
    email: "ada@x.com",
    phone: null,
    title: "CTO",
    company: null,
    leadSource: null,
    leadStatus: null,
    accountSfId: null,
    ownerSfId: "005A",
  };

  it("PUSH-2: a contact whose account is not in Salesforce yet waits for it, saying so", () => {
    const body = personBody({
      operation: "create",
      record: person,
      fields: [],
      account: { id: "a1", name: "Acme", sfId: null, pushState: "failed" },
    });
    expect(body).toEqual({
      ready: false,
      waitingOn: "Waits for its account Acme, whose push Salesforce rejected (see the error log).",
      parentId: "a1",
    });
  });

  it("PUSH-2: an edit sends only the changed fields; a create every field with a value and the owner", () => {
    const account = { id: "a1", name: "Acme", sfId: "001A", pushState: "pushed" as const };
    expect(personBody({ operation: "update", record: person, fields: ["Title"], account })).toEqual({
      ready: true,
      object: "Contact",
      values: { Title: "CTO" },
    });
    expect(personBody({ operation: "create", record: person, fields: [], account })).toMatchObject({
      values: {
        FirstName: "Ada",
        LastName: "Lovelace",
        Email: "ada@x.com",
        Title: "CTO",
        AccountId: "001A",
        OwnerId: "005A",
      },
    });
  });

  it("PUSH-2: a call is a completed Task with subtype Call; a lead's activity carries no WhatId", () => {
    const body = activityBody({
      operation: "create",
      record: {
        kind: "call",
        sfObject: "Task",
        subject: "Intro",
        body: "Talked",
        dueDate: "2026-12-01",
        priority: null,
        status: null,
        callDurationSeconds: 300,
        callOutcome: "Connected",
        startAt: null,
        endAt: null,
        location: null,
        ownerSfId: null,
      },
      fields: [],
      person: { id: "p1", name: "Lee", sfId: "00QA", pushState: "pushed", object: "Lead" },
      what: { id: "a1", name: "Acme", sfId: "001A", pushState: "pushed" },
      enhancedNotes: true,
    });
    expect(body).toEqual({
      ready: true,
      object: "Task",
      values: {
        Subject: "Intro",
        Description: "Talked\n\nOutcome: Connected",
        ActivityDate: "2026-12-01",
        Status: "Completed",
        Priority: "Normal",
        TaskSubtype: "Call",
        CallDurationInSeconds: 300,
        WhoId: "00QA",
      },
    });
  });

  it("PUSH-2: an enhanced note's text is escaped HTML in base64", () => {
    expect(Buffer.from(contentNoteBody("a < b\nc & d"), "base64").toString()).toBe("<p>a &lt; b</p><p>c &amp; d</p>");
  });
});

describe("pushErrorHint", () => {
  it("ERR-1: a validation rule is quoted and the field named", () => {
    const hint = pushErrorHint({
      code: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
      message: "Amount must be greater than zero.",
      fields: ["Amount"],
      object: "Opportunity",
    });
    expect(hint.summary).toContain("“Amount must be greater than zero.”");
    expect(hint.fix).toContain("Change Amount");
  });

  it("ERR-1: missing fields are read from the message when Salesforce lists them there", () => {
    const hint = pushErrorHint({
      code: "REQUIRED_FIELD_MISSING",
      message: "Required fields are missing: [LastName, Company]",
      fields: [],
      object: "Lead",
    });
    expect(hint.fix).toBe(
      "Fill in LastName and Company on the record in Tandem and save; the push is retried by itself.",
    );
  });

  it("ERR-1: a duplicate offers Create anyway; the other common codes each say what to do", () => {
    expect(
      pushErrorHint({ code: "DUPLICATES_DETECTED", message: "", fields: [], object: "Contact", duplicates: 2 }),
    ).toMatchObject({
      createAnyway: true,
      summary: "A duplicate rule in Salesforce found 2 existing records like this Contact.",
    });
    for (const code of [
      "INVALID_EMAIL_ADDRESS",
      "STRING_TOO_LONG",
      "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
      "ENTITY_IS_DELETED",
      "INSUFFICIENT_ACCESS_OR_READONLY",
      "INVALID_CROSS_REFERENCE_KEY",
    ]) {
      const hint = pushErrorHint({ code, message: "x", fields: ["Email"], object: "Contact" });
      expect(hint.fix.length, code).toBeGreaterThan(20);
      expect(hint.createAnyway, code).toBe(false);
    }
  });
});
