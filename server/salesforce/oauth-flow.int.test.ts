import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { salesforceConnection } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { type RunningEmulator, startEmulator } from "@/server/emulator";
import { readEnv } from "@/server/env";
import { TEST_AUTH_SECRET } from "@/server/sync/testing/emulator-connection";
import { completeOAuthFlow, startOAuthFlow } from "./oauth-flow";
import { decryptToken, deriveTokenKey } from "./token-cipher";

let database: TTestDatabase;
let emulator: RunningEmulator;
const env = readEnv({ AUTH_SECRET: TEST_AUTH_SECRET });
const origin = "http://localhost:3999";

beforeAll(async () => {
  database = await createTestDatabase();
  emulator = await startEmulator({ seed: "empty" });
});
afterAll(async () => {
  await emulator?.stop();
  await database?.cleanup();
});
beforeEach(async () => {
  await database.client.execute("DELETE FROM salesforce_connection");
  await database.client.execute("DELETE FROM oauth_flows");
});

/** Plays the admin's browser on the consent page: Allow or Deny, then follows the redirect's query. */
async function consent(authorizeUrl: string, decision: "allow" | "deny") {
  const page = await (await fetch(authorizeUrl)).text();
  const form = new URLSearchParams();
  for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    form.set(match[1]!, match[2]!.replace(/&amp;/g, "&"));
  form.set("decision", decision);
  const response = await fetch(`${emulator.url}/services/oauth2/authorize`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const location = new URL(response.headers.get("location") ?? "");
  expect(location.origin + location.pathname).toBe(`${origin}/api/salesforce/oauth/callback`);
  return location.searchParams;
}

describe(`connecting Salesforce on ${testDatabaseKind()}`, () => {
  it("runs the web-server flow with PKCE and stores the refresh token encrypted", async () => {
    const { authorizeUrl } = await startOAuthFlow(
      database.db,
      { environment: "demo", loginUrl: emulator.url, origin, userId: "admin-1", now: Date.now() },
      env,
    );
    const url = new URL(authorizeUrl);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    const query = await consent(authorizeUrl, "allow");
    const result = await completeOAuthFlow(
      database.db,
      {
        state: query.get("state"),
        code: query.get("code"),
        error: null,
        errorDescription: null,
        origin,
        now: Date.now(),
      },
      env,
    );
    expect(result.orgId).toBe(emulator.orgId);
    const [row] = await database.db.select().from(salesforceConnection);
    expect(row).toMatchObject({
      status: "connected",
      orgId: emulator.orgId,
      environment: "demo",
      instanceUrl: emulator.url,
    });
    expect(row?.refreshTokenEncrypted).not.toMatch(/^[0-9a-zA-Z]{20,}$/);
    expect(decryptToken(row!.refreshTokenEncrypted, deriveTokenKey(env)).length).toBeGreaterThan(10);
  });

  it("explains a denied consent and stores nothing", async () => {
    const { authorizeUrl } = await startOAuthFlow(
      database.db,
      { environment: "demo", loginUrl: emulator.url, origin, userId: "admin-1", now: Date.now() },
      env,
    );
    const query = await consent(authorizeUrl, "deny");
    await expect(
      completeOAuthFlow(
        database.db,
        {
          state: query.get("state"),
          code: query.get("code"),
          error: query.get("error"),
          errorDescription: query.get("error_description"),
          origin,
          now: Date.now(),
        },
        env,
      ),
    ).rejects.toThrow(/denied.*choose Allow/);
    expect(await database.db.$count(salesforceConnection)).toBe(0);
  });

  it("refuses a replayed or unknown state", async () => {
    await expect(
      completeOAuthFlow(
        database.db,
        { state: "forged", code: "x", error: null, errorDescription: null, origin, now: Date.now() },
        env,
      ),
    ).rejects.toThrow(/expired or was already used/);
  });

  it("says which setting is wrong for a bad client secret", async () => {
    const wrongSecret = { ...env, TANDEM_DEMO_CLIENT_SECRET: "not-the-secret" };
    const { authorizeUrl } = await startOAuthFlow(
      database.db,
      { environment: "demo", loginUrl: emulator.url, origin, userId: "admin-1", now: Date.now() },
      wrongSecret,
    );
    const query = await consent(authorizeUrl, "allow");
    await expect(
      completeOAuthFlow(
        database.db,
        {
          state: query.get("state"),
          code: query.get("code"),
          error: null,
          errorDescription: null,
          origin,
          now: Date.now(),
        },
        wrongSecret,
      ),
    ).rejects.toThrow(/client secret/i);
  });

  it("reports an unreachable login URL before sending the browser there", async () => {
    await expect(
      startOAuthFlow(
        database.db,
        { environment: "custom", loginUrl: "http://127.0.0.1:9", origin, userId: "admin-1", now: Date.now() },
        { ...env, SALESFORCE_CLIENT_ID: "x", SALESFORCE_CLIENT_SECRET: "y" },
      ),
    ).rejects.toThrow(/cannot reach/);
  });

  it("asks for the connected app's credentials when they are not configured", async () => {
    await expect(
      startOAuthFlow(
        database.db,
        {
          environment: "production",
          loginUrl: "https://login.salesforce.com",
          origin,
          userId: "admin-1",
          now: Date.now(),
        },
        env,
      ),
    ).rejects.toThrow(/SALESFORCE_CLIENT_ID/);
  });
});

describe(`headless connection on ${testDatabaseKind()}`, () => {
  it("connects from SALESFORCE_INSTANCE_URL and SALESFORCE_REFRESH_TOKEN without the wizard, once", async () => {
    const { ensureHeadlessConnection } = await import("./headless-connection");
    const issued = emulator.issueTokens();
    const headless = {
      ...env,
      SALESFORCE_LOGIN_URL: emulator.url,
      SALESFORCE_INSTANCE_URL: emulator.url,
      SALESFORCE_REFRESH_TOKEN: issued.refresh_token,
      SALESFORCE_CLIENT_ID: "tandem-demo",
      SALESFORCE_CLIENT_SECRET: "tandem-demo-secret",
    };
    expect(await ensureHeadlessConnection(database.db, headless)).toBe(true);
    const [row] = await database.db.select().from(salesforceConnection);
    expect(row).toMatchObject({ status: "connected", environment: "custom", orgId: emulator.orgId });
    expect(await ensureHeadlessConnection(database.db, headless)).toBe(false);
  });

  it("names the setting when the refresh token is refused", async () => {
    const { ensureHeadlessConnection } = await import("./headless-connection");
    const headless = {
      ...env,
      SALESFORCE_LOGIN_URL: emulator.url,
      SALESFORCE_INSTANCE_URL: emulator.url,
      SALESFORCE_REFRESH_TOKEN: "revoked-or-wrong",
      SALESFORCE_CLIENT_ID: "tandem-demo",
      SALESFORCE_CLIENT_SECRET: "tandem-demo-secret",
    };
    await expect(ensureHeadlessConnection(database.db, headless)).rejects.toThrow(
      /SALESFORCE_REFRESH_TOKEN was refused/,
    );
    expect(await database.db.$count(salesforceConnection)).toBe(0);
  });
});
