import { parseArgs } from "node:util";
import { readDatabaseConfig } from "@/db/client";
import { BACKUP_FORMATS, type TBackupFormat } from "@/server/backup/backup-types";
import { backupDatabase } from "@/server/backup/backup-database";
import { checkSealedTokens, type TSealedTokensCheck } from "@/server/backup/check-sealed-tokens";
import type { TRestoreSummary } from "@/server/backup/restore-database";
import { restoreDatabase } from "@/server/backup/restore-database";
import { getEnv, type TEnv } from "@/server/env";
import { AppError } from "@/server/errors";

type TRedact = (url: string) => string;

/**
 * `backup FILE [--format sqlite|sql]`: a consistent snapshot of the database DATABASE_URL names,
 * into a new FILE; prints `{ file, format, tables, rows, bytes, durationMs }`.
 */
export async function runBackupCommand(args: string[], redact: TRedact, env: TEnv = getEnv()): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    throw new AppError("BAD_REQUEST", "Say where to write the backup: backup FILE [--format sqlite|sql].");
  }
  if (values.format !== undefined && !(BACKUP_FORMATS as readonly string[]).includes(values.format)) {
    throw new AppError("BAD_REQUEST", "--format is sqlite (a SQLite file, file: databases only) or sql (an SQL dump).");
  }
  const config = readDatabaseConfig(env);
  console.error(`Backing up ${redact(config.url)}…`);
  const summary = await backupDatabase(config, file, {
    format: values.format as TBackupFormat | undefined,
    onProgress: (message) => console.error(message),
  });
  console.log(JSON.stringify(summary, null, 2));
  console.error(
    `Wrote ${summary.file}: ${summary.tables} tables, ${summary.rows.toLocaleString("en-US")} rows, ${describeBytes(summary.bytes)}. Salesforce tokens in it stay sealed with this server's key: a restore elsewhere needs the same AUTH_SECRET (or TANDEM_ENCRYPTION_KEY), or Salesforce connected again. Keep it as safe as the database.`,
  );
}

/**
 * `restore FILE [--force]`: loads a backup (either format) into the database DATABASE_URL names,
 * all or nothing; prints `{ file, format, tables, rows, durationMs, replaced, migrations,
 * salesforceTokens }` and what to do next on stderr. `salesforceTokens` says whether the sealed
 * tokens the backup holds open with this environment's key (check-sealed-tokens.ts).
 */
export async function runRestoreCommand(args: string[], redact: TRedact, env: TEnv = getEnv()): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { force: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    throw new AppError("BAD_REQUEST", "Say which backup to restore: restore FILE [--force].");
  }
  const config = readDatabaseConfig(env);
  console.error(`Restoring ${file} into ${redact(config.url)}…`);
  const summary = await restoreDatabase(config, file, {
    force: values.force,
    onProgress: (message) => console.error(message),
  });
  const tokens = await checkSealedTokens(config, env);
  console.log(JSON.stringify({ ...summary, salesforceTokens: tokens.status }, null, 2));
  for (const note of describeRestore(summary, tokens)) console.error(note);
}

function describeRestore(summary: TRestoreSummary, tokens: TSealedTokensCheck): string[] {
  const notes = [
    `Restored ${summary.tables} tables, ${summary.rows.toLocaleString("en-US")} rows in ${(summary.durationMs / 1000).toFixed(1)} s.`,
  ];
  if (summary.replaced.length > 0) {
    notes.push(
      `Replaced what the database held: ${summary.replaced.map((table) => `${table.table} (${table.rows.toLocaleString("en-US")})`).join(", ")}.`,
    );
  }
  const { backup, known } = summary.migrations;
  notes.push(
    backup < known
      ? `The backup is at migration ${backup} of this version's ${known}: run npm run tandem -- migrate before starting Tandem (npm run demo and the Vercel build run it too).`
      : `The database is at this version's migration level (${known}).`,
  );
  if (tokens.status === "unreadable") {
    notes.push(
      `Warning: the sealed secrets of this backup (${tokens.unreadable.join(", ")}) do not open with this shell's AUTH_SECRET (or TANDEM_ENCRYPTION_KEY): the backup was made by a server with another secret. Run Tandem with that server's AUTH_SECRET (or TANDEM_ENCRYPTION_KEY), or connect Salesforce again (Settings → Salesforce) — syncing stops until then.`,
    );
  } else if (tokens.status === "unchecked") {
    notes.push(
      "The backup holds sealed Salesforce tokens, which open only with the AUTH_SECRET (or TANDEM_ENCRYPTION_KEY) of the server that made it; set it in this shell to check them.",
    );
  }
  return notes;
}

function describeBytes(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}
