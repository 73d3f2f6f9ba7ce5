/*
 * What a backup holds, whatever its format: the schema's objects and every table's rows. A
 * database is read into these records (read-database.ts), a dump file is parsed back into the same
 * records (read-dump.ts), and a restore stages them (stage-backup.ts), so every path meets here.
 */

/** One stored value, by SQLite storage class: NULL, INTEGER (always a bigint), REAL, TEXT, BLOB. */
export type TSqlValue = null | bigint | number | string | Uint8Array;

/**
 * `virtual`: an FTS5 index over a content table of its own (external content). Its shadow tables
 * are not carried: a restore creates it after the rows and rebuilds it from its content table.
 */
export type TSchemaObjectType = "table" | "virtual" | "index" | "trigger" | "view";

/** A row of sqlite_schema with SQL: restored verbatim, so the schema's text stays the same. */
export type TSchemaObject = { type: TSchemaObjectType; name: string; tableName: string; sql: string };

/**
 * A table's stored columns in order. `rowid` names the rowid when the table has one (it is kept,
 * since Tandem orders some lists by it), `null` for a WITHOUT ROWID table.
 */
export type TTableShape = { name: string; columns: string[]; rowid: string | null };

export type TBackupRecord =
  /** Tables come first, then every table's rows, then the sequences, then the rest in schema order. */
  | { kind: "object"; object: TSchemaObject }
  /** A batch of one table's rows, each value in `table.columns` order, after the rowid if any. */
  | { kind: "rows"; table: TTableShape; rows: TSqlValue[][] }
  /** The AUTOINCREMENT counters (sqlite_sequence): `[name, seq]` pairs. */
  | { kind: "sequence"; rows: TSqlValue[][] };

export const BACKUP_FORMATS = ["sqlite", "sql"] as const;
/** `sqlite`: a SQLite database file (VACUUM INTO). `sql`: Tandem's SQL dump (dump-format.ts). */
export type TBackupFormat = (typeof BACKUP_FORMATS)[number];

/** Drizzle's record of the migrations applied: bookkeeping, not data, when deciding if a database is empty. */
export const MIGRATIONS_TABLE = "__drizzle_migrations";

/**
 * Tables whose rows are copies of other tables' rows, kept by triggers: people_search_docs holds
 * each person's searched columns for the people search index (migration 0007). A backup carries
 * them, as the index is rebuilt from them, but they are no data of their own: a restore neither
 * counts them when deciding whether a database is empty nor lists them as replaced.
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(["people_search_docs"]);

/** Whether rows in `table` are a workspace's data, as opposed to bookkeeping or derived copies. */
export function holdsData(table: string): boolean {
  return table !== MIGRATIONS_TABLE && !DERIVED_TABLES.has(table);
}

/** Where a restore loads rows before it swaps them in; left over only by a restore that was killed. */
export const STAGING_PREFIX = "__tandem_restore_";

/**
 * Tables SQLite, sqld or Turso keep for themselves (sqlite_sequence is carried separately), and a
 * restore's staging tables: never part of a backup, never counted, never dropped as user tables.
 */
export function isInternalName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower.startsWith("sqlite_") ||
    lower.startsWith("libsql_") ||
    lower.startsWith("_litestream") ||
    lower.startsWith(STAGING_PREFIX)
  );
}

/** An identifier for SQL text: double quotes, inner ones doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
