import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { outboundNotifications } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing/test-database";
import { getOutboundToken } from "@/server/sync/outbound/outbound-token";
import { setUpSyncTestBed } from "@/server/sync/testing/test-bed";
import { receiveOutboundMessages } from "./outbound-messages";
import { createOutboundLimiter, OUTBOUND_LIMITS, takeOutboundRequest } from "./outbound-rate-limit";

const bed = setUpSyncTestBed();

const notificationId = (index: number) => `04l${String(index).padStart(12, "0")}AAA`;

function envelope(orgId: string, id: string) {
  return `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>${orgId}</OrganizationId><ActionId>04k000000000001AAA</ActionId><SessionId xsi:nil="true"/><EnterpriseUrl>x</EnterpriseUrl><PartnerUrl>x</PartnerUrl><Notification><Id>${id}</Id><sObject xsi:type="sf:Contact" xmlns:sf="urn:sobject.enterprise.soap.sforce.com"><sf:Id>003000000000001AAA</sf:Id></sObject></Notification></notifications></soapenv:Body></soapenv:Envelope>`;
}

const post = (body: BodyInit) => new Request("http://x", { method: "POST", body, duplex: "half" } as RequestInit);

/** A body that counts how often it is read from. */
function watchedBody() {
  const reads = { count: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      reads.count += 1;
      controller.enqueue(new TextEncoder().encode("x".repeat(64 * 1024)));
    },
  });
  return { stream, reads };
}

describe(`the outbound-message route's rate limit on ${testDatabaseKind()}`, () => {
  it("answers the message after a full burst with 429 and Retry-After, unread and unstored; after the wait it is taken", async () => {
    const { db } = bed.database;
    const token = await getOutboundToken(db);
    const limiter = createOutboundLimiter();
    let now = 1_700_000_000_000;
    const send = (body: BodyInit) => receiveOutboundMessages({ token, request: post(body), now, db, limiter });

    const burst = [];
    for (let index = 0; index < OUTBOUND_LIMITS.capacity; index++) {
      burst.push((await send(envelope(bed.emulator.orgId, notificationId(index)))).status);
    }
    expect(burst).toEqual(Array(OUTBOUND_LIMITS.capacity).fill(200));

    const { stream, reads } = watchedBody();
    const refused = await send(stream);
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatchObject({
      "retry-after": "1",
      "content-type": expect.stringContaining("text/plain"),
    });
    expect(refused.body).toMatch(/retry after 1 s/);
    expect(refused.stored).toBe(0);
    // At most the stream's own first read-ahead: the handler never read the body.
    expect(reads.count).toBeLessThanOrEqual(1);
    const late = envelope(bed.emulator.orgId, notificationId(OUTBOUND_LIMITS.capacity));
    expect((await send(late)).status).toBe(429);
    expect(await db.$count(outboundNotifications)).toBe(OUTBOUND_LIMITS.capacity);

    // Salesforce sends a message it got no acknowledgement for again: after the wait it is stored.
    now += 1_000;
    const again = await send(late);
    expect([again.status, again.stored]).toEqual([200, 1]);
    expect(again.body).toContain("<Ack>true</Ack>");
    expect(await db.$count(outboundNotifications)).toBe(OUTBOUND_LIMITS.capacity + 1);
  });

  it("keeps the limiter bounded under random tokens, which get 401 and never spend the real token's burst", async () => {
    const { db } = bed.database;
    const token = await getOutboundToken(db);
    const limiter = createOutboundLimiter();
    const now = 1_700_000_000_000;
    for (let index = 0; index < 50_000; index++) {
      takeOutboundRequest(randomBytes(24).toString("base64url"), now, limiter);
    }
    expect(limiter.size).toBe(OUTBOUND_LIMITS.maxKeys);

    for (let index = 0; index < 5; index++) {
      const stranger = randomBytes(24).toString("base64url");
      const answer = await receiveOutboundMessages({ token: stranger, request: post("<x/>"), now, db, limiter });
      expect(answer.status).toBe(401);
    }
    const burst = [];
    for (let index = 0; index < OUTBOUND_LIMITS.capacity; index++) {
      const body = envelope(bed.emulator.orgId, notificationId(500 + index));
      burst.push((await receiveOutboundMessages({ token, request: post(body), now, db, limiter })).status);
    }
    expect(burst).toEqual(Array(OUTBOUND_LIMITS.capacity).fill(200));
  });

  it("slows one wrong token repeated like any other: its burst of 401s, then 429 without the token check", async () => {
    const { db } = bed.database;
    const limiter = createOutboundLimiter();
    const now = 1_700_000_000_000;
    const statuses = [];
    for (let index = 0; index <= OUTBOUND_LIMITS.capacity; index++) {
      statuses.push(
        (await receiveOutboundMessages({ token: "guess", request: post("<x/>"), now, db, limiter })).status,
      );
    }
    expect(statuses.slice(0, -1)).toEqual(Array(OUTBOUND_LIMITS.capacity).fill(401));
    expect(statuses.at(-1)).toBe(429);
  });
});
