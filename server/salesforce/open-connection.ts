import { Connection, OAuth2 } from "jsforce";
import type { TDatabase } from "@/db/client";
import { AppError } from "@/server/errors";
import { attachApiMeter, createApiMeter, type TApiMeter } from "./api-meter";
import { appCredentials } from "./app-credentials";
import { getConnectionRow, type TConnectionRow, updateConnectionRow } from "./connection-store";
import { decryptToken, deriveTokenKey, encryptToken } from "./token-cipher";

export type TSalesforce = { connection: Connection; meter: TApiMeter; row: TConnectionRow };

type TOptions = { env?: Record<string, string | undefined>; clock?: () => number };

/**
 * A jsforce connection for the stored org. jsforce refreshes the access token on a 401 by
 * itself; the new token (and instance URL, which can change on refresh) is stored encrypted.
 */
export async function openSalesforce(db: TDatabase, options: TOptions = {}): Promise<TSalesforce> {
  const env = options.env ?? process.env;
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
  connection.on("refresh", (accessToken: string, response: { instance_url?: string }) => {
    void updateConnectionRow(db, {
      accessTokenEncrypted: encryptToken(accessToken, key),
      ...(response?.instance_url ? { instanceUrl: response.instance_url } : {}),
    });
  });
  const meter = createApiMeter();
  attachApiMeter(connection, meter, clock);
  return { connection, meter, row };
}
