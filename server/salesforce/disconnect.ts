import { OAuth2 } from "jsforce";
import type { TDatabase } from "@/db/client";
import { getEnv, type TEnv } from "@/server/env";
import { appCredentials } from "./app-credentials";
import { deleteConnectionRow, getConnectionRow } from "./connection-store";
import { recordHeadlessDisconnect } from "./headless-disconnect";
import { decryptToken, deriveTokenKey } from "./token-cipher";

/**
 * Disconnects the org: revokes the refresh token at Salesforce (best effort: a token Salesforce
 * already revoked, or an unreachable org, must not keep an admin from disconnecting) and forgets
 * it. Pulled records stay; reconnecting the same org continues from the cursors. On a headless
 * deploy it also records that the environment's refresh token was let go, so the next tick does
 * not quietly connect again with it.
 */
export async function disconnectSalesforce(db: TDatabase, env: TEnv = getEnv()): Promise<{ revoked: boolean }> {
  const row = await getConnectionRow(db);
  if (!row) return { revoked: false };
  let revoked = false;
  try {
    const credentials = appCredentials(row.environment, env);
    const oauth2 = new OAuth2({ loginUrl: row.loginUrl, clientId: credentials?.clientId ?? "", redirectUri: "" });
    await oauth2.revokeToken(decryptToken(row.refreshTokenEncrypted, deriveTokenKey(env)));
    revoked = true;
  } catch {
    revoked = false;
  }
  if (env.SALESFORCE_INSTANCE_URL && env.SALESFORCE_REFRESH_TOKEN)
    await recordHeadlessDisconnect(db, env.SALESFORCE_REFRESH_TOKEN);
  await deleteConnectionRow(db);
  return { revoked };
}
