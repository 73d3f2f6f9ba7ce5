import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { AppError } from "@/server/errors";
import { captureLogs } from "@/server/testing/capture-logs";
import { withJsonErrors } from "./json-errors";

describe("route handlers answer JSON errors", () => {
  afterEach(() => vi.restoreAllMocks());

  it("passes a handler's own answer through", async () => {
    const handler = withJsonErrors("test", async () => Response.json({ ok: true }));
    const response = await handler();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("answers an unexpected throw with a plain message and an id the server log also has", async () => {
    const logs = captureLogs();
    onTestFinished(logs.restore);
    const handler = withJsonErrors("cron", async (_request: Request) => {
      throw new Error("SQLITE_BUSY: database is locked at /srv/secret/path.db");
    });
    const response = await handler(new Request("http://localhost/api/cron/sync"));
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { ok: boolean; error: string; errorId: string };
    expect(body.ok).toBe(false);
    expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error).toContain(body.errorId);
    expect(body.error).not.toContain("SQLITE_BUSY");
    const lines = logs.events("error.unexpected");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ label: "cron", errorId: body.errorId, err: { type: "Error" } });
  });

  it("answers an AppError with its own sentence and status", async () => {
    onTestFinished(captureLogs().restore);
    const handler = withJsonErrors("health", async () => {
      throw new AppError("DATABASE_UNAVAILABLE", "The database cannot be reached.");
    });
    const response = await handler();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, error: "The database cannot be reached." });
  });
});
