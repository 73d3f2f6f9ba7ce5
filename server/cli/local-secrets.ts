import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TDatabase } from "@/db/client";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import { countUsers } from "@/server/users/count-users";

/**
 * On one machine, secrets Tandem generates for itself live in data/ (never committed): the
 * session/encryption secret and the cron secret, written by `npm run demo`. An environment
 * variable always wins.
 */
export type TLocalSecretName = "auth-secret" | "cron-secret";

const VARIABLE_FOR: Record<TLocalSecretName, string> = { "auth-secret": "AUTH_SECRET", "cron-secret": "CRON_SECRET" };

export const LOCAL_DATA_DIR = join(process.cwd(), "data");

export function readLocalSecret(name: TLocalSecretName, dataDir = LOCAL_DATA_DIR): string | null {
  const file = join(dataDir, name);
  if (!existsSync(file)) return null;
  return readFileSync(file, "utf8").trim() || null;
}

/**
 * The secret from the environment, else from data/, else a new one written there. Never a new
 * one over an existing setup (`existingSetup`: the database already has users or a Salesforce
 * connection): sessions and stored tokens depend on the secret they were made with, so a new one
 * would silently lock them out. The file is created exclusively, so it is never overwritten.
 */
export function loadOrCreateLocalSecret(
  name: TLocalSecretName,
  envValue: string | undefined,
  dataDir = LOCAL_DATA_DIR,
  options: { existingSetup?: boolean } = {},
): string {
  if (envValue?.trim()) return envValue.trim();
  const existing = readLocalSecret(name, dataDir);
  if (existing) return existing;
  const file = join(dataDir, name);
  if (options.existingSetup) {
    throw new Error(
      `${file} is missing, but the database already has a workspace that depends on it. Put the file back, set ${VARIABLE_FOR[name]} to the secret it held, or delete ${dataDir} to start over.`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process wrote it first: use theirs.
    const theirs = readLocalSecret(name, dataDir);
    if (theirs) return theirs;
    throw error;
  }
  return secret;
}

/** Whether a database already holds a workspace: people who sign in, or a Salesforce connection. */
export async function hasExistingSetup(db: TDatabase): Promise<boolean> {
  return (await countUsers(db)) > 0 || (await getConnectionRow(db)) !== null;
}

/** Whether a `file:` database lives in the local data directory (the demo's). */
export function isLocalDataDatabase(url: string, dataDir = LOCAL_DATA_DIR): boolean {
  if (!url.startsWith("file:")) return false;
  const path = url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
  const inside = relative(resolve(dataDir), resolve(path));
  return inside !== "" && !inside.startsWith("..") && !isAbsolute(inside);
}

export type TCliSecret = { secret: string | null } | { problem: string };

/**
 * Which secret a CLI command opens the stored Salesforce tokens with: the server's. AUTH_SECRET
 * when set; for the demo's database, the data/auth-secret it already has. The CLI never makes one:
 * a new secret could not open the tokens the server stored, and the server would not know it.
 * `needsSecret`: the command may read or store Salesforce tokens (a connection exists, or the
 * environment brings a headless one).
 */
export function decideCliAuthSecret(input: {
  envSecret?: string;
  encryptionKey?: string;
  localSecret: string | null;
  needsSecret: boolean;
}): TCliSecret {
  if (input.envSecret?.trim()) return { secret: input.envSecret.trim() };
  if (input.localSecret) return { secret: input.localSecret };
  // Tokens are sealed with TANDEM_ENCRYPTION_KEY when it is set; AUTH_SECRET is not needed for them.
  if (!input.needsSecret || input.encryptionKey) return { secret: null };
  return {
    problem:
      "AUTH_SECRET is not set. This command reads the Salesforce connection, whose tokens are encrypted with your Tandem server's secret: set AUTH_SECRET to the value the server uses (or TANDEM_ENCRYPTION_KEY, if the server sets that) and run it again.",
  };
}
