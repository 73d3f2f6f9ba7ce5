import type { TDatabase } from "@/db/client";
import type { TokenResponse } from "@/server/emulator";
import { storeConnection } from "@/server/salesforce/store-connection";

export const TEST_AUTH_SECRET = "integration-test-secret";

/** An emulated org: started in this process (RunningEmulator) or as a process of its own. */
export type TEmulatedOrg = {
  url: string;
  orgId: string;
  issueTokens(): (TokenResponse & { refresh_token: string }) | Promise<TokenResponse & { refresh_token: string }>;
};

/** Connects Tandem's database to an emulated org, as the wizard would after OAuth. */
export async function connectToEmulator(db: TDatabase, emulator: TEmulatedOrg, now = Date.now()) {
  process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;
  const tokens = await emulator.issueTokens();
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

export async function emulatorAdmin(emulator: { url: string }, path: string, body?: unknown, method = "POST") {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}
