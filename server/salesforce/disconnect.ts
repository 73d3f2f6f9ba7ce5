import { OAuth2 } from "jsforce";
import type { TDatabase } from "@/db/client";
import { getEnv, type TEnv } from "@/server/env";
import { appCredentials } from "./app-credentials";
import { deleteConnectionRow, getConnectionRow } from "./connection-store";
import { decryptToken, deriveTokenKey } from "./token-cipher";

/**
 * Disconnects the org: revokes the refresh token at Salesforce (best effort: a token Salesforce
 * already revoked, or an unreachable org, must not keep an admin from disconnecting) and forgets
 * it. Pulled records stay; reconnecting the same org continues from the cursors.
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
  await deleteConnectionRow(db);
  return { revoked };
}
