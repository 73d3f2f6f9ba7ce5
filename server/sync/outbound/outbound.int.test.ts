import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { activityLog, crmPeople, outboundNotifications } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { type RunningEmulator, startEmulator } from "@/server/emulator";
import { adminConnection } from "@/server/salesforce/testing/admin-connection";
import { acquireLease } from "../lease";
import { applyPulledPage } from "../pull/apply-page";
import { runTick } from "../run-tick";
import { updateSyncOptions } from "../sync-options";
import { connectToEmulator, emulatorAdmin } from "../testing/emulator-connection";
import { getOutboundToken } from "./outbound-token";
import { processOutboundNotifications } from "./process-notifications";
import { readEnvelopeBody } from "./read-envelope-body";
import { receiveNotifications } from "./receive-notifications";

let database: TTestDatabase;
let emulator: RunningEmulator;
let listener: Server;
let listenerUrl: string;
const received: Array<{ status: number; stored: number }> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  emulator = await startEmulator({
    seed: "empty",
    outboundTiming: { initialBackoffMs: 20, maxBackoffMs: 100, batchDelayMs: 10 },
  });
  // Stands in for the route handler: the same two stages, over real HTTP from the emulator.
  listener = createServer(async (request, response) => {
    const body = new Request("http://x", {
      method: "POST",
      body: new Uint8Array(await readAll(request)),
      headers: { "content-length": request.headers["content-length"] ?? "0" },
    });
    const token = request.url?.split("/").at(-1) ?? "";
    const result = await receiveNotifications(database.db, { token, body, now: Date.now() });
    received.push({ status: result.status, stored: result.stored });
    response.writeHead(result.status, { "content-type": result.contentType }).end(result.body);
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/salesforce/outbound`;
});
afterAll(async () => {
  await emulator?.stop();
  await new Promise((resolve) => listener?.close(resolve));
  await database?.cleanup();
});
beforeEach(async () => {
  await emulator.reset("empty");
  received.length = 0;
  for (const table of [
    "crm_people",
    "activity_log",
    "outbound_notifications",
    "sync_cursors",
    "sync_ticks",
    "salesforce_connection",
    "settings",
  ]) {
    await database.client.execute(`DELETE FROM ${table}`);
  }
  await connectToEmulator(database.db, emulator);
});

function readAll(request: import("node:http").IncomingMessage) {
  return new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const envelope = (orgId: string, notificationId: string, sfId: string) =>
  `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>${orgId}</OrganizationId><ActionId>04k000000000001AAA</ActionId><SessionId xsi:nil="true"/><EnterpriseUrl>x</EnterpriseUrl><PartnerUrl>x</PartnerUrl><Notification><Id>${notificationId}</Id><sObject xsi:type="sf:Contact" xmlns:sf="urn:sobject.enterprise.soap.sforce.com"><sf:Id>${sfId}</sf:Id><sf:LastName>Black</sf:LastName></sObject></Notification></notifications></soapenv:Body></soapenv:Envelope>`;

describe(`outbound messages on ${testDatabaseKind()}`, () => {
  it("applies a change Salesforce announces within moments, as an outbound-created record", async () => {
    const token = await getOutboundToken(database.db);
    await emulatorAdmin(emulator, "outbound-messages", {
      object: "Contact",
      fields: ["Id", "LastName", "Email", "SystemModstamp"],
      endpointUrl: `${listenerUrl}/${token}`,
      active: true,
    });
    const contact = await adminConnection(emulator)
      .sobject("Contact")
      .create({ LastName: "Black", Email: "black@acme.com" });
    await waitFor(async () => (received.some((entry) => entry.status === 200) ? true : undefined));
    const outcome = await processOutboundNotifications(database.db);
    expect(outcome).toMatchObject({ ok: true, apiCalls: 1, outbound: { applied: 1, failed: 0 } });
    const stored = await database.db.query.crmPeople.findFirst({ where: eq(crmPeople.sfId, contact.id!) });
    expect(stored).toMatchObject({ name: "Black", email: "black@acme.com", source: "outbound" });
    const [log] = await database.db.select().from(activityLog).where(eq(activityLog.recordId, stored!.id));
    expect(log?.event).toBe("created-by-outbound");
  });

  it("stores the same notification once and applies it once", async () => {
    const token = await getOutboundToken(database.db);
    const contact = await adminConnection(emulator).sobject("Contact").create({ LastName: "Twice" });
    const body = envelope(emulator.orgId, "04l000000000001AAA", contact.id!);
    const first = await receiveNotifications(database.db, { token, body, now: Date.now() });
    const second = await receiveNotifications(database.db, { token, body, now: Date.now() });
    expect([first.status, first.stored, second.status, second.stored]).toEqual([200, 1, 200, 0]);
    expect(first.body).toContain("<Ack>true</Ack>");
    expect(await processOutboundNotifications(database.db)).toMatchObject({ outbound: { applied: 1 } });
    const again = await processOutboundNotifications(database.db);
    expect(again).toMatchObject({ ok: true, apiCalls: 0 });
    expect("outbound" in again && again.outbound).toBeFalsy();
    expect(await database.db.$count(crmPeople)).toBe(1);
  });

  it.each([
    [
      "a wrong token",
      (token: string, orgId: string) => ({
        token: `${token}x`,
        body: envelope(orgId, "04l000000000002AAA", "003000000000001AAA"),
      }),
      401,
    ],
    [
      "another org",
      (token: string) => ({ token, body: envelope("00D000000000999", "04l000000000003AAA", "003000000000001AAA") }),
      403,
    ],
    [
      "a DTD",
      (token: string, orgId: string) => ({
        token,
        body: `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${envelope(orgId, "04l000000000004AAA", "003000000000001AAA")}`,
      }),
      400,
    ],
    ["malformed XML", (token: string) => ({ token, body: "<soapenv:Envelope><broken" }), 400],
  ])("answers %s with its status and stores nothing", async (_name, build, status) => {
    const token = await getOutboundToken(database.db);
    const result = await receiveNotifications(database.db, { ...build(token, emulator.orgId), now: Date.now() });
    expect(result.status).toBe(status);
    expect(await database.db.$count(outboundNotifications)).toBe(0);
  });

  it("checks the token before reading the body, and refuses bodies over 1 MiB with 413", async () => {
    let pulled = 0;
    const untouched = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode("x".repeat(64 * 1024)));
      },
    });
    const stranger = new Request("http://x", { method: "POST", body: untouched, duplex: "half" } as RequestInit);
    const refused = await receiveNotifications(database.db, {
      token: "not-the-token",
      body: stranger,
      now: Date.now(),
    });
    expect(refused.status).toBe(401);
    // At most the stream's own first read-ahead: the handler itself never consumed the body.
    expect(pulled).toBeLessThanOrEqual(1);

    const token = await getOutboundToken(database.db);
    const huge = new Request("http://x", { method: "POST", body: "x".repeat(1024 * 1024 + 1) });
    expect((await receiveNotifications(database.db, { token, body: huge, now: Date.now() })).status).toBe(413);
    expect(await database.db.$count(outboundNotifications)).toBe(0);
  });

  it("refuses bodies over 1 MiB before reading them whole", async () => {
    const big = "x".repeat(1024 * 1024 + 1);
    expect(await readEnvelopeBody(new Request("http://x", { method: "POST", body: big }))).toMatchObject({
      ok: false,
      status: 413,
    });
    expect(await readEnvelopeBody(new Request("http://x", { method: "POST", body: "small" }))).toEqual({
      ok: true,
      text: "small",
    });
  });

  it("never rolls a record back when an older version arrives after a newer one", async () => {
    const sf = adminConnection(emulator);
    const contact = await sf.sobject("Contact").create({ LastName: "Old" });
    await runTick(database.db, "cli");
    const older = await sf.sobject("Contact").retrieve(contact.id!);
    await sf.sobject("Contact").update({ Id: contact.id!, LastName: "New" });
    await runTick(database.db, "cli");
    const lease = await acquireLease(database.db, { holder: "test", now: Date.now });
    const counts = await applyPulledPage(database.db, {
      object: "Contact",
      records: [{ ...older, Id: contact.id! }],
      now: Date.now(),
      source: "outbound",
      lease: lease!,
    });
    await lease!.release();
    expect(counts.unchanged).toBe(1);
    const stored = await database.db.query.crmPeople.findFirst({ where: eq(crmPeople.sfId, contact.id!) });
    expect(stored?.lastName).toBe("New");
  });

  it("applies a burst of 20 outbound messages for 20 records of two objects in at most 2 API calls", async () => {
    const token = await getOutboundToken(database.db);
    const sf = adminConnection(emulator);
    const contacts = await sf.sobject("Contact").create(range(12).map((i) => ({ LastName: `Burst ${i}` })));
    const leads = await sf
      .sobject("Lead")
      .create(range(8).map((i) => ({ LastName: `Lead ${i}`, Company: "Acme", Email: `lead${i}@acme.test` })));
    const records = [
      ...contacts.map((result) => ({ object: "Contact", sfId: result.id! })),
      ...leads.map((result) => ({ object: "Lead", sfId: result.id! })),
    ];
    // Twenty separate messages, one notification each, as Salesforce sends them for separate saves.
    for (const [index, record] of records.entries()) {
      const body = envelopeOf(emulator.orgId, record.object, [{ id: notificationId(index), sfId: record.sfId }]);
      expect((await receiveNotifications(database.db, { token, body, now: Date.now() })).status).toBe(200);
    }
    const before = await apiUsage();
    const outcome = await processOutboundNotifications(database.db);
    expect(outcome).toMatchObject({ ok: true, outbound: { applied: 20, failed: 0 } });
    expect(await apiUsage()).toBeLessThanOrEqual(before + 2);
    expect(await database.db.$count(crmPeople)).toBe(20);
  });

  it("ERR-3: while the admin pauses sync, notifications stay stored and are applied after", async () => {
    const token = await getOutboundToken(database.db);
    const contact = await adminConnection(emulator).sobject("Contact").create({ LastName: "Paused" });
    await updateSyncOptions(database.db, { pausedByAdmin: true });
    await receiveNotifications(database.db, {
      token,
      body: envelope(emulator.orgId, "04l000000000011AAA", contact.id!),
      now: Date.now(),
    });
    expect(await processOutboundNotifications(database.db)).toMatchObject({ paused: "cancelled", apiCalls: 0 });
    expect(await notificationStates()).toEqual(["pending"]);
    await updateSyncOptions(database.db, { pausedByAdmin: false });
    expect(await processOutboundNotifications(database.db)).toMatchObject({ outbound: { applied: 1 } });
    expect(await notificationStates()).toEqual(["applied"]);
  });

  it("ERR-3: above the API budget, background notifications wait", async () => {
    const token = await getOutboundToken(database.db);
    const contact = await adminConnection(emulator).sobject("Contact").create({ LastName: "Budget" });
    await database.client.execute("UPDATE salesforce_connection SET api_used = 95000, api_max = 100000");
    await receiveNotifications(database.db, {
      token,
      body: envelope(emulator.orgId, "04l000000000012AAA", contact.id!),
      now: Date.now(),
    });
    expect(await processOutboundNotifications(database.db)).toMatchObject({ paused: "api-budget", apiCalls: 0 });
    expect(await notificationStates()).toEqual(["pending"]);
  });

  it("ERR-3: a refused notification is retried with backoff, then failed with the reason, and never blocks others", async () => {
    const token = await getOutboundToken(database.db);
    const sf = adminConnection(emulator);
    const first = await sf.sobject("Contact").create({ LastName: "Refused" });
    const second = await sf.sobject("Contact").create({ LastName: "Fine" });
    let now = Date.now();
    const clock = () => now;
    await receiveNotifications(database.db, {
      token,
      body: envelope(emulator.orgId, "04l000000000021AAA", first.id!),
      now,
    });
    await emulatorAdmin(emulator, "faults", {
      nextErrors: { count: 1, status: 400, errorCode: "INVALID_FIELD", message: "No such column 'Secret__c'" },
    });
    expect(await processOutboundNotifications(database.db, { now: clock })).toMatchObject({
      failures: [expect.objectContaining({ code: "OUTBOUND_PENDING" })],
    });
    const [afterFirst] = await database.db.select().from(outboundNotifications);
    expect(afterFirst).toMatchObject({ status: "pending", attempts: 1 });
    expect(afterFirst?.error).toContain("INVALID_FIELD");

    // Another record's notification arrives while the first waits out its backoff: it goes through.
    await receiveNotifications(database.db, {
      token,
      body: envelope(emulator.orgId, "04l000000000022AAA", second.id!),
      now,
    });
    expect(await processOutboundNotifications(database.db, { now: clock })).toMatchObject({ outbound: { applied: 1 } });
    // Ordered by Notification Id: the refused one (…021) still waits, the other (…022) is applied.
    expect(await notificationStates()).toEqual(["pending", "applied"]);

    now += 10 * 60_000;
    await emulatorAdmin(emulator, "faults", {
      nextErrors: { count: 1, status: 400, errorCode: "INVALID_FIELD", message: "No such column 'Secret__c'" },
    });
    expect(await processOutboundNotifications(database.db, { now: clock })).toMatchObject({ outbound: { failed: 1 } });
    const failed = await database.db.query.outboundNotifications.findFirst({
      where: eq(outboundNotifications.notificationId, "04l000000000021AAA"),
    });
    expect(failed).toMatchObject({ status: "failed", attempts: 2 });
    expect(failed?.error).toMatch(/^Gave up after 2 attempts: .*INVALID_FIELD/);
  });
});

function range(count: number) {
  return Array.from({ length: count }, (_, index) => index);
}

function notificationId(index: number) {
  return `04l${String(index).padStart(12, "0")}AAA`;
}

async function apiUsage() {
  return Number((await emulatorAdmin(emulator, "api-usage", undefined, "GET")).total);
}

async function notificationStates() {
  const rows = await database.db.select().from(outboundNotifications).orderBy(outboundNotifications.notificationId);
  return rows.map((row) => row.status);
}

function envelopeOf(orgId: string, object: string, notifications: Array<{ id: string; sfId: string }>) {
  const items = notifications
    .map(
      (notification) =>
        `<Notification><Id>${notification.id}</Id><sObject xsi:type="sf:${object}" xmlns:sf="urn:sobject.enterprise.soap.sforce.com"><sf:Id>${notification.sfId}</sf:Id></sObject></Notification>`,
    )
    .join("");
  return `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>${orgId}</OrganizationId><ActionId>04k000000000001AAA</ActionId><SessionId xsi:nil="true"/><EnterpriseUrl>x</EnterpriseUrl><PartnerUrl>x</PartnerUrl>${items}</notifications></soapenv:Body></soapenv:Envelope>`;
}
