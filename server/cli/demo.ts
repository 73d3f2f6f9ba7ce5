/**
 * `npm run demo`: migrate, start the Salesforce emulator with the demo org, build when the
 * sources changed, and serve Tandem in production mode on http://localhost:3000 with the
 * embedded libSQL file. Secrets are generated once into data/, so sessions and the demo org's
 * connection survive restarts. A sync tick runs every minute, as a scheduler would. A newcomer is
 * sent straight to the first-admin form: the demo sets the setup token and opens its link.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { openDatabase, readDatabaseConfig } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { childProcessEnv, getEnv } from "@/server/env";
import { startEmulator } from "@/server/emulator";
import { countUsers } from "@/server/users/count-users";
import { hasExistingSetup, loadOrCreateLocalSecret } from "./local-secrets";
import { ensureBuilt, nextBinary } from "./next-build";

const root = process.cwd();
const dataDir = join(root, "data");
const TICK_EVERY_MS = 60_000;

function assertPortFree(candidate: number, variable: string) {
  return new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () =>
      reject(
        new Error(
          `Port ${candidate} is already in use. Stop whatever runs there, or choose another port: ${variable}=${candidate + 1} npm run demo`,
        ),
      ),
    );
    probe.listen(candidate, () => probe.close(() => resolve()));
  });
}

async function main() {
  const {
    PORT: port,
    EMULATOR_PORT: emulatorPort,
    AUTH_SECRET,
    AUTH_URL,
    CRON_SECRET,
    TANDEM_SETUP_TOKEN,
    LOG_LEVEL,
  } = getEnv();
  await assertPortFree(port, "PORT");
  await assertPortFree(emulatorPort, "EMULATOR_PORT");
  mkdirSync(dataDir, { recursive: true });

  const database = openDatabase(readDatabaseConfig());
  await migrateDatabase(database);
  const hasUsers = (await countUsers(database.db)) > 0;
  const existingSetup = await hasExistingSetup(database.db);
  database.client.close();
  console.log("Database migrated.");

  const authSecret = loadOrCreateLocalSecret("auth-secret", AUTH_SECRET, dataDir, { existingSetup });
  const cronSecret = loadOrCreateLocalSecret("cron-secret", CRON_SECRET, dataDir);
  const setupToken = TANDEM_SETUP_TOKEN ?? randomBytes(24).toString("base64url");
  const publicUrl = (AUTH_URL ?? `http://localhost:${port}`).replace(/\/$/, "");
  const firstUrl = hasUsers ? publicUrl : `${publicUrl}/setup?token=${encodeURIComponent(setupToken)}`;

  const emulator = await startEmulator({
    port: emulatorPort,
    host: "127.0.0.1",
    seed: "demo",
    dataFile: join(dataDir, "demo-org.jsonl"),
    outboundEndpoint: `http://localhost:${port}/api/salesforce/outbound/demo`,
  });
  console.log(`Demo Salesforce org running at ${emulator.url}`);

  const env = childProcessEnv({
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: authSecret,
    AUTH_URL: publicUrl,
    CRON_SECRET: cronSecret,
    TANDEM_SETUP_TOKEN: setupToken,
    TANDEM_DEMO_SALESFORCE_URL: emulator.url,
    TANDEM_DEMO_CLIENT_ID: emulator.clientId,
    TANDEM_DEMO_CLIENT_SECRET: emulator.clientSecret,
    // The demo's terminal shows what needs attention, not a JSON line per tick (LOG_LEVEL=info for those).
    LOG_LEVEL: LOG_LEVEL ?? "warn",
  });

  console.log((await ensureBuilt(root, env)) ? "Built Tandem." : "Build is up to date.");

  const server = spawn(process.execPath, [nextBinary(root), "start", "-p", String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
    env,
  });
  let ticker: NodeJS.Timeout | undefined;
  server.stdout.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (text.includes("Ready") && !ticker) {
      console.log(
        `\n  Tandem is running. Open ${firstUrl}\n  The demo Salesforce org is at ${emulator.url} (its sign-in needs no password).\n  Stop both with Ctrl+C.\n`,
      );
      if (!hasUsers) openInBrowser(firstUrl);
      ticker = setInterval(() => void scheduledTick(port, cronSecret), TICK_EVERY_MS);
    }
  });
  const stop = () => {
    if (ticker) clearInterval(ticker);
    server.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", async (code) => {
    await emulator.stop();
    process.exit(code ?? 0);
  });
}

/** Opens the first-admin form for someone at a terminal; elsewhere (CI, a service) the link above is enough. */
function openInBrowser(url: string) {
  if (!process.stdout.isTTY) return;
  const [command, ...args] =
    process.platform === "darwin"
      ? ["open", url]
      : process.platform === "win32"
        ? ["cmd", "/c", "start", "", url]
        : ["xdg-open", url];
  const opener = spawn(command!, args, { stdio: "ignore", detached: true });
  opener.on("error", () => {}); // no browser here: the printed link is enough
  opener.unref();
}

/** What a system timer or Vercel cron would do: call the cron route with the secret. */
async function scheduledTick(port: number, cronSecret: string) {
  try {
    const response = await fetch(`http://localhost:${port}/api/cron/sync`, {
      headers: { authorization: `Bearer ${cronSecret}` },
    });
    const summary = (await response.json()) as {
      ok?: boolean;
      skipped?: string;
      paused?: string;
      failures?: Array<{ message: string }>;
    };
    if (summary.failures?.length && !summary.paused)
      console.log(`[sync] ${summary.failures.map((failure) => failure.message).join(" ")}`);
  } catch (error) {
    console.log(`[sync] scheduled tick failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
