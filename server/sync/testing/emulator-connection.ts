import { Connection } from "jsforce";
import type { TDatabase } from "@/db/client";
import type { RunningEmulator } from "@/server/emulator";
import { SALESFORCE_API_VERSION } from "@/server/salesforce/api-version";
import { saveConnectionRow } from "@/server/salesforce/connection-store";
import { deriveTokenKey, encryptToken } from "@/server/salesforce/token-cipher";

export const TEST_AUTH_SECRET = "integration-test-secret";

/** Connects Tandem's database to an emulated org, as the wizard would after OAuth. */
export async function connectToEmulator(db: TDatabase, emulator: RunningEmulator, now = Date.now()) {
  process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;
  const tokens = emulator.issueTokens();
  const key = deriveTokenKey(process.env);
  await saveConnectionRow(db, {
    environment: "demo",
    loginUrl: emulator.url,
    instanceUrl: tokens.instance_url,
    apiVersion: SALESFORCE_API_VERSION,
    orgId: emulator.orgId,
    orgName: null,
    userId: tokens.id.split("/").at(-1) ?? "",
    username: null,
    refreshTokenEncrypted: encryptToken(tokens.refresh_token, key),
    accessTokenEncrypted: encryptToken(tokens.access_token, key),
    status: "connected",
    lastError: null,
    apiUsed: null,
    apiMax: null,
    apiUsageAt: null,
    connectedAt: now,
    connectedBy: null,
  });
  return tokens;
}

/** A plain jsforce connection to the emulator, for arranging data in tests. */
export function adminConnection(emulator: RunningEmulator) {
  const tokens = emulator.issueTokens();
  return new Connection({ instanceUrl: tokens.instance_url, accessToken: tokens.access_token, version: SALESFORCE_API_VERSION });
}

export async function emulatorAdmin(emulator: RunningEmulator, path: string, body?: unknown, method = "POST") {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}
