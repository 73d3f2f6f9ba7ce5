import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Client } from "@libsql/client";
import type { TDatabaseConfig } from "@/db/client";
import { AppError } from "@/server/errors";
import type { TBackupFormat } from "./backup-types";
import { countTableRows } from "./count-table-rows";
import { filePathOf, openBackupClient } from "./open-backup-client";
import { readDatabase } from "./read-database";
import { writeDump } from "./write-dump";
import { writeNewFile } from "./write-new-file";

export type TBackupSummary = {
  file: string;
  format: TBackupFormat;
  tables: number;
  rows: number;
  bytes: number;
  durationMs: number;
};

const PROGRESS_EVERY_MS = 2_000;

export type TBackupOptions = {
  /** Default: `sqlite` for a `file:` database, `sql` for a server. */
  format?: TBackupFormat;
  /** Progress for a person watching (stderr), never data. */
  onProgress?: (message: string) => void;
};

/**
 * `backup FILE`: one consistent state of the database in a new file, while the web server and
 * sync ticks go on writing. A `file:` database is copied by SQLite itself (`VACUUM INTO`, one read
 * transaction, compacted); a server (Turso, sqld) has no file to copy, so it is read into Tandem's
 * SQL dump, also in one read transaction. The dump works for a `file:` database too.
 */
export async function backupDatabase(
  config: TDatabaseConfig,
  file: string,
  options: TBackupOptions = {},
): Promise<TBackupSummary> {
  const startedAt = performance.now();
  const sourcePath = filePathOf(config.url);
  const format = options.format ?? (sourcePath ? "sqlite" : "sql");
  if (format === "sqlite" && !sourcePath) {
    throw new AppError(
      "BAD_REQUEST",
      "--format sqlite copies a file: database; a server (libsql://, http(s)://, ws(s)://) is backed up as an SQL dump: leave out --format, or use --format sql.",
    );
  }
  if (sourcePath && !existsSync(sourcePath)) {
    throw new AppError("NOT_FOUND", `There is no database at ${sourcePath}. Check DATABASE_URL.`);
  }
  const target = resolve(file);
  const client = openBackupClient(config);
  try {
    const sqliteVersion = await reachableVersion(client);
    const onProgress = options.onProgress ?? (() => undefined);
    let reportedAt = performance.now();
    const onRows = (rows: number) => {
      if (performance.now() - reportedAt < PROGRESS_EVERY_MS) return;
      reportedAt = performance.now();
      onProgress(`${rows.toLocaleString("en-US")} rows so far…`);
    };
    const counts = await writeNewFile(target, async (temporary) => {
      if (format === "sqlite") {
        onProgress(`Copying the database with VACUUM INTO…`);
        // One read transaction: a consistent snapshot even while others write. The path is a
        // parameter, never spliced into the SQL.
        await client.execute({ sql: "VACUUM INTO ?", args: [temporary] });
        return countSnapshot(temporary);
      }
      onProgress("Writing an SQL dump…");
      const header = { version: 1 as const, createdAt: new Date().toISOString(), sqliteVersion };
      return writeDump(readDatabase(client), temporary, header, onRows);
    });
    return {
      file: target,
      format,
      tables: counts.tables,
      rows: counts.rows,
      bytes: statSync(target).size,
      durationMs: Math.round(performance.now() - startedAt),
    };
  } finally {
    client.close();
  }
}

async function reachableVersion(client: Client): Promise<string> {
  try {
    const result = await client.execute("SELECT sqlite_version() AS version");
    return String(result.rows[0]?.version);
  } catch (error) {
    throw new AppError(
      "DATABASE_UNAVAILABLE",
      "The database cannot be reached. Check DATABASE_URL and DATABASE_AUTH_TOKEN.",
      { cause: error },
    );
  }
}

/** Checks the copy SQLite wrote and counts what it holds, for the summary. */
async function countSnapshot(path: string): Promise<{ tables: number; rows: number }> {
  const snapshot = openBackupClient({ url: pathToFileURL(path).href });
  try {
    const check = await snapshot.execute("PRAGMA quick_check(1)");
    if (String(check.rows[0]?.[0]) !== "ok") {
      throw new AppError("INTERNAL", `The copy failed SQLite's check (${String(check.rows[0]?.[0])}); try again.`);
    }
    const counts = await countTableRows(snapshot);
    return { tables: counts.length, rows: counts.reduce((sum, table) => sum + table.rows, 0) };
  } finally {
    snapshot.close();
  }
}
