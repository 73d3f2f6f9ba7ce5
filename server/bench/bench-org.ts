/**
 * What the measured processes of `npm run bench` (pull-once.ts, push-once.ts) share: tokens from
 * the emulator, the database a measurement writes into, and Tandem connected to the emulated org.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDatabaseConfig, type TDatabase, type TDatabaseConfig } from "@/db/client";
import { getEnv, setEnvDefault } from "@/server/env";
import { storeConnection } from "@/server/salesforce/store-connection";

export type TTokens = { access_token: string; refresh_token: string; instance_url: string; id: string };

export async function tokens(url: string): Promise<TTokens> {
  return (await (await fetch(`${url}/__emulator/tokens`, { method: "POST" })).json()) as TTokens;
}

/** The emulator's count of API calls since its last reset (each composite request is one). */
export async function emulatorApiCalls(url: string): Promise<number> {
  const response = await fetch(`${url}/__emulator/api-usage`, { headers: { connection: "close" } });
  return ((await response.json()) as { total: number }).total;
}

/** DATABASE_URL if set, else a temporary `file:` database. */
export function benchDatabase(): { config: TDatabaseConfig; remove: () => void } {
  if (getEnv().DATABASE_URL) return { config: readDatabaseConfig(), remove: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), "tandem-bench-"));
  return {
    config: { url: `file:${join(dir, "bench.db")}` },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Encrypts the stored tokens; a measurement reading a connection another process stored sets the same. */
export const BENCH_AUTH_SECRET = "bench-secret";

/** Tandem connected to the emulated org as its demo user, as the Setup wizard stores it. */
export async function connectToEmulator(db: TDatabase, url: string) {
  setEnvDefault("AUTH_SECRET", BENCH_AUTH_SECRET);
  const issued = await tokens(url);
  await storeConnection(
    db,
    {
      environment: "demo",
      loginUrl: url,
      instanceUrl: issued.instance_url,
      orgId: issued.id.split("/").at(-2) ?? "",
      userId: issued.id.split("/").at(-1) ?? "",
      refreshToken: issued.refresh_token,
      accessToken: issued.access_token,
    },
    Date.now(),
  );
}

/** The emulated org emptied (its API count too), as before each measurement. */
export async function resetEmulator(url: string) {
  const response = await fetch(`${url}/__emulator/reset`, {
    method: "POST",
    headers: { "content-type": "application/json", connection: "close" },
    body: JSON.stringify({ seed: "empty" }),
  });
  if (!response.ok) throw new Error(`reset: ${response.status} ${await response.text()}`);
}
