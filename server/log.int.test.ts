import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@/db/testing/test-database";
import { getEnv } from "@/server/env";
import { createOutboundLimiter } from "@/server/http/outbound-rate-limit";
import { receiveOutboundMessages } from "@/server/http/outbound-messages";
import { reportUnexpectedError } from "@/server/report-error";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import { adminConnection } from "@/server/salesforce/testing/admin-connection";
import { decryptToken, deriveTokenKey } from "@/server/salesforce/token-cipher";
import { getOutboundToken } from "@/server/sync/outbound/outbound-token";
import { processOutboundNotifications } from "@/server/sync/outbound/process-notifications";
import { runTick } from "@/server/sync/run-tick";
import { connectToEmulator, emulatorAdmin } from "@/server/sync/testing/emulator-connection";
import { createTandemAccount, enablePush } from "@/server/sync/testing/push-fixtures";
import { setUpSyncTestBed } from "@/server/sync/testing/test-bed";
import type { TTickSummary } from "@/server/sync/tick-summary";
import { addUser } from "@/server/users/add-user";
import { captureLogs, type TCapturedLogs } from "./testing/capture-logs";

const bed = setUpSyncTestBed();
let logs: TCapturedLogs;
beforeEach(() => {
  logs = captureLogs("info");
});
afterEach(() => logs.restore());

async function tick(trigger: "cli" | "cron" | "push"): Promise<TTickSummary> {
  const summary = await runTick(bed.database.db, trigger, { budgetMs: 60_000 });
  if ("skipped" in summary) throw new Error("tick was skipped");
  return summary;
}

function envelope(orgId: string, notificationId: string, sfId: string) {
  return `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>${orgId}</OrganizationId><ActionId>04k000000000001AAA</ActionId><SessionId xsi:nil="true"/><EnterpriseUrl>x</EnterpriseUrl><PartnerUrl>x</PartnerUrl><Notification><Id>${notificationId}</Id><sObject xsi:type="sf:Contact" xmlns:sf="urn:sobject.enterprise.soap.sforce.com"><sf:Id>${sfId}</sf:Id><sf:LastName>Black</sf:LastName></sObject></Notification></notifications></soapenv:Body></soapenv:Envelope>`;
}

async function receive(token: string, body: string) {
  const request = new Request("http://x", { method: "POST", body });
  const limiter = createOutboundLimiter();
  return receiveOutboundMessages({ token, request, now: Date.now(), db: bed.database.db, limiter });
}

describe(`the server log on ${testDatabaseKind()}`, () => {
  it("writes one line per tick and per push batch, with the tick's counts and the batch's results", async () => {
    const { db } = bed.database;
    await emulatorAdmin(bed.emulator, "records", { object: "Account", count: 3 });
    await enablePush(db, ["accounts"]);
    await createTandemAccount(db, { name: "Globex" });
    const summary = await tick("cron");

    const ticks = logs.events("sync.tick");
    expect(ticks).toHaveLength(1);
    expect(ticks[0]).toEqual({
      level: "info",
      time: expect.any(String),
      pid: expect.any(Number),
      hostname: expect.any(String),
      event: "sync.tick",
      tickId: summary.tickId,
      trigger: "cron",
      outcome: "ok",
      durationMs: summary.durationMs,
      apiCalls: summary.apiCalls,
      more: false,
      pull: summary.pull,
      push: { Account: { created: 1, updated: 0, failed: 0 } },
      duplicates: summary.duplicates,
    });
    expect(summary.duplicates).toEqual({ checked: expect.any(Number), durationMs: expect.any(Number) });
    expect(summary.pull.Account.created).toBe(3);
    const batches = logs.events("push.batch");
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({
      level: "info",
      tickId: summary.tickId,
      object: "Account",
      operation: expect.stringMatching(/^(create|upsert)$/),
      records: 1,
      created: 1,
      updated: 0,
      failed: 0,
      retrying: 0,
      durationMs: expect.any(Number),
      outcome: "answered",
    });
  });

  it("writes one line per outbound message received (new and duplicate notifications) and one per batch applied", async () => {
    const { db } = bed.database;
    const token = await getOutboundToken(db);
    const contact = await adminConnection(bed.emulator).sobject("Contact").create({ LastName: "Black" });
    const body = envelope(bed.emulator.orgId, "04l000000000001AAA", contact.id!);
    expect((await receive(token, body)).status).toBe(200);
    expect((await receive(token, body)).status).toBe(200);
    const applied = await processOutboundNotifications(db);

    const received = logs.events("outbound.received");
    expect(received).toHaveLength(2);
    const common = { level: "info", orgId: bed.emulator.orgId, object: "Contact", notifications: 1 };
    expect(received[0]).toMatchObject({ ...common, stored: 1, duplicates: 0, durationMs: expect.any(Number) });
    expect(received[1]).toMatchObject({ ...common, stored: 0, duplicates: 1 });
    const batches = logs.events("outbound.applied");
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({
      tickId: "tickId" in applied ? applied.tickId : "",
      orgId: bed.emulator.orgId,
      notifications: 1,
      applied: 1,
      failed: 0,
      retrying: 0,
      apiCalls: 1,
      durationMs: expect.any(Number),
    });
    const ticks = logs.events("sync.tick");
    expect(ticks).toHaveLength(1);
    expect(ticks[0]).toMatchObject({ trigger: "outbound", outcome: "ok", outbound: { applied: 1, failed: 0 } });
  });

  it("never writes the access or refresh token, the outbound token, AUTH_SECRET or a user's password", async () => {
    const { db } = bed.database;
    const tokens = await connectToEmulator(db, bed.emulator);
    const password = "correct horse battery staple 42";
    await addUser(db, { email: "rep@example.com", name: "Rep", password, role: "member" });
    const outboundToken = await getOutboundToken(db);

    // A tick whose session has expired (jsforce refreshes it), with pull, push and a refused call.
    await emulatorAdmin(bed.emulator, "expire-tokens");
    await emulatorAdmin(bed.emulator, "records", { object: "Account", count: 2 });
    await enablePush(db, ["accounts"]);
    await createTandemAccount(db, { name: "Initech" });
    await tick("cli");
    await emulatorAdmin(bed.emulator, "faults", {
      nextErrors: { count: 1, status: 503, errorCode: "SERVER_UNAVAILABLE", message: "Down for a moment" },
    });
    await createTandemAccount(db, { name: "Hooli" });
    await tick("push");
    const row = await getConnectionRow(db);
    const refreshedAccessToken = decryptToken(row!.accessTokenEncrypted!, deriveTokenKey(getEnv()));
    expect(refreshedAccessToken).not.toBe(tokens.access_token);

    // Outbound: a message, a wrong token, and an unexpected error carrying what a client library keeps.
    const contact = await adminConnection(bed.emulator).sobject("Contact").create({ LastName: "Black" });
    await receive(outboundToken, envelope(bed.emulator.orgId, "04l000000000002AAA", contact.id!));
    await receive(`${outboundToken}x`, envelope(bed.emulator.orgId, "04l000000000003AAA", contact.id!));
    await processOutboundNotifications(db);
    reportUnexpectedError(
      "outbound",
      Object.assign(new Error("Salesforce refused the call"), {
        request: {
          url: `/api/salesforce/outbound/${outboundToken}`,
          headers: { Authorization: `Bearer ${refreshedAccessToken}` },
        },
        body: { email: "rep@example.com", password },
        oauth: { refresh_token: tokens.refresh_token, secret: getEnv().AUTH_SECRET },
      }),
    );

    const written = logs.text();
    for (const event of ["sync.tick", "push.batch", "outbound.received", "outbound.refused", "outbound.applied"]) {
      expect(logs.events(event).length, event).toBeGreaterThan(0);
    }
    expect(logs.events("push.batch").map((line) => line.outcome)).toContain("retry");
    const secrets = {
      accessToken: tokens.access_token,
      refreshedAccessToken,
      refreshToken: tokens.refresh_token,
      outboundToken,
      authSecret: getEnv().AUTH_SECRET!,
      password,
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret.length, name).toBeGreaterThan(8);
      expect(written.includes(secret), `${name} is in the log`).toBe(false);
    }
  });
});
