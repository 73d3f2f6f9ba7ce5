import type { Client } from "@libsql/client";
import { quoteIdentifier, STAGING_PREFIX } from "./backup-types";

/** Removes a restore's staging tables: after it failed, or those a killed restore left behind. */
export async function dropStagingTables(target: Client): Promise<void> {
  const tables = await target.execute("SELECT name FROM sqlite_schema WHERE type = 'table'");
  for (const row of tables.rows) {
    const name = String(row.name);
    if (name.startsWith(STAGING_PREFIX)) await target.execute(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
  }
}
