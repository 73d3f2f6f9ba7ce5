import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { NO_FAULTS_HEADER } from "./org/faults";
import { dataPath, raw, startWithConnection } from "./test-helpers";

let emu: RunningEmulator;
let token: string;

beforeAll(async () => {
  let conn;
  ({ emu, conn } = await startWithConnection());
  token = conn.accessToken!;
});
afterAll(async () => emu.stop());
afterEach(async () => {
  await fetch(`${emu.url}/__emulator/faults`, { method: "DELETE" });
});

const admin = async (path: string, body?: unknown, method = "POST") => {
  const res = await fetch(`${emu.url}/__emulator/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
};

const createContact = (lastName: string, headers: Record<string, string> = {}) =>
  raw(emu, token, "POST", dataPath("/sobjects/Contact"), JSON.stringify({ LastName: lastName }), headers);

const contactsNamed = (lastName: string) =>
  [...emu.store.requireTable("Contact").byId.values()].filter((r) => r.LastName === lastName && !r.IsDeleted);

describe("fault kinds (the soak's mix)", () => {
  it("each error kind answers with Salesforce's status and code", async () => {
    const cases = [
      ["500", 500, "UNKNOWN_EXCEPTION"],
      ["503", 503, "SERVER_UNAVAILABLE"],
      ["UNABLE_TO_LOCK_ROW", 400, "UNABLE_TO_LOCK_ROW"],
      ["REQUEST_LIMIT_EXCEEDED", 403, "REQUEST_LIMIT_EXCEEDED"],
      ["INVALID_SESSION_ID", 401, "INVALID_SESSION_ID"],
    ] as const;
    for (const [kind, status, errorCode] of cases) {
      await admin("faults", { errorRate: 1, kinds: [kind] });
      const res = await createContact(`Refused ${kind}`);
      expect(res.status, kind).toBe(status);
      expect((res.json() as Array<{ errorCode: string }>)[0]!.errorCode).toBe(errorCode);
      expect(contactsNamed(`Refused ${kind}`)).toHaveLength(0);
    }
  });

  it("timeoutAfterCommit commits, hangs, then closes the connection without an answer", async () => {
    await admin("faults", { errorRate: 1, kinds: ["timeoutAfterCommit"], timeoutAfterCommitMs: 150 });
    const started = performance.now();
    await expect(createContact("Hung Answer")).rejects.toThrow("fetch failed");
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(contactsNamed("Hung Answer")).toHaveLength(1);
  });

  it("drop closes the connection before the call runs: nothing commits", async () => {
    await admin("faults", { errorRate: 1, kinds: ["drop"] });
    await expect(createContact("Never Sent")).rejects.toThrow("fetch failed");
    expect(contactsNamed("Never Sent")).toHaveLength(0);
  });

  it("expireSession ends every access token: the call and the ones after it are INVALID_SESSION_ID", async () => {
    const spare = emu.issueTokens().access_token;
    await admin("faults", { errorRate: 1, kinds: ["expireSession"] });
    const res = await createContact("Expired");
    expect(res.status).toBe(401);
    expect((res.json() as Array<{ errorCode: string }>)[0]!.errorCode).toBe("INVALID_SESSION_ID");
    await admin("faults", undefined, "DELETE");
    const later = await raw(emu, spare, "GET", dataPath("/limits"));
    expect(later.status).toBe(401);
    token = emu.issueTokens().access_token;
  });

  it("a SOAP call's injected error is a SOAP fault with the sf: code", async () => {
    await admin("faults", { errorRate: 1, kinds: ["UNABLE_TO_LOCK_ROW"] });
    const res = await fetch(`${emu.url}/services/Soap/u/62.0`, {
      method: "POST",
      headers: { "Content-Type": "text/xml", SOAPAction: "merge" },
      body: "<soapenv:Envelope/>",
    });
    expect(res.status).toBe(500);
    expect(await res.text()).toContain("<faultcode>sf:UNABLE_TO_LOCK_ROW</faultcode>");
  });

  it("a seed repeats the same draws; calls and injected faults are counted; the no-faults header passes", async () => {
    const draw = async () => {
      await admin("faults", { errorRate: 0.5, kinds: ["503", "UNABLE_TO_LOCK_ROW"], seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await raw(emu, token, "GET", dataPath("/limits"))).status);
      const exempt = await raw(emu, token, "GET", dataPath("/limits"), undefined, { [NO_FAULTS_HEADER]: "1" });
      expect(exempt.status).toBe(200);
      return { statuses, counts: await admin("faults", undefined, "GET") };
    };
    const first = await draw();
    const second = await draw();
    expect(second.statuses).toEqual(first.statuses);
    expect(first.statuses.some((status) => status !== 200)).toBe(true);
    const injected = first.counts.injected as Record<string, number>;
    expect(first.counts.calls).toBe(12);
    expect(Object.values(injected).reduce((a, b) => a + b, 0)).toBe(first.statuses.filter((s) => s !== 200).length);
    expect(Object.keys(injected).every((kind) => ["SERVER_UNAVAILABLE", "UNABLE_TO_LOCK_ROW"].includes(kind))).toBe(
      true,
    );
  });
});
