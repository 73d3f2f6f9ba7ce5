import { Connection, OAuth2 } from "jsforce";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { getEnv, type TEnv } from "@/server/env";
import { AppError } from "@/server/errors";
import { SALESFORCE_API_VERSION } from "./api-version";
import { appCredentials, LOGIN_URLS } from "./app-credentials";
import { getConnectionRow, type TSalesforceEnvironment } from "./connection-store";
import { wasHeadlessTokenDisconnected } from "./headless-disconnect";
import { describeOAuthError } from "./oauth-errors";
import { storeConnection } from "./store-connection";

const ZTokenSchema = z.object({ access_token: z.string(), instance_url: z.string(), id: z.string() });
const ZIdentitySchema = z.object({ organization_id: z.string(), user_id: z.string(), username: z.string().optional() });

function environmentOf(loginUrl: string): TSalesforceEnvironment {
  if (loginUrl === LOGIN_URLS.production) return "production";
  if (loginUrl === LOGIN_URLS.sandbox) return "sandbox";
  return "custom";
}

/**
 * Headless deploys connect from the environment, with no wizard: SALESFORCE_INSTANCE_URL and
 * SALESFORCE_REFRESH_TOKEN (plus the connected app's client id and secret, and
 * SALESFORCE_LOGIN_URL for a sandbox or My Domain). Runs once, when no connection is stored yet;
 * a connection made in the wizard always wins. After an admin disconnected, it stays disconnected
 * until the environment brings another refresh token.
 */
export async function ensureHeadlessConnection(
  db: TDatabase,
  env: TEnv = getEnv(),
  now = Date.now(),
): Promise<boolean> {
  const instanceUrl = env.SALESFORCE_INSTANCE_URL;
  const refreshToken = env.SALESFORCE_REFRESH_TOKEN;
  if (!instanceUrl || !refreshToken || (await getConnectionRow(db))) return false;
  if (await wasHeadlessTokenDisconnected(db, refreshToken)) return false;
  const loginUrl = (env.SALESFORCE_LOGIN_URL ?? LOGIN_URLS.production).replace(/\/$/, "");
  const environment = environmentOf(loginUrl);
  const credentials = appCredentials(environment, env);
  if (!credentials)
    throw new AppError(
      "SALESFORCE_NOT_CONFIGURED",
      "SALESFORCE_REFRESH_TOKEN is set, but SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET are not. Set all three.",
    );
  const oauth2 = new OAuth2({
    loginUrl,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    redirectUri: "",
  });
  let token: z.infer<typeof ZTokenSchema>;
  try {
    token = ZTokenSchema.parse(await oauth2.refreshToken(refreshToken));
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    throw new AppError(
      "SALESFORCE_ERROR",
      `SALESFORCE_REFRESH_TOKEN was refused: ${describeOAuthError(name, error instanceof Error ? error.message : null)}`,
      { cause: error },
    );
  }
  const connection = new Connection({
    instanceUrl: token.instance_url || instanceUrl,
    accessToken: token.access_token,
    version: SALESFORCE_API_VERSION,
  });
  const identity = ZIdentitySchema.parse(await connection.request({ method: "GET", url: `${token.id}?format=json` }));
  await storeConnection(
    db,
    {
      environment,
      loginUrl,
      instanceUrl: token.instance_url || instanceUrl,
      orgId: identity.organization_id,
      userId: identity.user_id,
      username: identity.username ?? null,
      refreshToken,
      accessToken: token.access_token,
    },
    now,
    env,
  );
  return true;
}
