import { Connection } from "jsforce";
import type { TDatabase } from "@/db/client";
import type { RunningEmulator } from "@/server/emulator";
import { SALESFORCE_API_VERSION } from "@/server/salesforce/api-version";
import { storeConnection } from "@/server/salesforce/store-connection";

export const TEST_AUTH_SECRET = "integration-test-secret";

/** Connects Tandem's database to an emulated org, as the wizard would after OAuth. */
export async function connectToEmulator(db: TDatabase, emulator: RunningEmulator, now = Date.now()) {
  process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;
  const tokens = emulator.issueTokens();
  await storeConnection(
    db,
    {
      environment: "demo",
      loginUrl: emulator.url,
      instanceUrl: tokens.instance_url,
      orgId: emulator.orgId,
      userId: tokens.id.split("/").at(-1) ?? "",
      refreshToken: tokens.refresh_token,
      accessToken: tokens.access_token,
    },
    now,
  );
  return tokens;
}

/** A plain jsforce connection to the emulator, for arranging data in tests. */
export function adminConnection(emulator: RunningEmulator) {
  const tokens = emulator.issueTokens();
  return new Connection({
    instanceUrl: tokens.instance_url,
    accessToken: tokens.access_token,
    version: SALESFORCE_API_VERSION,
  });
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
