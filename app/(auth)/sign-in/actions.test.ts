import { afterEach, describe, expect, it, vi } from "vitest";

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
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const data = new FormData();
    data.set("email", "ada@example.com");
    data.set("password", "analytical-engine");
    const state = await signInAction({}, data);
    const errorId = /^Something went wrong on the server \(error id ([0-9a-f-]{36})\)\.$/.exec(state.error ?? "")?.[1];
    expect(errorId).toBeDefined();
    expect(state.error).not.toContain("ECONNREFUSED");
    expect(String(log.mock.calls[0]?.[0])).toContain(errorId);
  });
});
