import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { activityLog, crmPeople, outboundNotifications } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { type RunningEmulator, startEmulator } from "@/server/emulator";
import { readCappedBody } from "@/server/read-capped-body";
import { applyPulledPage } from "../apply-page";
import { runTick } from "../run-tick";
import { adminConnection, connectToEmulator, emulatorAdmin } from "../testing/emulator-connection";
import { applyPendingNotifications } from "./apply-notifications";
import { getOutboundToken } from "./outbound-token";
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
    const body = await readCappedBody(
      new Request("http://x", {
        method: "POST",
        body: (await readAll(request)).toString("utf8"),
        headers: { "content-length": request.headers["content-length"] ?? "0" },
      }),
      1024 * 1024,
    );
    const token = request.url?.split("/").at(-1) ?? "";
    const result = await receiveNotifications(database.db, { token, body: body ?? "", now: Date.now() });
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
    const outcome = await applyPendingNotifications(database.db);
    expect(outcome).toMatchObject({ applied: 1, apiCalls: 1 });
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
    expect((await applyPendingNotifications(database.db)).applied).toBe(1);
    expect((await applyPendingNotifications(database.db)).applied).toBe(0);
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
  ])("answers %s with %i and stores nothing", async (_name, build, status) => {
    const token = await getOutboundToken(database.db);
    const result = await receiveNotifications(database.db, { ...build(token, emulator.orgId), now: Date.now() });
    expect(result.status).toBe(status);
    expect(await database.db.$count(outboundNotifications)).toBe(0);
  });

  it("refuses bodies over 1 MiB before reading them whole", async () => {
    const big = "x".repeat(1024 * 1024 + 1);
    expect(await readCappedBody(new Request("http://x", { method: "POST", body: big }), 1024 * 1024)).toBeNull();
    expect(await readCappedBody(new Request("http://x", { method: "POST", body: "small" }), 1024 * 1024)).toBe("small");
  });

  it("never rolls a record back when an older version arrives after a newer one", async () => {
    const sf = adminConnection(emulator);
    const contact = await sf.sobject("Contact").create({ LastName: "Old" });
    await runTick(database.db, "cli");
    const older = await sf.sobject("Contact").retrieve(contact.id!);
    await sf.sobject("Contact").update({ Id: contact.id!, LastName: "New" });
    await runTick(database.db, "cli");
    const counts = await applyPulledPage(database.db, {
      object: "Contact",
      records: [{ ...older, Id: contact.id! }],
      now: Date.now(),
      source: "outbound",
    });
    expect(counts.unchanged).toBe(1);
    const stored = await database.db.query.crmPeople.findFirst({ where: eq(crmPeople.sfId, contact.id!) });
    expect(stored?.lastName).toBe("New");
  });
});
