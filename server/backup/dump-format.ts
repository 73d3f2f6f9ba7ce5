import { z } from "zod";
import { quoteIdentifier, type TSchemaObject, type TSqlValue, type TTableShape } from "./backup-types";
import { formatRowLine } from "./dump-values";
import { rebuildSearchIndexStatement } from "./search-index";

/*
 * Tandem's SQL dump: a text file SQLite can load as it is (`sqlite3 NEW.db < FILE`), with a
 * `-- tandem:` comment before each part that tells Tandem's reader what follows, so that reading it
 * back needs no SQL parser and can check every part.
 *
 *   -- tandem-dump {"version":1,"createdAt":"…","sqliteVersion":"…"}
 *   -- (a line for people who open the file)
 *   PRAGMA foreign_keys=OFF;
 *   BEGIN TRANSACTION;
 *   -- tandem:schema {"type":"table","name":"users","table":"users","lines":7}
 *   CREATE TABLE `users` (…);                       every table, as sqlite_schema holds it
 *   -- tandem:rows {"table":"users","columns":[…],"rowid":"rowid","count":2}
 *   INSERT INTO "users"("rowid","id",…) VALUES
 *   (1,'…',…),                                      one row a line, up to 500 a statement
 *   (2,'…',…);
 *   -- tandem:sequence {"count":1}
 *   DELETE FROM sqlite_sequence;
 *   INSERT INTO sqlite_sequence("name","seq") VALUES
 *   ('push_outbox',12);
 *   -- tandem:schema {"type":"virtual",…}          then search indexes, each followed by its
 *   CREATE VIRTUAL TABLE … USING fts5(…);            rebuild, then indexes, triggers and views
 *   INSERT INTO "people_search"("people_search") VALUES ('rebuild');
 *   -- tandem:schema {"type":"index",…}            (schema order), so that loading rows
 *   CREATE INDEX …;                                  fires no trigger
 *   COMMIT;
 *   -- tandem:end {"tables":27,"rows":12345,"sha256":"…"}
 *
 * The last line's sha256 covers every byte before it: a file cut short has no last line, and a
 * changed byte changes the digest.
 */

export const DUMP_FIRST_LINE_PREFIX = "-- tandem-dump ";
export const DUMP_VERSION = 1;
export const MARKER_PREFIX = "-- tandem:";
/** Rows per INSERT statement: one statement is also what the reader holds in memory at once. */
export const ROWS_PER_STATEMENT = 500;

export const ZDumpHeaderSchema = z.object({
  version: z.literal(DUMP_VERSION),
  createdAt: z.string(),
  sqliteVersion: z.string(),
});
export type TDumpHeader = z.infer<typeof ZDumpHeaderSchema>;

export const ZSchemaMarkerSchema = z.object({
  type: z.enum(["table", "virtual", "index", "trigger", "view"]),
  name: z.string().min(1),
  table: z.string().min(1),
  lines: z.number().int().positive(),
});
export const ZRowsMarkerSchema = z.object({
  table: z.string().min(1),
  columns: z.array(z.string().min(1)).min(1),
  rowid: z.string().min(1).nullable(),
  count: z.number().int().positive(),
});
export const ZSequenceMarkerSchema = z.object({ count: z.number().int().positive() });
export const ZEndMarkerSchema = z.object({
  tables: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TEndMarker = z.infer<typeof ZEndMarkerSchema>;

export const BEGIN_LINES = ["PRAGMA foreign_keys=OFF;", "BEGIN TRANSACTION;"] as const;
export const COMMIT_LINE = "COMMIT;";
export const SEQUENCE_LINES = ["DELETE FROM sqlite_sequence;", 'INSERT INTO sqlite_sequence("name","seq") VALUES'];

export function headerLines(header: TDumpHeader): string[] {
  return [
    `${DUMP_FIRST_LINE_PREFIX}${JSON.stringify(header)}`,
    "-- A Tandem database backup. Restore it with: npm run tandem -- restore FILE (or load it with sqlite3 NEW.db < FILE).",
    ...BEGIN_LINES,
  ];
}

export function marker(kind: "schema" | "rows" | "sequence" | "end", body: unknown): string {
  return `${MARKER_PREFIX}${kind} ${JSON.stringify(body)}`;
}

/**
 * A schema object's statement, verbatim, and the marker that says how many lines it takes; a
 * search index's rebuild follows on a line of its own (rebuildLine), which the marker does not count.
 */
export function schemaLines(object: TSchemaObject): string[] {
  const statement = `${object.sql};`.split("\n");
  return [
    marker("schema", { type: object.type, name: object.name, table: object.tableName, lines: statement.length }),
    ...statement,
    ...(object.type === "virtual" ? [rebuildLine(object.name)] : []),
  ];
}

export function rebuildLine(name: string): string {
  return `${rebuildSearchIndexStatement(name)};`;
}

/** The INSERT line a rows marker announces; the reader checks the file says the same. */
export function insertLine(table: TTableShape): string {
  const columns = [...(table.rowid ? [table.rowid] : []), ...table.columns].map(quoteIdentifier).join(",");
  return `INSERT INTO ${quoteIdentifier(table.name)}(${columns}) VALUES`;
}

export function rowsLines(table: TTableShape, rows: readonly TSqlValue[][]): string[] {
  return [
    marker("rows", { table: table.name, columns: table.columns, rowid: table.rowid, count: rows.length }),
    insertLine(table),
    ...rows.map((row, index) => formatRowLine(row, index === rows.length - 1)),
  ];
}

export function sequenceLines(rows: readonly TSqlValue[][]): string[] {
  return [
    marker("sequence", { count: rows.length }),
    ...SEQUENCE_LINES,
    ...rows.map((row, index) => formatRowLine(row, index === rows.length - 1)),
  ];
}
