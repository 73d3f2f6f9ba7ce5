import { gt, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * Records are read this many at a time, in id order: one answer holding a whole table can exceed
 * a libSQL server's response limit (sqld's default is 10 MB).
 */
export const READ_PAGE = 2_000;

/** Every row of a query read page by page (`after`: the last id of the page before). */
export async function readInPages<TRow extends { id: string }>(
  page: (after: SQL | undefined) => Promise<TRow[]>,
  idColumn: AnySQLiteColumn,
): Promise<TRow[]> {
  const rows: TRow[] = [];
  let after: string | undefined;
  for (;;) {
    const next = await page(after === undefined ? undefined : gt(idColumn, after));
    for (const row of next) rows.push(row);
    if (next.length < READ_PAGE) return rows;
    after = next[next.length - 1]!.id;
  }
}
