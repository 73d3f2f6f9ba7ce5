import { AppError } from "@/server/errors";
import type { TMatchEntity, TMatchRecord } from "@/server/sync/core/match/fields";
import type { TCsvFormat } from "./csv-format";
import { matchValuesOf } from "./match-values";
import { planColumns, type TColumnPlan } from "./plan-columns";
import { NotUtf8Error, readCsvFile, utf16ByteOrder } from "./read-csv-file";

/** How many bad rows' lines a summary lists; the count covers them all. */
const LISTED_BAD_ROWS = 100;

export type TCollectedRecords = {
  format: TCsvFormat;
  headers: string[];
  plan: TColumnPlan;
  /** How many data rows the file has. */
  rowCount: number;
  /**
   * The rows with a value in a matched column, in file order, with their row numbers (from 0).
   * A row without any cannot match anything, and is left out so it does not water down the
   * matcher's estimates (or cost it memory).
   */
  records: TMatchRecord[];
  rowOfRecord: number[];
  /** Rows with more non-empty cells than the header has columns. */
  badRows: { count: number; lines: number[] };
};

/**
 * The first read of the file: the header, the column plan, and only the matcher's values of each
 * row (no row is kept). A file that starts with UTF-16's byte-order mark is read as UTF-16; one
 * that is not valid UTF-8 is read again as Latin-1.
 */
export async function collectMatchRecords(
  path: string,
  options: { entity: TMatchEntity; map?: string; fileName: string },
): Promise<TCollectedRecords> {
  const utf16 = await utf16ByteOrder(path, options.fileName);
  if (utf16) return collectWith(path, options, utf16);
  try {
    return await collectWith(path, options, "utf8");
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    return collectWith(path, options, "latin1");
  }
}

async function collectWith(
  path: string,
  options: { entity: TMatchEntity; map?: string; fileName: string },
  encoding: TCsvFormat["encoding"],
): Promise<TCollectedRecords> {
  let found: { format: TCsvFormat; headers: string[]; plan: TColumnPlan } | null = null;
  const records: TMatchRecord[] = [];
  const rowOfRecord: number[] = [];
  let rowCount = 0;
  const badRows = { count: 0, lines: [] as number[] };
  for await (const { format, rows } of readCsvFile(path, { encoding, fileName: options.fileName })) {
    for (const row of rows) {
      if (!found) {
        found = {
          format,
          headers: row.cells,
          plan: planColumns(row.cells, options.entity, options.map, options.fileName),
        };
        continue;
      }
      if (isLongRow(row.cells, found.headers.length)) {
        badRows.count += 1;
        if (badRows.lines.length < LISTED_BAD_ROWS) badRows.lines.push(row.line);
      }
      const values = matchValuesOf(found.plan, row.cells);
      if (Object.keys(values).length > 0) {
        records.push({ id: String(rowCount), values });
        rowOfRecord.push(rowCount);
      }
      rowCount += 1;
    }
  }
  if (!found) {
    throw new AppError(
      "BAD_REQUEST",
      `${options.fileName} is empty. dedupe needs a CSV file with a header row naming its columns.`,
    );
  }
  return { ...found, rowCount, records, rowOfRecord, badRows };
}

/** More cells than the header, and something in the extra ones (a trailing separator is not bad). */
function isLongRow(cells: readonly string[], width: number): boolean {
  return cells.length > width && cells.slice(width).some((cell) => cell.trim() !== "");
}
