/**
 * `npm run demo`: migrate, build when the sources changed, and serve Tandem in production mode
 * on http://localhost:3000 with the embedded libSQL file. The session secret is generated once
 * and kept in data/, so sessions survive restarts.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { ensureBuilt, nextBinary } from "./next-build";
import { openDatabase, readDatabaseConfig } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

const root = process.cwd();
const dataDir = join(root, "data");
const port = Number(process.env.PORT ?? 3000);

function loadOrCreateAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function assertPortFree(port: number) {
  return new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () =>
      reject(new Error(`Port ${port} is already in use. Stop whatever runs there, or start the demo on another port: PORT=3001 npm run demo`)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

async function main() {
  await assertPortFree(port);
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: loadOrCreateAuthSecret(),
    AUTH_URL: process.env.AUTH_URL ?? `http://localhost:${port}`,
  };

  const database = openDatabase(readDatabaseConfig(env));
  await migrateDatabase(database);
  database.client.close();
  console.log("Database migrated.");

  if (await ensureBuilt(root, env)) console.log("Built Tandem.");
  else console.log("Build is up to date.");

  const server = spawn(process.execPath, [nextBinary(root), "start", "-p", String(port)], { stdio: ["ignore", "pipe", "inherit"], env });
  server.stdout.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (text.includes("Ready")) {
      console.log(`\n  Tandem is running. Open http://localhost:${port}\n  Stop it with Ctrl+C.\n`);
    }
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
