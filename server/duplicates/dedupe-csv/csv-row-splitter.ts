import Papa from "papaparse";
import { AppError } from "@/server/errors";
import type { TCsvFormat } from "./csv-format";

/** A row of the file: the line it starts on, and its cells as written (not trimmed). */
export type TCsvRow = { line: number; cells: string[] };

/**
 * Longer than this, a row is taken for a quote that is never closed: the rest of the file would
 * be read as one cell, and held in memory while it grows.
 */
export const MAX_ROW_CHARS = 4 * 1024 * 1024;

export type TCsvRowSplitter = {
  /** The rows the text completes; a row the text ends inside waits for the next piece. */
  push(text: string): TCsvRow[];
  /** The last row, once the file has ended. */
  end(): TCsvRow[];
};

/**
 * Cuts a CSV arriving in pieces into rows. Papa's parser reads each piece after what was left
 * over, and keeps back the row the piece ends inside (it may continue, even inside quotes), so a
 * row is the same whatever the pieces. Papa's own Node streaming decodes each byte chunk
 * separately (a character split between chunks breaks) and guesses the line break from the first
 * chunk; here the caller decodes and the format is fixed from the header line.
 *
 * Blank lines are skipped. Line numbers count every line break, inside quoted cells too, as an
 * editor does.
 */
export function createCsvRowSplitter(
  format: Pick<TCsvFormat, "delimiter" | "newline">,
  fileName: string,
): TCsvRowSplitter {
  const parser = new Papa.Parser({ delimiter: format.delimiter, newline: format.newline });
  let pending = "";
  let line = 1;

  function rowsOf(data: string[][]): TCsvRow[] {
    const rows: TCsvRow[] = [];
    for (const cells of data) {
      const start = line;
      line += 1;
      for (const cell of cells) line += countLineBreaks(cell);
      if (cells.length === 1 && cells[0] === "") continue;
      rows.push({ line: start, cells });
    }
    return rows;
  }

  return {
    push(text) {
      const input = pending + text;
      const result = parser.parse(input, 0, true) as Papa.ParseResult<string[]>;
      pending = input.slice(result.meta.cursor);
      const rows = rowsOf(result.data);
      if (pending.length > MAX_ROW_CHARS) throw unclosedQuote(fileName, line);
      return rows;
    },
    end() {
      const input = pending;
      pending = "";
      if (!input) return [];
      const result = parser.parse(input, 0, false) as Papa.ParseResult<string[]>;
      if (result.errors.some((error) => error.code === "MissingQuotes")) throw unclosedQuote(fileName, line);
      return rowsOf(result.data);
    },
  };
}

function countLineBreaks(cell: string): number {
  if (!cell.includes("\n") && !cell.includes("\r")) return 0;
  return cell.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function unclosedQuote(fileName: string, line: number): AppError {
  return new AppError(
    "BAD_REQUEST",
    `${fileName} has a quote on line ${line} that is never closed, so the rows after it cannot be read. Fix the quotes on that line (a quote inside a value is written "") and run dedupe again.`,
  );
}
