import { Connection, OAuth2 } from "jsforce";
import type { TDatabase } from "@/db/client";
import { getEnv, type TEnv } from "@/server/env";
import { AppError } from "@/server/errors";
import { attachApiMeter, createApiMeter } from "./api-meter";
import { appCredentials } from "./app-credentials";
import { getConnectionRow, updateConnectionOfOrg } from "./connection-store";
import { createJsforcePort } from "./jsforce-port";
import type { SalesforcePort } from "./port";
import { decryptToken, deriveTokenKey, encryptToken } from "./token-cipher";

type TOptions = { env?: TEnv; clock?: () => number };

/**
 * The Salesforce port for the stored org. jsforce refreshes the access token on a 401 by itself;
 * the new token (and the instance URL, which can change on refresh, and the refresh token when
 * the org rotates it) is stored encrypted. Those saves are awaited by the port's flush() at the
 * end of a tick, and a failed save is logged (never silently lost).
 */
export async function openSalesforce(db: TDatabase, options: TOptions = {}): Promise<SalesforcePort> {
  const env = options.env ?? getEnv();
  const clock = options.clock ?? Date.now;
  const row = await getConnectionRow(db);
  if (!row)
    throw new AppError("SALESFORCE_NOT_CONNECTED", "Salesforce is not connected. An admin connects it in Setup.");
  if (row.status === "broken") {
    throw new AppError(
      "SALESFORCE_CONNECTION_BROKEN",
      `The Salesforce connection is broken: ${row.lastError ?? "reconnect it"}. An admin can reconnect it in Setup.`,
    );
  }
  const credentials = appCredentials(row.environment, env);
  if (!credentials) {
    throw new AppError(
      "SALESFORCE_NOT_CONFIGURED",
      "SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET are not set on the server.",
    );
  }
  const key = deriveTokenKey(env);
  const oauth2 = new OAuth2({
    loginUrl: row.loginUrl,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    redirectUri: "",
  });
  const connection = new Connection({
    oauth2,
    instanceUrl: row.instanceUrl,
    accessToken: row.accessTokenEncrypted ? decryptToken(row.accessTokenEncrypted, key) : undefined,
    refreshToken: decryptToken(row.refreshTokenEncrypted, key),
    version: row.apiVersion,
  });
  let saves: Promise<void> = Promise.resolve();
  connection.on("refresh", (accessToken: string, response: TRefreshResponse) => {
    const patch = refreshedTokenPatch(accessToken, response, key);
    saves = saves.then(() =>
      updateConnectionOfOrg(db, row.orgId, patch).then(
        () => undefined,
        (error: unknown) => {
          console.error("[salesforce] storing the refreshed token failed; the next tick refreshes again:", error);
        },
      ),
    );
  });
  const meter = createApiMeter();
  attachApiMeter(connection, meter, clock);
  return createJsforcePort({ connection, meter, orgId: row.orgId, pendingWrites: () => saves });
}

type TRefreshResponse = { instance_url?: string; refresh_token?: string } | undefined;

/** What a token refresh changes on the stored connection, encrypted. */
export function refreshedTokenPatch(accessToken: string, response: TRefreshResponse, key: Buffer) {
  return {
    accessTokenEncrypted: encryptToken(accessToken, key),
    ...(response?.instance_url ? { instanceUrl: response.instance_url } : {}),
    // Orgs with refresh-token rotation hand out a new refresh token with each refresh; the old
    // one stops working, so it must be kept.
    ...(response?.refresh_token ? { refreshTokenEncrypted: encryptToken(response.refresh_token, key) } : {}),
  };
}
