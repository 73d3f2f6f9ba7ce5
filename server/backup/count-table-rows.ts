import { quoteIdentifier } from "./backup-types";
import { listSchema, type TExecutor } from "./list-schema";

export type TTableRows = { table: string; rows: number };

/** How many rows each user table holds, in schema order. */
export async function countTableRows(executor: TExecutor): Promise<TTableRows[]> {
  const { tables } = await listSchema(executor);
  const counts: TTableRows[] = [];
  for (const table of tables) {
    const result = await executor.execute(`SELECT COUNT(*) AS n FROM ${quoteIdentifier(table.name)}`);
    counts.push({ table: table.name, rows: Number(result.rows[0]?.n ?? 0) });
  }
  return counts;
}
