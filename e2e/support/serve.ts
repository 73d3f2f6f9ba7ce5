/**
 * The servers Playwright tests run against: the Salesforce emulator with the demo org, and Tandem
 * (`next start`, production mode, built when sources changed) on a fresh database in .cache/e2e.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { startEmulator } from "@/server/emulator";
import { ensureBuilt, nextBinary } from "@/server/cli/next-build";
import {
  E2E_AUTH_SECRET,
  E2E_CRON_SECRET,
  E2E_EMULATOR_PORT,
  e2eDatabaseUrl,
  E2E_DATA_DIR,
  E2E_SETUP_TOKEN,
} from "./paths";

const root = process.cwd();
const port = process.env.E2E_PORT ?? "3100";

async function main() {
  rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  mkdirSync(E2E_DATA_DIR, { recursive: true });
  const emulator = await startEmulator({
    port: E2E_EMULATOR_PORT,
    seed: "demo",
    outboundTiming: { initialBackoffMs: 200, batchDelayMs: 20 },
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: E2E_AUTH_SECRET,
    AUTH_URL: `http://localhost:${port}`,
    CRON_SECRET: E2E_CRON_SECRET,
    DATABASE_URL: e2eDatabaseUrl(),
    TANDEM_SETUP_TOKEN: E2E_SETUP_TOKEN,
    TANDEM_DEMO_SALESFORCE_URL: emulator.url,
    // The test report shows what went wrong, not a JSON line per tick (LOG_LEVEL=info for those).
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  const database = openDatabase({ url: e2eDatabaseUrl() });
  await migrateDatabase(database);
  database.client.close();
  await ensureBuilt(root, env);
  const server = spawn(process.execPath, [nextBinary(root), "start", "-p", port], { stdio: "inherit", env });
  const stop = () => {
    server.kill("SIGTERM");
    void emulator.stop();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
