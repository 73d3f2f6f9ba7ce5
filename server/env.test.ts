import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { childProcessEnv, findMissingProductionEnv, getEnv, readEnv, resetEnv, setEnvDefault } from "./env";

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

  it("parses the new variables, with the demo's port defaults", () => {
    const key = randomBytes(32).toString("base64");
    const env = readEnv({
      AUTH_URL: "https://tandem.example.com",
      AUTH_TRUST_HOST: "true",
      TANDEM_ENCRYPTION_KEY: key,
      TANDEM_SETUP_TOKEN: " let-me-in ",
      PORT: "3100",
      EMULATOR_PORT: "4110",
      SYNC_TIME_BUDGET_MS: "60000",
    });
    expect(env).toMatchObject({
      AUTH_URL: "https://tandem.example.com",
      AUTH_TRUST_HOST: true,
      TANDEM_ENCRYPTION_KEY: key,
      TANDEM_SETUP_TOKEN: "let-me-in",
      PORT: 3100,
      EMULATOR_PORT: 4110,
      SYNC_TIME_BUDGET_MS: 60_000,
    });
    expect(readEnv({ AUTH_TRUST_HOST: "0" }).AUTH_TRUST_HOST).toBe(false);
    expect(readEnv({})).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      EMULATOR_PORT: 4010,
      SYNC_TIME_BUDGET_MS: 240_000,
    });
  });

  it("treats empty strings as unset", () => {
    const env = readEnv({
      AUTH_URL: "",
      TANDEM_ENCRYPTION_KEY: " ",
      TANDEM_SETUP_TOKEN: "",
      PORT: "",
      SYNC_TIME_BUDGET_MS: "  ",
      DATABASE_URL: "",
    });
    expect(env.AUTH_URL).toBeUndefined();
    expect(env.TANDEM_ENCRYPTION_KEY).toBeUndefined();
    expect(env.TANDEM_SETUP_TOKEN).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.SYNC_TIME_BUDGET_MS).toBe(240_000);
  });

  it("names a bad TANDEM_ENCRYPTION_KEY or SYNC_TIME_BUDGET_MS", () => {
    expect(() => readEnv({ TANDEM_ENCRYPTION_KEY: randomBytes(16).toString("base64") })).toThrow(
      /TANDEM_ENCRYPTION_KEY: must be 32 bytes/,
    );
    expect(() => readEnv({ TANDEM_ENCRYPTION_KEY: "not base64 at all!" })).toThrow(/TANDEM_ENCRYPTION_KEY/);
    expect(() => readEnv({ SYNC_TIME_BUDGET_MS: "four minutes" })).toThrow(/SYNC_TIME_BUDGET_MS/);
    expect(() => readEnv({ SYNC_TIME_BUDGET_MS: "1.5" })).toThrow(/SYNC_TIME_BUDGET_MS/);
    expect(() => readEnv({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => readEnv({ AUTH_URL: "tandem.example.com" })).toThrow(/AUTH_URL/);
  });
});

describe("process environment", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
    resetEnv();
  });

  it("parses process.env once, until reset", () => {
    process.env.TANDEM_SETUP_TOKEN = "first";
    resetEnv();
    expect(getEnv().TANDEM_SETUP_TOKEN).toBe("first");
    process.env.TANDEM_SETUP_TOKEN = "second";
    expect(getEnv().TANDEM_SETUP_TOKEN).toBe("first");
    resetEnv();
    expect(getEnv().TANDEM_SETUP_TOKEN).toBe("second");
  });

  it("sets a default only when the variable is unset or empty, and re-reads it", () => {
    process.env.AUTH_SECRET = "";
    resetEnv();
    expect(getEnv().AUTH_SECRET).toBeUndefined();
    setEnvDefault("AUTH_SECRET", "from-data-dir");
    expect(getEnv().AUTH_SECRET).toBe("from-data-dir");
    setEnvDefault("AUTH_SECRET", "ignored");
    expect(getEnv().AUTH_SECRET).toBe("from-data-dir");
  });

  it("gives a child process this environment plus its own", () => {
    process.env.TANDEM_SETUP_TOKEN = "inherited";
    const child = childProcessEnv({ NODE_ENV: "production", PORT: "3100" });
    expect(child).toMatchObject({ TANDEM_SETUP_TOKEN: "inherited", NODE_ENV: "production", PORT: "3100" });
    expect(process.env.PORT).toBe(saved.PORT);
  });
});
