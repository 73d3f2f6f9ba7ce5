import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { salesforceConnection } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { type RunningEmulator, startEmulator } from "@/server/emulator";
import { readEnv, type TEnv } from "@/server/env";
import { TEST_AUTH_SECRET } from "@/server/sync/testing/emulator-connection";
import { completeOAuthFlow, startOAuthFlow } from "./oauth-flow";
import { decryptToken, deriveTokenKey } from "./token-cipher";

let database: TTestDatabase;
let emulator: RunningEmulator;
let env: TEnv;
const origin = "http://localhost:3999";
const admin = "admin-1";

beforeAll(async () => {
  database = await createTestDatabase();
  emulator = await startEmulator({ seed: "empty" });
  env = readEnv({ AUTH_SECRET: TEST_AUTH_SECRET, TANDEM_DEMO_SALESFORCE_URL: emulator.url });
});
afterAll(async () => {
  await emulator?.stop();
  await database?.cleanup();
});
beforeEach(async () => {
  await database.client.execute("DELETE FROM salesforce_connection");
  await database.client.execute("DELETE FROM oauth_flows");
  await database.client.execute("DELETE FROM settings");
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

type TStart = Partial<Parameters<typeof startOAuthFlow>[1]>;

/** Starts a flow as `admin` and consents; returns the callback's query and the browser's key. */
async function startAndConsent(decision: "allow" | "deny", start: TStart = {}, startEnv: TEnv = env) {
  const flow = await startOAuthFlow(
    database.db,
    { environment: "demo", loginUrl: emulator.url, origin, userId: admin, now: Date.now(), ...start },
    startEnv,
  );
  return { query: await consent(flow.authorizeUrl, decision), browserKey: flow.browserKey, flow };
}

/** The callback, as the signed-in `userId` in the browser holding `browserKey`. */
function finish(
  query: URLSearchParams,
  browser: { browserKey: string | null; userId?: string },
  finishEnv: TEnv = env,
) {
  return completeOAuthFlow(
    database.db,
    {
      state: query.get("state"),
      code: query.get("code"),
      error: query.get("error"),
      errorDescription: query.get("error_description"),
      origin,
      userId: browser.userId ?? admin,
      browserKey: browser.browserKey,
      now: Date.now(),
    },
    finishEnv,
  );
}

describe(`connecting Salesforce on ${testDatabaseKind()}`, () => {
  it("runs the web-server flow with PKCE and stores the refresh token encrypted", async () => {
    const { query, browserKey, flow } = await startAndConsent("allow");
    expect(new URL(flow.authorizeUrl).searchParams.get("code_challenge_method")).toBe("S256");
    const result = await finish(query, { browserKey });
    expect(result.orgId).toBe(emulator.orgId);
    const [row] = await database.db.select().from(salesforceConnection);
    expect(row).toMatchObject({
      status: "connected",
      orgId: emulator.orgId,
      environment: "demo",
      instanceUrl: emulator.url,
      connectedBy: admin,
    });
    expect(row?.refreshTokenEncrypted).not.toMatch(/^[0-9a-zA-Z]{20,}$/);
    expect(decryptToken(row!.refreshTokenEncrypted, deriveTokenKey(env)).length).toBeGreaterThan(10);
  });

  it("explains a denied consent and stores nothing", async () => {
    const { query, browserKey } = await startAndConsent("deny");
    await expect(finish(query, { browserKey })).rejects.toThrow(/denied.*choose Allow/);
    expect(await database.db.$count(salesforceConnection)).toBe(0);
  });

  it("refuses a replayed callback: the first use consumed the state", async () => {
    const { query, browserKey } = await startAndConsent("allow");
    await finish(query, { browserKey });
    await expect(finish(query, { browserKey })).rejects.toThrow(/expired or was already used/);
  });

  it("consumes the state in one step: of two callbacks at once, the second finds nothing", async () => {
    const { query, browserKey } = await startAndConsent("allow");
    const results = await Promise.allSettled([finish(query, { browserKey }), finish(query, { browserKey })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((result) => result.status === "rejected");
    expect(String(refused?.reason)).toMatch(/expired or was already used/);
  });

  it("refuses a callback for a flow another admin started, and leaves that flow to them", async () => {
    const { query, browserKey } = await startAndConsent("allow");
    await expect(finish(query, { browserKey, userId: "admin-2" })).rejects.toThrow(/another admin/);
    expect(await database.db.$count(salesforceConnection)).toBe(0);
    await expect(finish(query, { browserKey })).resolves.toMatchObject({ orgId: emulator.orgId });
  });

  it("refuses a callback in a browser without the flow's cookie, or with another flow's", async () => {
    const { query } = await startAndConsent("allow");
    const other = await startAndConsent("allow");
    await expect(finish(query, { browserKey: null })).rejects.toThrow(/another browser/);
    await expect(finish(query, { browserKey: other.browserKey })).rejects.toThrow(/another browser/);
    expect(await database.db.$count(salesforceConnection)).toBe(0);
  });

  it("shows Salesforce's error text only once the state checks pass", async () => {
    const forged = new URLSearchParams({
      state: "forged",
      error: "phishing",
      error_description: "Call +1 555 0100 to restore your account",
    });
    const refused = finish(forged, { browserKey: "not-the-key" });
    await expect(refused).rejects.toThrow(/Start connecting again/);
    await expect(refused).rejects.not.toThrow(/555/);
  });

  it("refuses an instance URL that is not https, outside the demo org", async () => {
    const custom = { ...env, SALESFORCE_CLIENT_ID: "tandem-demo", SALESFORCE_CLIENT_SECRET: "tandem-demo-secret" };
    const { query, browserKey } = await startAndConsent("allow", { environment: "custom" }, custom);
    await expect(finish(query, { browserKey }, custom)).rejects.toThrow(/only sends tokens to Salesforce over https/);
    expect(await database.db.$count(salesforceConnection)).toBe(0);
  });

  it("refuses the demo environment's http instance URL when it is not the demo org's origin", async () => {
    const elsewhere = readEnv({ AUTH_SECRET: TEST_AUTH_SECRET, TANDEM_DEMO_SALESFORCE_URL: "http://localhost:1" });
    const { query, browserKey } = await startAndConsent("allow");
    await expect(finish(query, { browserKey }, elsewhere)).rejects.toThrow(/over https/);
    expect(await database.db.$count(salesforceConnection)).toBe(0);
  });

  it("says which setting is wrong for a bad client secret", async () => {
    const wrongSecret = { ...env, TANDEM_DEMO_CLIENT_SECRET: "not-the-secret" };
    const { query, browserKey } = await startAndConsent("allow", {}, wrongSecret);
    await expect(finish(query, { browserKey }, wrongSecret)).rejects.toThrow(/client secret/i);
  });

  it("reports an unreachable login URL before sending the browser there", async () => {
    await expect(
      startOAuthFlow(
        database.db,
        { environment: "custom", loginUrl: "http://127.0.0.1:9", origin, userId: admin, now: Date.now() },
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
          userId: admin,
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

  it("says in the connection info when the environment brings a headless connection", async () => {
    const { getConnectionInfo } = await import("./connection-info");
    const headless = { ...env, SALESFORCE_INSTANCE_URL: emulator.url, SALESFORCE_REFRESH_TOKEN: "any" };
    expect(await getConnectionInfo(database.db, origin, headless)).toMatchObject({ headless: true });
    expect(await getConnectionInfo(database.db, origin, env)).toMatchObject({ headless: false });
  });

  it("stays disconnected after an admin disconnects, until the environment has a new refresh token", async () => {
    const { ensureHeadlessConnection } = await import("./headless-connection");
    const { disconnectSalesforce } = await import("./disconnect");
    const headlessWith = (refreshToken: string) => ({
      ...env,
      SALESFORCE_LOGIN_URL: emulator.url,
      SALESFORCE_INSTANCE_URL: emulator.url,
      SALESFORCE_REFRESH_TOKEN: refreshToken,
      SALESFORCE_CLIENT_ID: "tandem-demo",
      SALESFORCE_CLIENT_SECRET: "tandem-demo-secret",
    });
    const first = headlessWith(emulator.issueTokens().refresh_token);
    expect(await ensureHeadlessConnection(database.db, first)).toBe(true);

    await disconnectSalesforce(database.db, first);
    expect(await ensureHeadlessConnection(database.db, first)).toBe(false);
    expect(await database.db.$count(salesforceConnection)).toBe(0);

    const second = headlessWith(emulator.issueTokens().refresh_token);
    expect(await ensureHeadlessConnection(database.db, second)).toBe(true);
    expect(await database.db.$count(salesforceConnection)).toBe(1);
  });
});
