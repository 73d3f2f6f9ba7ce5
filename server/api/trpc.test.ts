import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import type { TDatabase } from "@/db/client";
import { AppError } from "@/server/errors";
import { captureLogs } from "@/server/testing/capture-logs";
import { createCallerFactory, createTRPCRouter, protectedProcedure, type TContext } from "./trpc";

/** A router for these tests only: one procedure fails unexpectedly, one with an AppError. */
const testRouter = createTRPCRouter({
  boom: protectedProcedure.query(() => {
    throw new Error("SQLITE_BUSY: database is locked at /srv/secret/tandem.db");
  }),
  refuse: protectedProcedure.query(() => {
    throw new AppError("CONFLICT", "That email is already on the team.");
  }),
});
const context: TContext = {
  db: {} as TDatabase,
  user: { id: "user-1", email: "ada@example.com", name: "Ada", role: "admin" },
};
const UNEXPECTED = /^Something went wrong on the server \(error id ([0-9a-f-]{36})\)\.$/;

async function callOverHttp(path: string, createContext: () => Promise<TContext> = async () => context) {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`),
    router: testRouter,
    createContext,
  });
  const body = (await response.json()) as {
    error: { json: { message: string; data: { errorId: string | null; stack?: string } } };
  };
  return { status: response.status, error: body.error.json };
}

describe("errors reaching the client", () => {
  afterEach(() => vi.restoreAllMocks());

  it("an unexpected error becomes a plain sentence with an id; the log has the id and the error", async () => {
    const logs = captureLogs();
    onTestFinished(logs.restore);
    const log = () => logs.events("error.unexpected");
    const caller = createCallerFactory(testRouter)(context);
    const failure = await caller.boom().catch((error: unknown) => error as Error);
    const errorId = UNEXPECTED.exec(failure.message)?.[1];
    expect(errorId).toBeDefined();
    expect(failure.message).not.toContain("SQLITE_BUSY");
    expect(log()).toHaveLength(1);
    expect(log()[0]).toMatchObject({ errorId, err: { message: expect.stringContaining("SQLITE_BUSY") } });
  });

  it("over HTTP, the answer carries the sentence and the id, and no stack", async () => {
    const logs = captureLogs();
    onTestFinished(logs.restore);
    const log = () => logs.events("error.unexpected");
    const { status, error } = await callOverHttp("boom");
    expect(status).toBe(500);
    expect(error.message).toMatch(UNEXPECTED);
    expect(error.message).toContain(error.data.errorId);
    expect(error.data.stack).toBeFalsy();
    expect(JSON.stringify(error)).not.toContain("SQLITE_BUSY");
    expect(log()).toHaveLength(1);
    expect(log()[0]).toMatchObject({ errorId: error.data.errorId });
  });

  it("a failure before any procedure runs (creating the context) is answered the same way", async () => {
    const logs = captureLogs();
    onTestFinished(logs.restore);
    const log = () => logs.events("error.unexpected");
    const { status, error } = await callOverHttp("boom", async () => {
      throw new Error("connect ECONNREFUSED 10.0.0.5:8080");
    });
    expect(status).toBe(500);
    expect(error.message).toMatch(UNEXPECTED);
    expect(JSON.stringify(error)).not.toContain("ECONNREFUSED");
    expect(log()).toHaveLength(1);
  });

  it("an AppError keeps its own sentence", async () => {
    const logs = captureLogs();
    onTestFinished(logs.restore);
    const log = () => logs.events("error.unexpected");
    const { status, error } = await callOverHttp("refuse");
    expect(status).toBe(409);
    expect(error.message).toBe("That email is already on the team.");
    expect(error.data.errorId).toBeNull();
    expect(log()).toHaveLength(0);
  });
});
