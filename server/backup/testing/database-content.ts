import type { Client } from "@libsql/client";

export type TDatabaseContent = {
  /** Every object's SQL, by type and name (SQLite's own sqlite_* tables aside). */
  schema: string[];
  /** Every table's rows with their rowid, each value as SQLite's typeof() and quote(); no shadow tables. */
  tables: Record<string, string[]>;
  /** The AUTOINCREMENT counters. */
  sequence: string[];
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The whole content of a database as SQLite itself describes it, to compare two databases
 * exactly: storage classes, values, rowids, AUTOINCREMENT counters and the schema's text. Written
 * apart from the backup code on purpose, so that a table the backup missed shows up here.
 */
export async function readDatabaseContent(client: Client): Promise<TDatabaseContent> {
  const objects = await client.execute(
    "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
  );
  const listed = await client.execute("SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main'");
  const noRowid = new Set(listed.rows.filter((row) => Number(row.wr) === 1).map((row) => String(row.name)));
  // A search index's storage: a rebuilt index holds the same entries in other pages. Its rows are
  // compared through the index itself, and its entries by searching (see the round-trip test).
  const shadow = new Set(listed.rows.filter((row) => row.type === "shadow").map((row) => String(row.name)));
  const tables: Record<string, string[]> = {};
  for (const object of objects.rows) {
    const name = String(object.name);
    if (object.type !== "table" || shadow.has(name)) continue;
    const info = await client.execute({ sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", args: [name] });
    const columns = [...(noRowid.has(name) ? [] : ["rowid"]), ...info.rows.map((row) => quote(String(row.name)))];
    const described = columns.map((column) => `typeof(${column}) || ':' || quote(${column})`).join(" || ' | ' || ");
    const result = await client.execute(
      `SELECT ${described} AS row FROM ${quote(name)} ORDER BY ${columns.join(", ")}`,
    );
    tables[name] = result.rows.map((row) => String(row.row));
  }
  const hasSequence = (await client.execute("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'")).rows.length;
  const sequence = hasSequence
    ? (await client.execute("SELECT name || '=' || seq AS entry FROM sqlite_sequence ORDER BY name")).rows.map((row) =>
        String(row.entry),
      )
    : [];
  return {
    schema: objects.rows.map((row) => `${String(row.type)} ${String(row.name)}: ${String(row.sql)}`),
    tables,
    sequence,
  };
}
