import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Client } from "@libsql/client";
import type { TDatabaseConfig } from "@/db/client";
import { AppError } from "@/server/errors";
import { holdsData, type TBackupFormat } from "./backup-types";
import { countTableRows, type TTableRows } from "./count-table-rows";
import { detectBackupFormat } from "./detect-backup-format";
import { dropStagingTables } from "./drop-staging-tables";
import { inspectBackup, type TOpenedBackup } from "./inspect-backup";
import { compareMigrationLevel, type TMigrationLevel } from "./migration-level";
import { filePathOf, openBackupClient } from "./open-backup-client";
import { readDatabase } from "./read-database";
import { readDump } from "./read-dump";
import { stageBackup } from "./stage-backup";
import { openStagingFile, removeLeftStagingFiles, removeStagingFile, stagingFileBeside } from "./staging-file";
import { swapInBackup } from "./swap-in-backup";

export type TRestoreSummary = {
  file: string;
  format: TBackupFormat;
  tables: number;
  rows: number;
  durationMs: number;
  /** What the target held before (`--force`); empty when it was empty. */
  replaced: TTableRows[];
  migrations: TMigrationLevel;
};

export type TRestoreOptions = {
  /** Replace a target that holds data. */
  force?: boolean;
  onProgress?: (message: string) => void;
};

const PROGRESS_EVERY_MS = 2_000;

/**
 * `restore FILE [--force]`: the backup, whichever its format, becomes the whole content of the
 * database `config` names (a `file:` database or a server). The file is checked whole first
 * (integrity, digest, migrations), and a backup from a newer Tandem is refused; a target that
 * holds rows is refused unless `force`. Rows are first staged (in a scratch file beside a `file:`
 * target, in staging tables on a server), batch by batch, then swapped in with one transaction
 * (swap-in-backup.ts): the target ends with all of the backup or as it was. A running Tandem may
 * stay up: it sees the old content until the swap commits, then the new one.
 */
export async function restoreDatabase(
  config: TDatabaseConfig,
  file: string,
  options: TRestoreOptions = {},
): Promise<TRestoreSummary> {
  const startedAt = performance.now();
  const path = resolve(file);
  const onProgress = options.onProgress ?? (() => undefined);
  const format = await detectBackupFormat(path);
  const targetPath = filePathOf(config.url);
  if (targetPath && resolve(targetPath) === path) {
    throw new AppError("BAD_REQUEST", `${path} is the database DATABASE_URL names: restore it into another database.`);
  }

  const backupClient = format === "sqlite" ? openSqliteBackup(path) : null;
  const backup: TOpenedBackup = backupClient ? { format: "sqlite", client: backupClient } : { format: "sql" };
  let target: Client | null = null;
  try {
    onProgress(`Checking ${path}…`);
    const migrations = compareMigrationLevel(await inspectBackup(path, backup));
    if (migrations.newer) {
      throw new AppError(
        "BAD_REQUEST",
        `${path} was made by a newer version of Tandem: its database has migrations this version does not know (it has ${migrations.backup}, this version ${migrations.known}). Restore it with that version of Tandem, or a newer one.`,
      );
    }

    target = openBackupClient(config);
    await checkReachable(target);
    // A restore killed before its swap left its staging tables; they hold nothing of the target's.
    if (targetPath) removeLeftStagingFiles(targetPath);
    await dropStagingTables(target);
    // Migrations alone, or a search index's copies of rows, are no data: such a database is empty.
    const held = (await countTableRows(target)).filter((table) => holdsData(table.table) && table.rows > 0);
    if (held.length > 0 && !options.force) throw notEmpty(held);
    if (targetPath) {
      // As migrate does: the web server reads while a CLI or a tick writes.
      await target.execute("PRAGMA journal_mode = WAL");
    }

    onProgress("Loading the rows…");
    let reportedAt = performance.now();
    const onRows = (rows: number) => {
      if (performance.now() - reportedAt < PROGRESS_EVERY_MS) return;
      reportedAt = performance.now();
      onProgress(`${rows.toLocaleString("en-US")} rows so far…`);
    };
    const records = backupClient ? readDatabase(backupClient) : readDump(path);
    const stagingFile = targetPath ? stagingFileBeside(targetPath) : null;
    try {
      const staging = stagingFile ? await openStagingFile(stagingFile) : target;
      let staged;
      try {
        staged = await stageBackup(staging, records, onRows);
      } finally {
        if (staging !== target) staging.close();
      }
      onProgress("Swapping the backup in…");
      await swapInBackup(target, staged, stagingFile);
      return {
        file: path,
        format,
        tables: staged.objects.filter((object) => object.type === "table").length,
        rows: staged.rows,
        durationMs: Math.round(performance.now() - startedAt),
        replaced: held,
        migrations,
      };
    } catch (error) {
      if (!stagingFile) await dropStagingTables(target).catch(() => undefined);
      throw error;
    } finally {
      if (stagingFile) removeStagingFile(stagingFile);
    }
  } finally {
    backupClient?.close();
    target?.close();
  }
}

/** The backup file through a client; SQLite refuses to open some damaged files at all. */
function openSqliteBackup(path: string): Client {
  try {
    return openBackupClient({ url: pathToFileURL(path).href });
  } catch (error) {
    throw new AppError(
      "BAD_REQUEST",
      `${path} is damaged (SQLite cannot open it: ${error instanceof Error ? error.message : String(error)}). Restore from another backup.`,
    );
  }
}

async function checkReachable(target: Client) {
  try {
    await target.execute("SELECT 1");
  } catch (error) {
    throw new AppError(
      "DATABASE_UNAVAILABLE",
      "The database to restore into cannot be reached. Check DATABASE_URL and DATABASE_AUTH_TOKEN.",
      { cause: error },
    );
  }
}

function notEmpty(held: TTableRows[]) {
  const found = held.map((table) => `${table.table} (${table.rows.toLocaleString("en-US")})`).join(", ");
  return new AppError(
    "CONFLICT",
    `The database to restore into is not empty: it has rows in ${found}. A restore replaces everything in it: run it again with --force to do that, or point DATABASE_URL at an empty database.`,
  );
}
