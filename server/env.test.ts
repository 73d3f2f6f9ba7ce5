import { describe, expect, it } from "vitest";
import { findMissingProductionEnv, readEnv } from "./env";

describe("environment", () => {
  it("refuses production without AUTH_SECRET, naming the variable", () => {
    const problems = findMissingProductionEnv(readEnv({ NODE_ENV: "production" }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("AUTH_SECRET");
  });

  it("treats an empty AUTH_SECRET as missing", () => {
    expect(findMissingProductionEnv(readEnv({ NODE_ENV: "production", AUTH_SECRET: "  " }))).toHaveLength(1);
  });

  it("accepts production with AUTH_SECRET, and development without it", () => {
    expect(findMissingProductionEnv(readEnv({ NODE_ENV: "production", AUTH_SECRET: "s3cret" }))).toEqual([]);
    expect(findMissingProductionEnv(readEnv({ NODE_ENV: "development" }))).toEqual([]);
  });

  it("names a malformed variable", () => {
    expect(() => readEnv({ SALESFORCE_LOGIN_URL: "not a url" })).toThrow(/SALESFORCE_LOGIN_URL/);
    expect(() => readEnv({ SYNC_TIME_BUDGET_MS: "-5" })).toThrow(/SYNC_TIME_BUDGET_MS/);
  });
});
