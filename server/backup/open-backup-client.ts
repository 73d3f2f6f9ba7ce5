import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, type Client } from "@libsql/client";
import { BUSY_TIMEOUT_MS, type TDatabaseConfig } from "@/db/client";

/**
 * A client for backups and restores. Integers come back as bigint, never as a JavaScript number
 * that would round one above 2^53; the busy timeout is the app's, so a restore waits for the web
 * server's write instead of failing at once.
 */
export function openBackupClient(config: TDatabaseConfig): Client {
  const path = filePathOf(config.url);
  if (path) mkdirSync(dirname(path), { recursive: true });
  return createClient({ url: config.url, authToken: config.authToken, intMode: "bigint", timeout: BUSY_TIMEOUT_MS });
}

/** The path of a `file:` database URL, or null for a server (libsql:, http(s):, ws(s):). */
export function filePathOf(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  return url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
}
