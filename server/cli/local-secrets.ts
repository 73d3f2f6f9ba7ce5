import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * On one machine, secrets Tandem generates for itself live in data/ (never committed): the
 * session/encryption secret and the cron secret. An environment variable always wins.
 */
export function loadOrCreateLocalSecret(
  name: "auth-secret" | "cron-secret",
  envValue: string | undefined,
  dataDir = join(process.cwd(), "data"),
): string {
  if (envValue?.trim()) return envValue.trim();
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
