import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { getEnv, type TEnv } from "@/server/env";
import * as schema from "./schema";

export type TDatabase = LibSQLDatabase<typeof schema> & { $client: Client };
export type TDatabaseHandle = { db: TDatabase; client: Client; url: string };
export type TDatabaseConfig = { url: string; authToken?: string };

export const DEFAULT_DATABASE_URL = "file:./data/tandem.db";
/** How long a `file:` connection waits for another writer before giving up. */
export const BUSY_TIMEOUT_MS = 15_000;

export function readDatabaseConfig(env: TEnv = getEnv()): TDatabaseConfig {
  return { url: env.DATABASE_URL ?? DEFAULT_DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN };
}

/** The same code serves `file:` (one machine) and `libsql://`/`http://` (Turso, sqld). */
export function openDatabase(config: TDatabaseConfig): TDatabaseHandle {
  if (config.url.startsWith("file:")) ensureParentDirectory(config.url);
  // The web server, a CLI tick and a second transaction in one process can all write to a `file:`
  // database: wait for the lock (busy timeout) instead of failing with SQLITE_BUSY at once.
  const client = createClient({ url: config.url, authToken: config.authToken, timeout: BUSY_TIMEOUT_MS });
  return { db: drizzle(client, { schema }), client, url: config.url };
}

function ensureParentDirectory(fileUrl: string) {
  const path = fileUrl.startsWith("file://") ? fileURLToPath(fileUrl) : fileUrl.slice("file:".length);
  if (path && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
}

// Kept on globalThis so Next's dev reloads reuse one client instead of leaking connections.
const holder = globalThis as unknown as { tandemDatabase?: TDatabaseHandle };

/**
 * The process-wide database, opened on first use so that `next build` (which imports server
 * modules to collect routes) never touches a database.
 */
export function getDatabase(): TDatabaseHandle {
  holder.tandemDatabase ??= openDatabase(readDatabaseConfig());
  return holder.tandemDatabase;
}

export function getDb(): TDatabase {
  return getDatabase().db;
}

/** A transaction handle, for functions that must run inside the caller's transaction. */
export type TTransaction = Parameters<Parameters<TDatabase["transaction"]>[0]>[0];
/** Either the database or a transaction: what repository functions take. */
export type TDatabaseOrTransaction = TDatabase | TTransaction;
