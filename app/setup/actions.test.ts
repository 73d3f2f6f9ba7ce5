import { afterEach, describe, expect, it, vi } from "vitest";
import { captureLogs } from "@/server/testing/capture-logs";

vi.mock("@/server/auth", () => ({ signIn: vi.fn() }));
vi.mock("@/server/setup/first-admin", () => ({
  setUpFirstAdmin: vi.fn(async () => {
    throw new Error("SQLITE_BUSY: database is locked at /srv/secret/tandem.db");
  }),
}));

const { createFirstAdminAction } = await import("./actions");

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe("the first-admin server action", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers an unexpected error with a plain sentence and an id the server log also has", async () => {
    const logs = captureLogs();
    const state = await createFirstAdminAction(
      {},
      form({
        name: "Ada",
        email: "ada@example.com",
        password: "analytical-engine",
        confirmPassword: "analytical-engine",
        token: "setup-token",
      }),
    );
    const errorId = /^Something went wrong on the server \(error id ([0-9a-f-]{36})\)\.$/.exec(state.error ?? "")?.[1];
    expect(errorId).toBeDefined();
    expect(state.error).not.toContain("SQLITE_BUSY");
    expect(state.values).toEqual({ name: "Ada", email: "ada@example.com" });
    // The server log has the details under the same id; the person only the sentence.
    const [reported] = logs.events("error.unexpected");
    logs.restore();
    expect(reported).toMatchObject({ errorId });
    expect(JSON.stringify(reported)).toContain("SQLITE_BUSY");
  });
});
