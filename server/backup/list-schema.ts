import type { InStatement, ResultSet } from "@libsql/client";
import { AppError } from "@/server/errors";
import {
  isInternalName,
  quoteIdentifier,
  type TSchemaObject,
  type TSchemaObjectType,
  type TTableShape,
} from "./backup-types";
import { isRebuildableSearchIndex } from "./search-index";

/** A client or an open transaction: what the schema is read through. */
export type TExecutor = { execute(statement: InStatement): Promise<ResultSet> };

export type TDatabaseSchema = {
  /** Every user object with SQL, in creation order (sqlite_schema's); shadow tables left out. */
  objects: TSchemaObject[];
  /** The shapes of the tables that hold rows (not the virtual ones), in the same order. */
  tables: TTableShape[];
  /** Whether sqlite_sequence exists (some table has AUTOINCREMENT, or had). */
  hasSequence: boolean;
};

const ROWID_NAMES = ["rowid", "_rowid_", "oid"];
// Generated columns (2: virtual, 3: stored) are computed, never inserted.
const GENERATED = new Set([2, 3]);

/** Reads the schema a backup carries: user tables, search indexes, indexes, triggers, views; each table's columns. */
export async function listSchema(executor: TExecutor): Promise<TDatabaseSchema> {
  const schema = await executor.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid");
  const listed = await executor.execute("SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main'");
  const kindOf = new Map(listed.rows.map((row) => [String(row.name), { type: String(row.type), wr: Number(row.wr) }]));

  const objects: TSchemaObject[] = [];
  let hasSequence = false;
  for (const row of schema.rows) {
    const name = String(row.name);
    if (name === "sqlite_sequence") hasSequence = true;
    if (isInternalName(name) || row.sql === null) continue;
    const sql = String(row.sql);
    let type = String(row.type) as TSchemaObjectType;
    const kind = kindOf.get(name)?.type;
    // A virtual table's shadow tables are its storage: they come back when it is created.
    if (type === "table" && kind === "shadow") continue;
    if (type === "table" && kind === "virtual" && isRebuildableSearchIndex(sql)) type = "virtual";
    else if (type === "table" && kind !== "table") {
      throw new AppError(
        "BAD_REQUEST",
        `The table ${name} is a ${kind ?? "special"} table that backups do not carry (only FTS5 indexes with a content table of their own). Tandem creates no such table: drop it, then back up again.`,
      );
    }
    objects.push({ type, name, tableName: String(row.tbl_name), sql });
  }

  const tables: TTableShape[] = [];
  for (const object of objects) {
    if (object.type !== "table") continue;
    const info = await executor.execute({
      sql: "SELECT name, hidden FROM pragma_table_xinfo(?) ORDER BY cid",
      args: [object.name],
    });
    const columns = info.rows.filter((row) => !GENERATED.has(Number(row.hidden))).map((row) => String(row.name));
    tables.push({
      name: object.name,
      columns,
      rowid: kindOf.get(object.name)?.wr ? null : rowidName(object.name, columns),
    });
  }
  return { objects, tables, hasSequence };
}

/** The name that reaches the rowid: "rowid", unless a column took it. */
function rowidName(table: string, columns: string[]): string {
  const taken = new Set(columns.map((column) => column.toLowerCase()));
  const free = ROWID_NAMES.find((name) => !taken.has(name));
  if (!free) {
    throw new AppError(
      "BAD_REQUEST",
      `The table ${quoteIdentifier(table)} has columns named rowid, _rowid_ and oid, so its row ids cannot be read.`,
    );
  }
  return free;
}
