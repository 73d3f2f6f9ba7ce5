import { randomUUID } from "node:crypto";
import type { TDatabase } from "@/db/client";
import { getEnv, type TEnv } from "@/server/env";
import { acquireLease, commitFenced } from "@/server/sync/lease";
import { SALESFORCE_API_VERSION } from "./api-version";
import { saveConnectionStatement, type TSalesforceEnvironment } from "./connection-store";
import { planOrgSwitch } from "./reset-for-new-org";
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
 * encrypted. When it is a different org, the previous org's records are cleared in the same
 * transaction. It takes the tick lease from whoever holds it, so a tick still running against the
 * old org can commit nothing afterwards (its commits are fenced, see server/sync/lease.ts).
 */
export async function storeConnection(
  db: TDatabase,
  input: TNewConnection,
  now: number,
  env: TEnv = getEnv(),
): Promise<void> {
  const key = deriveTokenKey(env);
  const row = {
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
    status: "connected" as const,
    lastError: null,
    apiUsed: input.apiUsage?.used ?? null,
    apiMax: input.apiUsage?.max ?? null,
    apiUsageAt: input.apiUsage ? now : null,
    connectedAt: now,
    connectedBy: input.connectedBy ?? null,
  };
  const lease = await acquireLease(db, { holder: `connect-${randomUUID()}`, now: Date.now, steal: true });
  if (!lease) throw new Error("Could not take the sync lease to switch the connection.");
  try {
    const orgSwitch = await planOrgSwitch(db, input.orgId);
    await commitFenced(db, lease, [...orgSwitch.statements, saveConnectionStatement(db, row)]);
  } finally {
    await lease.release();
  }
}
