import type { Client } from "@libsql/client";
import { formatValue } from "./dump-values";
import {
  quoteIdentifier,
  STAGING_PREFIX,
  type TBackupRecord,
  type TSchemaObject,
  type TSqlValue,
  type TTableShape,
} from "./backup-types";

export type TStagedTable = { table: TTableShape; staging: string; rows: number };

export type TStagedBackup = {
  /** The backup's schema objects, tables first, as they came. */
  objects: TSchemaObject[];
  staged: TStagedTable[];
  sequence: TSqlValue[][];
  rows: number;
};

/**
 * Loads a backup's rows into staging tables of the target, batch by batch and outside any long
 * transaction, so the web server and ticks keep working meanwhile and sqld or Turso never sees a
 * transaction old enough to be rolled back. The staging columns have no type, so every value keeps
 * its storage class until swapInBackup copies it into the real table. The target's own tables are
 * not touched.
 */
export async function stageBackup(
  target: Client,
  records: AsyncIterable<TBackupRecord>,
  onRows: (rows: number) => void = () => undefined,
): Promise<TStagedBackup> {
  const backup: TStagedBackup = { objects: [], staged: [], sequence: [], rows: 0 };
  const byTable = new Map<string, TStagedTable>();
  for await (const record of records) {
    if (record.kind === "object") {
      backup.objects.push(record.object);
    } else if (record.kind === "sequence") {
      backup.sequence.push(...record.rows);
    } else {
      let staged = byTable.get(record.table.name);
      if (!staged) {
        staged = { table: record.table, staging: `${STAGING_PREFIX}${byTable.size}`, rows: 0 };
        const width = record.table.columns.length + (record.table.rowid ? 1 : 0);
        const columns = Array.from({ length: width }, (_, index) => `c${index}`).join(", ");
        await target.execute(`CREATE TABLE ${quoteIdentifier(staged.staging)} (${columns})`);
        byTable.set(record.table.name, staged);
        backup.staged.push(staged);
      }
      await insertRows(target, staged.staging, record.rows);
      staged.rows += record.rows.length;
      backup.rows += record.rows.length;
      onRows(backup.rows);
    }
  }
  return backup;
}

/**
 * The rows go in as SQL literals in one script, not as parameters: each statement the file driver
 * prepares keeps its memory until the process ends (about 1 GB for 500,000 rows of 25 columns),
 * while a script runs without a kept statement. The literals read back exactly (dump-values.ts).
 */
async function insertRows(target: Client, staging: string, rows: TSqlValue[][]) {
  const tuples = rows.map((row) => `(${row.map(formatValue).join(",")})`);
  await target.executeMultiple(`INSERT INTO ${quoteIdentifier(staging)} VALUES ${tuples.join(",\n")};`);
}
