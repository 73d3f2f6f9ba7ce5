import type { Connection } from "jsforce";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { dataPath, raw, startWithConnection } from "./test-helpers";

let emu: RunningEmulator;
let conn: Connection;
let token: string;

beforeAll(async () => {
  ({ emu, conn } = await startWithConnection({ dailyApiLimit: 1000 }));
  token = conn.accessToken!;
});
afterAll(async () => emu.stop());
afterEach(async () => {
  await fetch(`${emu.url}/__emulator/faults`, { method: "DELETE" });
});

const admin = (path: string, body?: unknown, method = "POST") =>
  fetch(`${emu.url}/__emulator/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });

describe("limits", () => {
  it("/limits and Sforce-Limit-Info agree, and jsforce reads the header", async () => {
    const limits = await conn.limits();
    expect(limits.DailyApiRequests!.Max).toBe(1000);
    const used = 1000 - limits.DailyApiRequests!.Remaining;
    const res = await raw(emu, token, "GET", dataPath("/sobjects"));
    expect(res.headers.get("sforce-limit-info")).toBe(`api-usage=${used + 1}/1000`);
    await conn.query("SELECT Id FROM User");
    expect(conn.limitInfo.apiUsage).toEqual({ used: used + 2, limit: 1000 });
  });

  it("OAuth calls do not count; a daily maximum makes further calls 403 REQUEST_LIMIT_EXCEEDED", async () => {
    const before = (await (await admin("api-usage", undefined, "GET")).json()) as { total: number };
    await fetch(`${emu.url}/services/oauth2/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "grant_type=refresh_token&refresh_token=nope&client_id=tandem-demo",
    });
    const after = (await (await admin("api-usage", undefined, "GET")).json()) as {
      total: number;
      byResource: Record<string, number>;
    };
    expect(after.total).toBe(before.total);
    expect(after.byResource.query).toBeGreaterThan(0);
    await admin("limits", { dailyMax: after.total });
    const res = await raw(emu, token, "GET", dataPath("/limits"));
    expect(res.status).toBe(403);
    expect(res.json()).toEqual([{ message: "TotalRequests Limit exceeded.", errorCode: "REQUEST_LIMIT_EXCEEDED" }]);
    expect(res.headers.get("sforce-limit-info")).toBe(`api-usage=${after.total}/${after.total}`);
    await expect(conn.sobject("Contact").create({ LastName: "x" })).rejects.toMatchObject({
      errorCode: "REQUEST_LIMIT_EXCEEDED",
    });
    await admin("limits", { dailyMax: 1000 });
  });
});

describe("faults", () => {
  it("nextErrors answers the next N calls with the given error", async () => {
    const set = await admin("faults", {
      nextErrors: {
        count: 2,
        status: 400,
        errorCode: "UNABLE_TO_LOCK_ROW",
        message: "unable to obtain exclusive access to this record",
      },
    });
    expect(set.status).toBe(200);
    await expect(conn.sobject("Contact").create({ LastName: "a" })).rejects.toMatchObject({
      errorCode: "UNABLE_TO_LOCK_ROW",
    });
    await expect(conn.sobject("Contact").create({ LastName: "b" })).rejects.toMatchObject({
      errorCode: "UNABLE_TO_LOCK_ROW",
    });
    const ok = await conn.sobject("Contact").create({ LastName: "c" });
    expect(ok.success).toBe(true);
  });

  it("errorRate 1 with status 503 fails every call with SERVER_UNAVAILABLE", async () => {
    await admin("faults", { errorRate: 1, statuses: [503] });
    const res = await raw(emu, token, "POST", dataPath("/sobjects/Contact"), JSON.stringify({ LastName: "x" }));
    expect(res.status).toBe(503);
    expect((res.json() as { errorCode: string }[])[0]!.errorCode).toBe("SERVER_UNAVAILABLE");
  });

  it("latency delays answers; dropConnections closes sockets without an answer", async () => {
    await admin("faults", { latencyMs: 120 });
    const started = performance.now();
    await raw(emu, token, "POST", dataPath("/sobjects/Contact"), JSON.stringify({ LastName: "slow" }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    await admin("faults", { dropConnections: 1 });
    await expect(
      raw(emu, token, "POST", dataPath("/sobjects/Contact"), JSON.stringify({ LastName: "dropped" })),
    ).rejects.toThrow();
    const after = await raw(emu, token, "POST", dataPath("/sobjects/Contact"), JSON.stringify({ LastName: "fine" }));
    expect(after.status).toBe(201);
  });

  it("an invalid fault body is a 400 with the reasons", async () => {
    const res = await admin("faults", { errorRate: 3 });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid request body" });
  });

  it("an unexpected exception is 500 UNKNOWN_EXCEPTION without a stack trace", async () => {
    const original = emu.store.scan.bind(emu.store);
    emu.store.scan = () => {
      throw new Error("boom");
    };
    try {
      const res = await raw(emu, token, "GET", dataPath(`/query?q=${encodeURIComponent("SELECT Id FROM Contact")}`));
      expect(res.status).toBe(500);
      const body = res.json() as { errorCode: string; message: string }[];
      expect(body[0]!.errorCode).toBe("UNKNOWN_EXCEPTION");
      expect(res.text).not.toMatch(/\.ts:\d+|at /);
    } finally {
      emu.store.scan = original;
    }
  });

  it("unknown paths are 404 NOT_FOUND", async () => {
    const res = await raw(emu, token, "GET", "/services/data/v62.0/nothing-here");
    expect(res.status).toBe(404);
    expect((res.json() as { errorCode: string }[])[0]!.errorCode).toBe("NOT_FOUND");
  });
});
