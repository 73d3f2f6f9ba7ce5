import type { Client } from "@libsql/client";
import { AppError } from "@/server/errors";
import { MIGRATIONS_TABLE } from "./backup-types";
import { readDump } from "./read-dump";

/** A backup ready to read: a SQLite file through a client, or a dump through its path. */
export type TOpenedBackup = { format: "sqlite"; client: Client } | { format: "sql" };

/**
 * Checks a backup whole before anything is written anywhere, and answers what the restore must
 * decide on: the `created_at` of each migration the backup's database had applied. A SQLite file
 * must pass SQLite's integrity check; a dump is read to its end (every line, its counts, its digest).
 */
export async function inspectBackup(path: string, backup: TOpenedBackup): Promise<number[]> {
  return backup.format === "sqlite" ? inspectSqliteFile(path, backup.client) : inspectDump(path);
}

async function inspectSqliteFile(path: string, client: Client): Promise<number[]> {
  let problem: string;
  try {
    const check = await client.execute("PRAGMA integrity_check(1)");
    problem = String(check.rows[0]?.[0] ?? "no answer");
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  if (problem !== "ok") {
    throw new AppError(
      "BAD_REQUEST",
      `${path} is damaged (SQLite's integrity check says: ${problem}). Restore from another backup.`,
    );
  }
  const found = await client.execute({
    sql: "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
    args: [MIGRATIONS_TABLE],
  });
  if (found.rows.length === 0) throw notTandem(path);
  const migrations = await client.execute(`SELECT created_at FROM ${MIGRATIONS_TABLE}`);
  return migrations.rows.map((row) => Number(row[0]));
}

async function inspectDump(path: string): Promise<number[]> {
  const appliedAt: number[] = [];
  let hasMigrations = false;
  for await (const record of readDump(path)) {
    if (record.kind === "object" && record.object.type === "table" && record.object.name === MIGRATIONS_TABLE) {
      hasMigrations = true;
    }
    if (record.kind !== "rows" || record.table.name !== MIGRATIONS_TABLE) continue;
    const { columns, rowid } = record.table;
    const at = columns.indexOf("created_at") + (rowid ? 1 : 0);
    for (const row of record.rows) appliedAt.push(Number(row[at]));
  }
  if (!hasMigrations) throw notTandem(path);
  return appliedAt;
}

function notTandem(path: string) {
  return new AppError(
    "BAD_REQUEST",
    `${path} is not a backup of a Tandem database: it has no ${MIGRATIONS_TABLE} table.`,
  );
}
