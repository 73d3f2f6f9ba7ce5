import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { Connection, OAuth2 } from "jsforce";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { oauthFlows } from "@/db/schema";
import { getEnv, type TEnv } from "@/server/env";
import { AppError } from "@/server/errors";
import { SALESFORCE_API_VERSION } from "./api-version";
import { appCredentials } from "./app-credentials";
import type { TSalesforceEnvironment } from "./connection-store";
import { isTrustedSalesforceUrl } from "./instance-url";
import { describeOAuthError } from "./oauth-errors";
import { storeConnection } from "./store-connection";

const ZIdentitySchema = z.object({ organization_id: z.string(), user_id: z.string(), username: z.string().optional() });
const ZTokenSchema = z.object({
  access_token: z.string(),
  refresh_token: z.string().optional(),
  instance_url: z.string(),
  id: z.string(),
});

export const FLOW_TTL_MS = 15 * 60_000; // Salesforce's authorization codes live 15 minutes too.

const START_AGAIN =
  "This sign-in to Salesforce expired or was already used, or it was started in another browser or by another admin. Start connecting again.";

/**
 * A flow is bound to the browser that started it: the browser keeps a random key in a cookie and
 * the flow's `state` is that key's hash, so a callback link carried to another browser (or forged
 * to plant someone else's org) finds no key that matches.
 */
function stateFor(browserKey: string): string {
  return createHash("sha256").update(browserKey).digest("base64url");
}

function isStateOf(browserKey: string | null, state: string): boolean {
  if (!browserKey) return false;
  const expected = Buffer.from(stateFor(browserKey));
  const actual = Buffer.from(state);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function oauthCallbackUrl(origin: string): string {
  return `${origin.replace(/\/$/, "")}/api/salesforce/oauth/callback`;
}

/**
 * Starts the web-server flow with PKCE (S256): stores the verifier and the admin under a `state`
 * bound to a new browser key, and returns the authorize URL to send the admin's browser to and the
 * key for the browser's cookie. The login URL is probed first so an unreachable one is reported
 * here instead of as a browser error page.
 */
export async function startOAuthFlow(
  db: TDatabase,
  input: { environment: TSalesforceEnvironment; loginUrl: string; origin: string; userId: string; now: number },
  env: TEnv = getEnv(),
): Promise<{ authorizeUrl: string; browserKey: string }> {
  const credentials = appCredentials(input.environment, env);
  if (!credentials) {
    throw new AppError(
      "SALESFORCE_NOT_CONFIGURED",
      "Set SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET (the consumer key and secret of your Salesforce connected app) on the server, then try again.",
    );
  }
  await probeLoginUrl(input.loginUrl);
  const browserKey = randomBytes(32).toString("base64url");
  const state = stateFor(browserKey);
  const codeVerifier = randomBytes(48).toString("base64url");
  await db.delete(oauthFlows).where(lt(oauthFlows.createdAt, input.now - FLOW_TTL_MS));
  await db.insert(oauthFlows).values({
    state,
    environment: input.environment,
    loginUrl: input.loginUrl,
    codeVerifier,
    startedBy: input.userId,
    createdAt: input.now,
  });

  const params = new URLSearchParams({
    response_type: "code",
    client_id: credentials.clientId,
    redirect_uri: oauthCallbackUrl(input.origin),
    scope: "api refresh_token id",
    state,
    code_challenge: createHash("sha256").update(codeVerifier).digest("base64url"),
    code_challenge_method: "S256",
    prompt: "login consent",
  });
  return { authorizeUrl: `${input.loginUrl}/services/oauth2/authorize?${params}`, browserKey };
}

async function probeLoginUrl(loginUrl: string) {
  try {
    await fetch(`${loginUrl}/services/oauth2/authorize`, {
      method: "HEAD",
      redirect: "manual",
      signal: AbortSignal.timeout(8000),
    });
  } catch {
    throw new AppError(
      "SALESFORCE_UNREACHABLE",
      `Tandem cannot reach ${loginUrl}. Check the login URL (for My Domain: https://yourcompany.my.salesforce.com) and that this server can reach it.`,
    );
  }
}

/**
 * Finishes the flow from the callback: checks that the admin who started it, in this browser,
 * came back (consuming the flow, so a replayed callback finds nothing), exchanges the code with
 * the stored verifier, reads the identity, and stores the connection with its refresh token
 * encrypted. Nothing the callback carries is shown before those checks pass.
 */
export async function completeOAuthFlow(
  db: TDatabase,
  input: {
    state: string | null;
    code: string | null;
    error: string | null;
    errorDescription: string | null;
    origin: string;
    userId: string;
    browserKey: string | null;
    now: number;
  },
  env: TEnv = getEnv(),
): Promise<{ orgId: string; username: string | null }> {
  if (!input.state || !isStateOf(input.browserKey, input.state)) throw new AppError("BAD_REQUEST", START_AGAIN);
  const [flow] = await db
    .delete(oauthFlows)
    .where(and(eq(oauthFlows.state, input.state), eq(oauthFlows.startedBy, input.userId)))
    .returning();
  if (!flow || input.now - flow.createdAt > FLOW_TTL_MS) throw new AppError("BAD_REQUEST", START_AGAIN);
  if (input.error) throw new AppError("SALESFORCE_ERROR", describeOAuthError(input.error, input.errorDescription));
  if (!input.code)
    throw new AppError(
      "BAD_REQUEST",
      "Salesforce sent the browser back without an authorization code. Start connecting again.",
    );
  const credentials = appCredentials(flow.environment, env);
  if (!credentials)
    throw new AppError(
      "SALESFORCE_NOT_CONFIGURED",
      "SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET are not set on the server.",
    );

  const oauth2 = new OAuth2({
    loginUrl: flow.loginUrl,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    redirectUri: oauthCallbackUrl(input.origin),
  });
  let response: unknown;
  try {
    response = await oauth2.requestToken(input.code, { code_verifier: flow.codeVerifier });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError("SALESFORCE_ERROR", describeOAuthError(name, message), { cause: error });
  }
  const parsed = ZTokenSchema.safeParse(response);
  if (!parsed.success)
    throw new AppError("SALESFORCE_ERROR", "Salesforce's token response was not understood. Connect again.", {
      cause: parsed.error,
    });
  const token = parsed.data;
  if (!token.refresh_token) {
    throw new AppError(
      "SALESFORCE_ERROR",
      'Salesforce did not issue a refresh token. In the connected app, add the OAuth scope "Perform requests at any time (refresh_token, offline_access)" and connect again.',
    );
  }
  // The tokens go wherever the response says the org lives: only to Salesforce over https.
  for (const url of [token.instance_url, token.id]) {
    if (!isTrustedSalesforceUrl(url, flow.environment, env)) {
      throw new AppError(
        "SALESFORCE_ERROR",
        `Salesforce named ${url} as the org's address, and Tandem only sends tokens to Salesforce over https. Nothing was stored; check the login URL and connect again.`,
      );
    }
  }
  const connection = new Connection({
    instanceUrl: token.instance_url,
    accessToken: token.access_token,
    version: SALESFORCE_API_VERSION,
  });
  // The token response's `id` is the identity URL (…/id/<orgId>/<userId>).
  const identity = ZIdentitySchema.parse(await connection.request({ method: "GET", url: `${token.id}?format=json` }));
  const orgName = await readOrgName(connection);
  const usage = connection.limitInfo?.apiUsage;
  await storeConnection(
    db,
    {
      environment: flow.environment,
      loginUrl: flow.loginUrl,
      instanceUrl: token.instance_url,
      orgId: identity.organization_id,
      orgName,
      userId: identity.user_id,
      username: identity.username ?? null,
      refreshToken: token.refresh_token,
      accessToken: token.access_token,
      apiUsage: usage ? { used: usage.used, max: usage.limit } : null,
      connectedBy: flow.startedBy,
    },
    input.now,
    env,
  );
  return { orgId: identity.organization_id, username: identity.username ?? null };
}

async function readOrgName(connection: Connection): Promise<string | null> {
  try {
    const result = await connection.query<{ Name: string }>("SELECT Name FROM Organization LIMIT 1");
    return result.records[0]?.Name ?? null;
  } catch {
    // Users without "View Setup and Configuration" cannot read Organization; the name is cosmetic.
    return null;
  }
}
