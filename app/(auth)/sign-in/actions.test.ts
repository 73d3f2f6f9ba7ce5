import { afterEach, describe, expect, it, vi } from "vitest";
import { captureLogs } from "@/server/testing/capture-logs";

vi.mock("next-auth", () => ({
  AuthError: class AuthError extends Error {},
  CredentialsSignin: class CredentialsSignin extends Error {
    code = "credentials";
  },
}));
vi.mock("@/server/auth", () => ({
  signIn: vi.fn(async () => {
    throw new Error("connect ECONNREFUSED 10.0.0.5:8080");
  }),
}));

const { signInAction } = await import("./actions");

describe("the sign-in server action", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers an unexpected error with a plain sentence and an id the server log also has", async () => {
    const logs = captureLogs();
    const data = new FormData();
    data.set("email", "ada@example.com");
    data.set("password", "analytical-engine");
    const state = await signInAction({}, data);
    const errorId = /^Something went wrong on the server \(error id ([0-9a-f-]{36})\)\.$/.exec(state.error ?? "")?.[1];
    expect(errorId).toBeDefined();
    expect(state.error).not.toContain("ECONNREFUSED");
    // The server log has the details under the same id; the person only the sentence.
    const [reported] = logs.events("error.unexpected");
    logs.restore();
    expect(reported).toMatchObject({ errorId });
    expect(JSON.stringify(reported)).toContain("ECONNREFUSED");
  });
});
