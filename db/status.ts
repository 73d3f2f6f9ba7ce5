import type { Client } from "@libsql/client";
import journal from "./migrations/meta/_journal.json";

export type TDatabaseState = "ok" | "unreachable" | "unmigrated";

const LATEST_MIGRATION_AT = Math.max(...journal.entries.map((entry) => entry.when));

/**
 * Tells apart a database that cannot be reached from one that is reachable but missing
 * migrations, so pages and /api/health can say which command fixes it.
 */
export async function checkDatabase(client: Client): Promise<TDatabaseState> {
  try {
    await client.execute("SELECT 1");
  } catch {
    return "unreachable";
  }
  try {
    const result = await client.execute("SELECT MAX(created_at) AS latest FROM __drizzle_migrations");
    const latest = Number(result.rows[0]?.latest ?? 0);
    return latest >= LATEST_MIGRATION_AT ? "ok" : "unmigrated";
  } catch {
    return "unmigrated";
  }
}
