import type { Client, InValue, Row, Transaction } from "@libsql/client";
import { AppError } from "@/server/errors";
import { quoteIdentifier, type TBackupRecord, type TSqlValue, type TTableShape } from "./backup-types";
import { ROWS_PER_STATEMENT } from "./dump-format";
import { listSchema } from "./list-schema";

/**
 * Every object and row of a database as backup records, read in ONE read transaction so they are
 * one consistent state while the web server or a sync tick keeps writing (WAL on a file, a
 * snapshot on sqld and Turso). Rows come in batches by rowid (or primary key), so a large
 * database never sits in memory. `client` must read integers as bigint (open-backup-client.ts).
 */
export async function* readDatabase(client: Client): AsyncGenerator<TBackupRecord> {
  const transaction = await client.transaction("read");
  try {
    const schema = await listSchema(transaction);
    for (const object of schema.objects) if (object.type === "table") yield { kind: "object", object };
    for (const table of schema.tables) {
      const key = table.rowid ? [table.rowid] : await primaryKeyOf(transaction, table.name);
      for await (const rows of readTableRows(transaction, table, key)) yield { kind: "rows", table, rows };
    }
    if (schema.hasSequence) {
      const sequence = await transaction.execute("SELECT name, seq FROM sqlite_sequence ORDER BY rowid");
      const rows = sequence.rows.map((row) => [toSqlValue(row[0]), toSqlValue(row[1])]);
      if (rows.length > 0) yield { kind: "sequence", rows };
    }
    for (const object of schema.objects) if (object.type !== "table") yield { kind: "object", object };
  } finally {
    transaction.close();
  }
}

/** Keyset pages: each page starts after the last key seen, so no page rescans the ones before. */
async function* readTableRows(transaction: Transaction, table: TTableShape, key: string[]) {
  const stored = [...(table.rowid ? [table.rowid] : []), ...table.columns];
  const keyAt = key.map((column) => stored.indexOf(column));
  const select = `SELECT ${stored.map(quoteIdentifier).join(", ")} FROM ${quoteIdentifier(table.name)}`;
  const keyList = key.map(quoteIdentifier).join(", ");
  const order = ` ORDER BY ${keyList} LIMIT ${ROWS_PER_STATEMENT}`;
  const after = ` WHERE (${keyList}) > (${key.map(() => "?").join(", ")})`;
  let last: InValue[] | null = null;
  for (;;) {
    const page = await transaction
      .execute({ sql: `${select}${last ? after : ""}${order}`, args: last ?? [] })
      .catch((error: unknown) => {
        throw explainReadError(error, table.name);
      });
    if (page.rows.length === 0) return;
    const rows = page.rows.map((row) => stored.map((_, index) => toSqlValue(row[index])));
    yield rows;
    if (page.rows.length < ROWS_PER_STATEMENT) return;
    const lastRow: Row = page.rows[page.rows.length - 1]!;
    last = keyAt.map((index) => lastRow[index] as InValue);
  }
}

async function primaryKeyOf(transaction: Transaction, table: string): Promise<string[]> {
  const info = await transaction.execute({
    sql: "SELECT name FROM pragma_table_xinfo(?) WHERE pk > 0 ORDER BY pk",
    args: [table],
  });
  return info.rows.map((row) => String(row.name));
}

/**
 * sqld and Turso send an infinite REAL as JSON null, which the client then rejects: say which
 * table holds one instead of the protocol's words. Tandem itself never stores an infinity.
 */
function explainReadError(error: unknown, table: string): unknown {
  if (!(error instanceof Error) || !/Expected number, received null/.test(error.message)) return error;
  return new AppError(
    "BAD_REQUEST",
    `The table ${table} holds an infinite REAL value, which a libSQL server cannot send over HTTP. Replace it (UPDATE … SET column = NULL WHERE abs(column) = 9e999), then back up again.`,
    { cause: error },
  );
}

function toSqlValue(value: unknown): TSqlValue {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return value as TSqlValue;
}
