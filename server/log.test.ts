import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { readEnv } from "@/server/env";
import { createLogger, log, REDACTED } from "./log";
import { reportUnexpectedError } from "./report-error";
import { captureLogs, type TCapturedLogs } from "./testing/capture-logs";

function sink() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { destination, text: () => lines.join(""), parsed: () => lines.map((line) => JSON.parse(line)) };
}

let captured: TCapturedLogs | undefined;
afterEach(() => captured?.restore());

describe("the server log", () => {
  it("writes one JSON line per event with its level name, an ISO time and the event's fields", () => {
    const out = sink();
    createLogger({ destination: out.destination, level: "info" }).info({ event: "sync.tick", tickId: "t1" });
    expect(out.text().endsWith("\n")).toBe(true);
    expect(out.text().trim().split("\n")).toHaveLength(1);
    expect(out.parsed()[0]).toMatchObject({
      level: "info",
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      event: "sync.tick",
      tickId: "t1",
    });
  });

  it("never writes a token, secret, password, authorization or cookie field, up to three levels down", () => {
    const out = sink();
    createLogger({ destination: out.destination, level: "info" }).info({
      event: "outbound.received",
      accessToken: "secret-0",
      connection: { refreshToken: "secret-1", access_token: "secret-2", clientSecret: "secret-3" },
      request: { headers: { authorization: "Bearer secret-4", cookie: "s=secret-5", "set-cookie": "secret-6" } },
      batches: [{ body: { password: "secret-7", token: "secret-8" } }],
    });
    expect(out.text()).not.toMatch(/secret-\d/);
    expect(out.parsed()[0].request.headers).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      "set-cookie": REDACTED,
    });
  });

  it("scrubs the environment's secrets from any field or message that carries them", () => {
    const out = sink();
    const logger = createLogger({ destination: out.destination, level: "info", secrets: ["cron-secret-value"] });
    logger.info({
      event: "error.unexpected",
      note: "called with Bearer cron-secret-value",
      err: new Error("cron-secret-value"),
    });
    expect(out.text()).not.toContain("cron-secret-value");
    expect(out.text()).toContain(`Bearer ${REDACTED}`);
  });

  it("writes an error's type, message, code, stack and causes, never its other properties", () => {
    const out = sink();
    const cause = Object.assign(new Error("socket hang up"), { code: "ECONNRESET", request: { token: "x" } });
    const error = Object.assign(new Error("Salesforce did not answer", { cause }), {
      config: { headers: { Authorization: "Bearer 00Dxx!AQ-secret" } },
      issues: [{ input: "a-password" }],
    });
    createLogger({ destination: out.destination, level: "info" }).error({ event: "error.unexpected", err: error });
    const { err } = out.parsed()[0];
    expect(err).toMatchObject({ type: "Error", message: "Salesforce did not answer", stack: expect.any(String) });
    expect(err.cause).toMatchObject({ type: "Error", message: "socket hang up", code: "ECONNRESET" });
    expect(out.text()).not.toContain("AQ-secret");
    expect(out.text()).not.toContain("a-password");
  });

  it("keeps a failed query's statement and drops the values bound to it, in `err` and in `msg`", () => {
    captured = captureLogs();
    const failed = new Error(
      'Failed query: update "users" set "email" = ? where "id" = ?\nparams: ada@example.com,u-1',
      {
        cause: new Error("SQLITE_CONSTRAINT: UNIQUE constraint failed"),
      },
    );
    log.error("sync.unexpected_error", { err: failed });
    const [line] = captured.lines();
    expect(line?.err).toMatchObject({
      message: 'Failed query: update "users" set "email" = ? where "id" = ?\nparams: (omitted)',
      cause: { message: "SQLITE_CONSTRAINT: UNIQUE constraint failed" },
    });
    expect(String((line?.err as { stack: string }).stack)).toMatch(/params: \(omitted\)\n {4}at /);
    expect(captured.text()).not.toContain("ada@example.com");
    // pino copies an error's message to `msg`: the one without the values.
    expect(line?.msg).toBe((line?.err as { message: string }).message);
  });

  it("drops lines below its level and writes nothing when silent", () => {
    const out = sink();
    createLogger({ destination: out.destination, level: "info" }).debug({ event: "sync.tick_busy" });
    createLogger({ destination: out.destination, level: "silent" }).error({ event: "error.unexpected" });
    expect(out.text()).toBe("");
  });

  it("reads LOG_LEVEL in any case and names the allowed values when it is wrong", () => {
    expect(readEnv({ LOG_LEVEL: "Debug" }).LOG_LEVEL).toBe("debug");
    expect(readEnv({}).LOG_LEVEL).toBeUndefined();
    expect(() => readEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL: .*"info"/);
  });

  it("reports an unexpected error under an id: the sentence carries the id, the log line the details", () => {
    captured = captureLogs();
    const reported = reportUnexpectedError("cron", new Error("SQLITE_BUSY: database is locked"));
    expect(reported.message).toContain(reported.errorId);
    expect(reported.message).not.toContain("SQLITE_BUSY");
    const [line] = captured.events("error.unexpected");
    expect(line).toMatchObject({ level: "error", label: "cron", errorId: reported.errorId });
    expect(line?.err).toMatchObject({ message: "SQLITE_BUSY: database is locked" });
  });

  it("sends the process's lines to a test's destination until restored", () => {
    captured = captureLogs("info");
    log.info("sync.tick", { tickId: "a" });
    log.debug("sync.tick_busy");
    captured.restore();
    log.info("sync.tick", { tickId: "b" });
    expect(captured.lines().map((line) => line.tickId)).toEqual(["a"]);
  });
});
