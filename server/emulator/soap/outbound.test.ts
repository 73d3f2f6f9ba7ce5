import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Connection } from "jsforce";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../index";
import { startWithConnection } from "../test-helpers";

const ACK = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"> <soapenv:Body> <notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"> <Ack>true</Ack> </notificationsResponse> </soapenv:Body> </soapenv:Envelope>`;
const NACK = ACK.replace("true", "false");

let emu: RunningEmulator;
let conn: Connection;
let listener: Server;
let listenerUrl: string;
let received: { body: string; headers: Record<string, unknown> }[] = [];
let answers: { status: number; body: string }[] = [];

beforeAll(async () => {
  ({ emu, conn } = await startWithConnection({
    outboundTiming: { initialBackoffMs: 20, batchDelayMs: 10, timeoutMs: 10_000 },
  }));
  listener = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ body, headers: req.headers });
      const answer = answers.shift() ?? { status: 200, body: ACK };
      res.writeHead(answer.status, { "Content-Type": "text/xml; charset=utf-8" });
      res.end(answer.body);
    });
  });
  await new Promise<void>((r) => listener.listen(0, "127.0.0.1", () => r()));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/salesforce/outbound/tok`;
});
afterAll(async () => {
  await emu.stop();
  await new Promise((r) => listener.close(r));
});
beforeEach(() => {
  received = [];
  answers = [];
});

const addRule = async (rule: Record<string, unknown>) => {
  const res = await fetch(`${emu.url}/__emulator/outbound-messages`, { method: "POST", body: JSON.stringify(rule) });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
};
const log = async () =>
  (await (await fetch(`${emu.url}/__emulator/outbound-messages`)).json()) as {
    deliveries: { acknowledged: boolean; attempt: number; notificationIds: string[]; error: string | null }[];
    pending: unknown[];
  };

describe("outbound messages", () => {
  it("POSTs the documented envelope: one object type, up to 100 notifications, nulls omitted", async () => {
    const rule = await addRule({
      object: "Contact",
      fields: ["Id", "LastName", "FirstName", "Email", "CreatedDate", "HasOptedOutOfEmail"],
      endpointUrl: listenerUrl,
    });
    await conn.sobject("Contact").create([
      { LastName: "Black", FirstName: "Jeraldine" },
      { LastName: "Bunting", FirstName: "Doug", Email: "drb24@cornell.edu" },
    ]);
    expect(await emu.org.outbound.idle()).toBe(true);
    // Both changes share one envelope. (A slow machine may time out and resend it: at-least-once.)
    const deliveries = (await log()).deliveries;
    expect(deliveries[deliveries.length - 1]).toMatchObject({ acknowledged: true, error: null });
    expect(new Set(received.map((r) => r.body.replace(/<SessionId[^>]*>/, ""))).size).toBe(1);
    const { body, headers } = received[received.length - 1]!;
    expect(headers["content-type"]).toBe("text/xml; charset=utf-8");
    expect(headers.soapaction).toBe('""');
    expect(body).toContain(
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    );
    expect(body).toContain('<notifications xmlns="http://soap.sforce.com/2005/09/outbound">');
    expect(body).toContain(`<OrganizationId>${emu.orgId}</OrganizationId>`);
    expect(body).toContain(`<ActionId>${rule.id}</ActionId>`);
    expect(body).toContain('<SessionId xsi:nil="true"/>');
    expect(body).toContain(`<EnterpriseUrl>${emu.url}/services/Soap/c/62.0/${emu.orgId.slice(0, 15)}</EnterpriseUrl>`);
    expect(body).toContain(`<PartnerUrl>${emu.url}/services/Soap/u/62.0/${emu.orgId.slice(0, 15)}</PartnerUrl>`);
    const notifications = [
      ...body.matchAll(
        /<Notification><Id>(04l[A-Za-z0-9]{15})<\/Id><sObject xsi:type="sf:Contact" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">(.*?)<\/sObject><\/Notification>/g,
      ),
    ];
    expect(notifications).toHaveLength(2);
    expect(notifications[0]![2]).toMatch(
      /^<sf:Id>003[A-Za-z0-9]{15}<\/sf:Id><sf:CreatedDate>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z<\/sf:CreatedDate><sf:FirstName>Jeraldine<\/sf:FirstName><sf:HasOptedOutOfEmail>false<\/sf:HasOptedOutOfEmail><sf:LastName>Black<\/sf:LastName>$/,
    );
    expect(notifications[1]![2]).toContain("<sf:Email>drb24@cornell.edu</sf:Email>");
    await fetch(`${emu.url}/__emulator/outbound-messages/${rule.id}`, {
      method: "PATCH",
      body: JSON.stringify({ active: false }),
    });
  });

  it("retries with backoff on a nack, a non-SOAP answer and a 500, until the exact acknowledgement", async () => {
    const rule = await addRule({ object: "Account", fields: ["Name"], endpointUrl: listenerUrl, sessionId: true });
    answers = [
      { status: 200, body: NACK },
      { status: 200, body: "OK" },
      { status: 500, body: "<html/>" },
    ];
    await conn.sobject("Account").create({ Name: "Retry Co" });
    expect(await emu.org.outbound.idle()).toBe(true);
    expect(received).toHaveLength(4);
    const ids = received.map((r) => /<Notification><Id>([^<]+)<\/Id>/.exec(r.body)![1]);
    expect(new Set(ids).size).toBe(1);
    const session = /<SessionId>([^<]+)<\/SessionId>/.exec(received[0]!.body)![1]!;
    expect(emu.org.tokens.validate(session)).toBe(emu.org.org.demoUserId);
    const deliveries = (await log()).deliveries.filter((d) => d.notificationIds[0] === ids[0]);
    expect(deliveries.map((d) => [d.attempt, d.acknowledged, d.error])).toEqual([
      [1, false, "SOAP response was a nack"],
      [2, false, "org.xml.sax.SAXParseException; lineNumber: 1; columnNumber: 1; Content is not allowed in prolog."],
      [3, false, "HTTP 500"],
      [4, true, null],
    ]);
    await fetch(`${emu.url}/__emulator/outbound-messages/${rule.id}`, {
      method: "PATCH",
      body: JSON.stringify({ active: false }),
    });
  });

  it("inactive rules send nothing; deletes send nothing", async () => {
    await addRule({ object: "Lead", fields: ["LastName"], endpointUrl: listenerUrl, active: false });
    const lead = await conn.sobject("Lead").create({ LastName: "Quiet", Company: "Q" });
    await conn.sobject("Lead").destroy(lead.id!);
    await new Promise((r) => setTimeout(r, 60));
    expect(received).toHaveLength(0);
  });

  it("refuses a rule for an unknown field", async () => {
    const res = await fetch(`${emu.url}/__emulator/outbound-messages`, {
      method: "POST",
      body: JSON.stringify({ object: "Contact", fields: ["Nope__c"], endpointUrl: listenerUrl }),
    });
    expect(res.status).toBe(400);
  });
});
