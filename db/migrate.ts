import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { TDatabaseHandle } from "./client";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

/** Applies every committed migration that the database has not seen yet. Idempotent. */
export async function migrateDatabase(handle: TDatabaseHandle) {
  if (handle.url.startsWith("file:")) {
    // WAL lets the web server read while the CLI or a cron tick writes; the mode is stored in
    // the file, so setting it once here is enough.
    await handle.client.execute("PRAGMA journal_mode = WAL");
  }
  await migrate(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
}
