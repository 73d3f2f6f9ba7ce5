import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { openDatabase, type TDatabaseHandle } from "../client";
import { migrateDatabase } from "../migrate";

export type TTestDatabase = TDatabaseHandle & { kind: "file" | "sqld"; cleanup(): Promise<void> };

/** Which database the integration tests run on: a temp file, or the sqld server (Turso's path). */
export function testDatabaseKind(): "file" | "sqld" {
  return process.env.TANDEM_TEST_DATABASE === "sqld" ? "sqld" : "file";
}

async function dropEverything(handle: TDatabaseHandle) {
  const tables = await handle.client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_litestream%' AND name NOT LIKE 'libsql_%'",
  );
  await handle.client.execute("PRAGMA foreign_keys = OFF");
  for (const row of tables.rows) await handle.client.execute(`DROP TABLE IF EXISTS "${String(row.name)}"`);
  await handle.client.execute("PRAGMA foreign_keys = ON");
}

/** A migrated, empty database for one test file. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TTestDatabase> {
  const migrate = options.migrate ?? true;
  if (testDatabaseKind() === "sqld") {
    const { url, authToken } = inject("sqld");
    const handle = openDatabase({ url, authToken });
    await dropEverything(handle);
    if (migrate) await migrateDatabase(handle);
    return { ...handle, kind: "sqld", cleanup: async () => handle.client.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), "tandem-test-"));
  const handle = openDatabase({ url: `file:${join(dir, "tandem.db")}` });
  if (migrate) await migrateDatabase(handle);
  return {
    ...handle,
    kind: "file",
    cleanup: async () => {
      handle.client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
