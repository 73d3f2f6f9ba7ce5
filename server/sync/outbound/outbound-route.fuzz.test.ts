import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { crmPeople, outboundNotifications } from "@/db/schema";
import { OUTBOUND_ACK, type TOutboundEnvelope } from "@/server/salesforce/outbound-parser";
import { adminConnection } from "@/server/salesforce/testing/admin-connection";
import {
  arbitraryEnvelopeCase,
  expectedEnvelope,
  renderCase,
  type TEnvelopeCase,
  type TEnvelopeModel,
} from "@/server/salesforce/testing/outbound-envelopes";
import { fuzzParameters } from "@/server/testing/fuzz";
import { SYNC_OBJECTS } from "../core/sync-objects";
import { setUpSyncTestBed } from "../testing/test-bed";
import { getOutboundToken } from "./outbound-token";

/*
 * POST /api/salesforce/outbound/<token>, called in process with Request objects, against a
 * migrated database connected to an emulated org. Whatever comes in, the answer is a 4xx or the
 * exact acknowledgement (never a 5xx, never a throw); the notifications table gains rows only for
 * well-formed notifications of the connected org; a body that is not UTF-8 is refused (400) and a
 * compressed one too (415, never decoded, so no zip bomb); large bodies leave the heap where it
 * was; and the route still takes a real message and applies it afterwards.
 *
 * The route reads Date.now() for its per-token rate limit: only Date is faked here, and moved on
 * between requests so the limit refills, as it would between Salesforce's deliveries. A 429 with
 * Retry-After that stores nothing is still a correct answer.
 *
 * Runs are bounded for CI (about ten seconds); a longer run by hand: `FUZZ_RUNS=2000 vitest run
 * <this file>`, and `FUZZ_SEED=<seed>` tries other cases (CI keeps one seed, server/testing/fuzz.ts).
 */

const scheduled = vi.hoisted(() => [] as Array<() => unknown>);
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  // In process there is no request scope: keep what the route leaves for after its answer.
  after: (task: () => unknown) => void scheduled.push(task),
}));

const { POST } = await import("@/app/api/salesforce/outbound/[token]/route");

const bed = setUpSyncTestBed();
const holder = globalThis as unknown as { tandemDatabase?: unknown };
const MIB = 1024 * 1024;
const SOAP = "text/xml; charset=utf-8";
const ID = /^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/;
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

let token: string;
let orgId: string;
let clock = 1_750_000_000_000;

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(clock);
});
afterAll(() => {
  vi.useRealTimers();
  delete holder.tandemDatabase;
});

type TRequestCase = {
  name: string;
  token: "right" | "wrong";
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  /** The statuses a correct route may answer (429 is always allowed). */
  statuses: number[];
  /** What a 200 must have stored: exactly these notifications, or (null) any well-formed ones. */
  stored: TOutboundEnvelope | null;
};

const utf8 = (text: string) => new TextEncoder().encode(text);

function envelopeRequest(envelopeCase: TEnvelopeCase): TRequestCase {
  const body = utf8(envelopeCase.xml);
  // UTF-8 cannot carry a lone surrogate: it arrives as U+FFFD, which XML allows.
  const carried = envelopeCase.xml.isWellFormed();
  const expectation = carried ? envelopeCase.expect : "either";
  const statuses = body.byteLength > MIB ? [413] : { refuse: [400], accept: [200], either: [200, 400] }[expectation];
  return {
    name: `envelope, ${envelopeCase.mutation.kind}`,
    token: "right",
    body,
    headers: { "content-type": SOAP },
    statuses,
    stored: carried ? envelopeCase.expected : null,
  };
}

/** Bytes that are not UTF-8, inside a field value of a valid envelope. */
const NOT_UTF8 = [[0xff], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98], [0xfe, 0xff]];

function withBytes(xml: string, marker: string, bytes: number[]): Uint8Array<ArrayBuffer> {
  const [before = "", after = ""] = xml.split(marker);
  return new Uint8Array([...utf8(before), ...bytes, ...utf8(after)]);
}

/** One valid envelope of the connected org with a marker in a value, to put bytes into. */
function markedEnvelope(model: TEnvelopeModel): string {
  const marked: TEnvelopeModel = {
    ...model,
    notifications: model.notifications.map((notification, index) =>
      index === 0 ? { ...notification, fields: [{ name: "Marked__c", value: "@@MARK@@" }] } : notification,
    ),
  };
  return renderCase(marked, STYLE, { kind: "none" }).xml;
}

const STYLE = {
  declaration: true,
  envelopePrefix: "soapenv",
  outboundPrefix: "",
  fieldPrefix: "sf",
  xsiPrefix: "xsi",
  quote: '"',
  gap: "",
  comments: false,
  headerOrder: [0, 1, 2, 3, 4],
  session: "nil",
  escapes: ["named"],
  fieldRotation: 0,
} as const satisfies Parameters<typeof renderCase>[1];

const COMPRESS = {
  gzip: (text: string) => Uint8Array.from(gzipSync(text)),
  deflate: (text: string) => Uint8Array.from(deflateSync(text)),
  br: (text: string) => Uint8Array.from(brotliCompressSync(text)),
};
const COMPRESSIONS = Object.keys(COMPRESS) as Array<keyof typeof COMPRESS>;

/** An envelope of `count` notifications, each as small as the schema allows (~120 bytes). */
function manyNotifications(connected: string, count: number): string {
  const items = Array.from(
    { length: count },
    (_, index) =>
      `<Notification><Id>04l${String(index).padStart(12, "0")}</Id><sObject i:type="s:Contact"><s:Id>003${String(index).padStart(12, "0")}</s:Id></sObject></Notification>`,
  ).join("");
  return `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:s="urn:sobject.enterprise.soap.sforce.com"><e:Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>${connected}</OrganizationId><ActionId>04k000000000001AAA</ActionId>${items}</notifications></e:Body></e:Envelope>`;
}

function arbitraryRequest(connected: string): fc.Arbitrary<TRequestCase> {
  const model = arbitraryEnvelopeCase({ orgId: connected }).filter((envelopeCase) => envelopeCase.expect === "accept");
  return fc.oneof(
    { weight: 12, arbitrary: arbitraryEnvelopeCase({ orgId: connected }).map(envelopeRequest) },
    {
      weight: 2,
      arbitrary: arbitraryEnvelopeCase()
        .filter(
          (envelopeCase) =>
            envelopeCase.expect === "accept" && envelopeCase.model.orgId.slice(0, 15) !== connected.slice(0, 15),
        )
        .map((envelopeCase) => ({ ...envelopeRequest(envelopeCase), name: "another org", statuses: [403] })),
    },
    {
      weight: 1,
      arbitrary: model.map((envelopeCase) => ({
        ...envelopeRequest(envelopeCase),
        name: "a wrong token",
        token: "wrong" as const,
        statuses: [401],
      })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(model, fc.constantFrom(...NOT_UTF8)).map(([envelopeCase, bytes]) => ({
        name: "bytes that are not UTF-8",
        token: "right" as const,
        body: withBytes(markedEnvelope(envelopeCase.model), "@@MARK@@", bytes),
        headers: { "content-type": SOAP },
        statuses: [400],
        stored: null,
      })),
    },
    {
      weight: 1,
      arbitrary: model.map((envelopeCase) => ({
        ...envelopeRequest(envelopeCase),
        name: "a UTF-8 byte-order mark",
        body: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(envelopeCase.xml)]),
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(model, fc.constantFrom(...COMPRESSIONS), fc.constantFrom("declared", "Declared ", "undeclared"))
        .map(([envelopeCase, compression, declared]) => ({
          name: `${compression}, ${declared}`,
          token: "right" as const,
          body: COMPRESS[compression](envelopeCase.xml),
          headers: {
            "content-type": SOAP,
            ...(declared === "undeclared"
              ? {}
              : { "content-encoding": declared === "declared" ? compression : ` ${compression.toUpperCase()} ` }),
          } as Record<string, string>,
          // Declared: refused before a byte is read. Undeclared: compressed bytes are not UTF-8 XML.
          statuses: declared === "undeclared" ? [400] : [415],
          stored: null,
        })),
    },
    {
      weight: 2,
      arbitrary: fc.uint8Array({ maxLength: 4096 }).map((body) => ({
        name: "random bytes",
        token: "right" as const,
        body,
        headers: { "content-type": SOAP },
        statuses: [400],
        stored: null,
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom("", "   ", "\n").map((text) => ({
        name: "an empty body",
        token: "right" as const,
        body: utf8(text),
        headers: { "content-type": SOAP },
        statuses: [400],
        stored: null,
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          model,
          fc.constantFrom(
            "application/json",
            "text/plain",
            "multipart/form-data; boundary=x",
            "application/octet-stream",
            "",
          ),
        )
        .map(([envelopeCase, contentType]) => ({
          ...envelopeRequest(envelopeCase),
          name: `content type "${contentType}"`,
          headers: (contentType ? { "content-type": contentType } : {}) as Record<string, string>,
          // The body decides, as Salesforce always sends text/xml: the content type is not checked.
          statuses: [200],
        })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 8_000, max: 10_000 }).map((count) => ({
        name: `${count} notifications`,
        token: "right" as const,
        body: utf8(manyNotifications(connected, count)),
        headers: { "content-type": SOAP },
        statuses: [400, 413],
        stored: null,
      })),
    },
  );
}

async function send(request: TRequestCase): Promise<Response> {
  clock += 250;
  vi.setSystemTime(clock);
  const path = request.token === "right" ? token : `${token}x`;
  const response = await POST(
    new Request(`http://localhost/api/salesforce/outbound/${encodeURIComponent(path)}`, {
      method: "POST",
      headers: request.headers,
      body: request.body,
    }),
    { params: Promise.resolve({ token: path }) },
  );
  return response;
}

function storedRows() {
  return bed.database.db.select().from(outboundNotifications).orderBy(outboundNotifications.notificationId);
}

/** The rows a correct route stores for an envelope: one per Notification Id, the first one kept. */
function expectedRows(envelope: TOutboundEnvelope) {
  const synced = new Set<string>(SYNC_OBJECTS);
  const byId = new Map<string, object>();
  for (const notification of envelope.notifications) {
    if (byId.has(notification.notificationId)) continue;
    byId.set(notification.notificationId, {
      notificationId: notification.notificationId,
      object: notification.object,
      sfId: notification.sfId,
      systemModstamp: notification.fields.SystemModstamp ?? null,
      payload: notification.fields,
      status: synced.has(notification.object) ? "pending" : "failed",
    });
  }
  return [...byId.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** Checks the answer and what was stored; returns the status. */
async function checkAnswer(request: TRequestCase, response: Response): Promise<number> {
  const text = await response.text();
  const rows = await storedRows();
  expect(response.status, `${request.name}: ${text.slice(0, 300)}`).toBeLessThan(500);
  if (response.status === 429) {
    expect(response.headers.get("retry-after")).toMatch(/^[1-9][0-9]*$/);
    expect(rows).toEqual([]);
    return 429;
  }
  expect(request.statuses, `${request.name} answered ${response.status}: ${text.slice(0, 300)}`).toContain(
    response.status,
  );
  if (response.status !== 200) {
    expect(rows, `${request.name}: a refused request stores nothing`).toEqual([]);
    expect(scheduled).toEqual([]);
    return response.status;
  }
  expect(text).toBe(OUTBOUND_ACK);
  expect(scheduled.length).toBe(rows.length > 0 ? 1 : 0);
  if (request.stored) {
    expect(rows).toMatchObject(expectedRows(request.stored));
    expect(rows.length).toBe(expectedRows(request.stored).length);
    return 200;
  }
  for (const row of rows) {
    expect(row.notificationId).toMatch(ID);
    expect(row.sfId).toMatch(ID);
    expect(row.object).toMatch(API_NAME);
    expect(row.payload.Id).toBe(row.sfId);
  }
  return 200;
}

async function clearNotifications() {
  await bed.database.db.delete(outboundNotifications);
  scheduled.length = 0;
}

/**
 * What the process holds: the heap after a full collection (what is alive, not garbage waiting to
 * go), or, where V8 will not expose its collector, the resident set, which is far noisier.
 */
function memoryProbe(): { measure: () => number; exact: boolean } {
  let gc: (() => void) | null = null;
  try {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  } catch {
    gc = null;
  }
  if (!gc) return { measure: () => process.memoryUsage().rss, exact: false };
  const collect = gc;
  return {
    measure: () => {
      collect();
      return process.memoryUsage().heapUsed;
    },
    exact: true,
  };
}

describe("POST /api/salesforce/outbound/<token>, fuzzed", () => {
  beforeAll(() => {
    holder.tandemDatabase = bed.database;
  });

  it("answers every request with a 4xx or the exact acknowledgement, and stores only well-formed notifications of the connected org", async () => {
    token = await getOutboundToken(bed.database.db);
    orgId = bed.emulator.orgId;
    let requests = 0;
    let rateLimited = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryRequest(orgId), async (request) => {
        await clearNotifications();
        const status = await checkAnswer(request, await send(request));
        requests += 1;
        if (status === 429) rateLimited += 1;
      }),
      fuzzParameters(300),
    );
    // Most requests must reach the route's checks for the property to say anything.
    expect(rateLimited).toBeLessThan(requests / 2);
  });

  // A lenient decoder would read the byte as U+FFFD and store a last name the message never held.
  it("refuses a body that is not UTF-8 with 400 and stores nothing", async () => {
    token = await getOutboundToken(bed.database.db);
    const model: TEnvelopeModel = {
      orgId: bed.emulator.orgId,
      actionId: "04k000000000001AAA",
      sessionId: null,
      object: "Contact",
      notifications: [{ id: "04l000000000001AAA", sfId: "003000000000001AAA", fields: [] }],
    };
    const request: TRequestCase = {
      name: "a Latin-1 byte in a value",
      token: "right",
      body: withBytes(markedEnvelope(model), "@@MARK@@", [0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]),
      headers: { "content-type": SOAP },
      statuses: [400],
      stored: null,
    };
    await clearNotifications();
    await checkAnswer(request, await send(request));
  });

  it("keeps the heap flat over 200 hostile bodies, answers each within seconds, and stays healthy after", async () => {
    token = await getOutboundToken(bed.database.db);
    const connected = bed.emulator.orgId;
    const envelopeOf = (model: Partial<TEnvelopeModel>) =>
      renderCase(
        {
          orgId: connected,
          actionId: "04k000000000001AAA",
          sessionId: null,
          object: "Contact",
          notifications: [{ id: "04l000000000001AAA", sfId: "003000000000001AAA", fields: [] }],
          ...model,
        },
        STYLE,
        { kind: "none" },
      ).xml;
    const bomb = "<a>".repeat(7 * MIB);
    const hostile: TRequestCase[] = [
      { name: "10,000 notifications", body: utf8(manyNotifications(connected, 10_000)), statuses: [413] },
      { name: "8,000 notifications", body: utf8(manyNotifications(connected, 8_000)), statuses: [400] },
      { name: "a megabyte of '<'", body: utf8("<".repeat(MIB)), statuses: [400] },
      { name: "a megabyte of 'a<'", body: utf8("a<".repeat(MIB / 2)), statuses: [400] },
      { name: "nested 100,000 deep", body: utf8(`${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}`), statuses: [400] },
      {
        name: "random bytes",
        body: new Uint8Array(MIB).map((_, index) => (index * 2_654_435_761) >>> 24),
        statuses: [400],
      },
      { name: "one byte over the cap", body: utf8("x".repeat(MIB + 1)), statuses: [413] },
      {
        name: "a 900 KB attribute",
        body: utf8(envelopeOf({}).replace("<soapenv:Body>", `<soapenv:Body data-x="${"a".repeat(900_000)}">`)),
        statuses: [200],
      },
      ...(["gzip", "deflate", "br"] as const).map((compression) => ({
        name: `a 21 MB ${compression} bomb`,
        body: COMPRESS[compression](bomb),
        headers: { "content-type": SOAP, "content-encoding": compression },
        statuses: [415],
      })),
      {
        name: "a megabyte of text that is not UTF-8",
        body: withBytes(envelopeOf({}).replace("</notifications>", "@@MARK@@</notifications>"), "@@MARK@@", [
          ...new Uint8Array(MIB - 4096).fill(0xe9),
        ]),
        statuses: [400],
      },
    ].map(
      (request) => ({ token: "right", headers: { "content-type": SOAP }, stored: null, ...request }) as TRequestCase,
    );

    const sendAll = async (count: number) => {
      for (let index = 0; index < count; index++) {
        const request = hostile[index % hostile.length]!;
        await clearNotifications();
        const started = performance.now();
        await checkAnswer(request, await send(request));
        expect(performance.now() - started, request.name).toBeLessThan(5_000);
      }
    };
    const memory = memoryProbe();
    // A first round of each kind: what the first use of a code path allocates for good is not growth.
    await sendAll(hostile.length);
    console.log("TEMP start", performance.now());
    const before = memory.measure();
    await sendAll(200);
    await clearNotifications();
    const grown = memory.measure() - before;
    console.log("TEMP", memory.exact, grown / MIB, performance.now());
    // 200 bodies carry ~150 MB; a leak of what one request reads would leave 100+ MiB behind.
    expect(grown).toBeLessThan((memory.exact ? 32 : 96) * MIB);

    // Healthy after: a real change, announced by a valid envelope, is stored, acknowledged and applied.
    const contact = await adminConnection(bed.emulator).sobject("Contact").create({ LastName: "Healthy" });
    const model: TEnvelopeModel = {
      orgId: connected,
      actionId: "04k000000000001AAA",
      sessionId: null,
      object: "Contact",
      notifications: [
        { id: "04l000000000777AAA", sfId: contact.id!, fields: [{ name: "LastName", value: "Healthy" }] },
      ],
    };
    const healthy: TRequestCase = {
      name: "a valid envelope",
      token: "right",
      body: utf8(envelopeOf(model)),
      headers: { "content-type": SOAP },
      statuses: [200],
      stored: expectedEnvelope(model),
    };
    await clearNotifications();
    await checkAnswer(healthy, await send(healthy));
    expect(scheduled).toHaveLength(1);
    vi.useRealTimers();
    await scheduled[0]!();
    const applied = await bed.database.db.query.crmPeople.findFirst({ where: eq(crmPeople.sfId, contact.id!) });
    expect(applied).toMatchObject({ lastName: "Healthy", source: "outbound" });
  });
});
