import type { TDatabase } from "@/db/client";
import { SALESFORCE_API_VERSION } from "./api-version";
import { saveConnectionRow, type TSalesforceEnvironment } from "./connection-store";
import { resetIfOrgChanged } from "./reset-for-new-org";
import { deriveTokenKey, encryptToken } from "./token-cipher";

export type TNewConnection = {
  environment: TSalesforceEnvironment;
  loginUrl: string;
  instanceUrl: string;
  orgId: string;
  orgName?: string | null;
  userId: string;
  username?: string | null;
  refreshToken: string;
  accessToken: string;
  apiUsage?: { used: number; max: number } | null;
  connectedBy?: string | null;
};

/**
 * Stores a fresh connection (from the wizard, the environment, or a test) with both tokens
 * encrypted, clearing the previous org's records first when it is a different org.
 */
export async function storeConnection(
  db: TDatabase,
  input: TNewConnection,
  now: number,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  const key = deriveTokenKey(env);
  await resetIfOrgChanged(db, input.orgId);
  await saveConnectionRow(db, {
    environment: input.environment,
    loginUrl: input.loginUrl,
    instanceUrl: input.instanceUrl,
    apiVersion: SALESFORCE_API_VERSION,
    orgId: input.orgId,
    orgName: input.orgName ?? null,
    userId: input.userId,
    username: input.username ?? null,
    refreshTokenEncrypted: encryptToken(input.refreshToken, key),
    accessTokenEncrypted: encryptToken(input.accessToken, key),
    status: "connected",
    lastError: null,
    apiUsed: input.apiUsage?.used ?? null,
    apiMax: input.apiUsage?.max ?? null,
    apiUsageAt: input.apiUsage ? now : null,
    connectedAt: now,
    connectedBy: input.connectedBy ?? null,
  });
}
