import Papa from "papaparse";
import { detectCsvFormat } from "@/server/duplicates/dedupe-csv/csv-format";
import { AppError } from "@/server/errors";
import { MAX_IMPORT_BYTES } from "./schemas";

export type TCsvRow = { line: number; cells: string[] };
export type TParsedCsv = { headers: string[]; rows: TCsvRow[] };

const MEGABYTE = 1024 * 1024;

/**
 * Parses an uploaded CSV: a byte-order mark is dropped, the separator (comma, semicolon, tab or
 * pipe) and line break read from the header line, quoted fields may hold separators and line
 * breaks, blank lines are skipped. Each row keeps the line of the file it starts on, so the
 * bad-row report points at the right place.
 */
export function parseCsv(fileName: string, text: string): TParsedCsv {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_IMPORT_BYTES) {
    throw new AppError(
      "BAD_REQUEST",
      `${fileName} is ${(bytes / MEGABYTE).toFixed(1)} MB; Tandem imports CSV files up to 10 MB. Split it into smaller files and import each one.`,
    );
  }
  const body = text.replace(/^\uFEFF/, "");
  if (!body.trim())
    throw new AppError(
      "BAD_REQUEST",
      `${fileName} is empty. Upload a CSV file with a header row and at least one row of data.`,
    );
  if (looksBinary(body)) {
    throw new AppError(
      "BAD_REQUEST",
      `${fileName} is not a CSV file (it holds binary data, as a spreadsheet workbook or PDF does). Save or export it as CSV from your spreadsheet app, then upload that file.`,
    );
  }

  const records: TCsvRow[] = [];
  const lines = lineCounter(body);
  let cursor = 0;
  let quoteProblem: number | null = null;
  // From the header, not guessed from the rows: a row's unquoted comma must not make a file
  // separated by semicolons read as comma-separated.
  const { delimiter, newline } = detectCsvFormat(body.slice(0, 64 * 1024));
  Papa.parse<string[]>(body, {
    delimiter,
    newline,
    skipEmptyLines: "greedy",
    step: (result) => {
      const line = lines.lineAt(skipBlankLines(body, cursor));
      cursor = result.meta.cursor;
      if (quoteProblem === null && result.errors.some((error) => error.type === "Quotes")) quoteProblem = line;
      records.push({ line, cells: result.data.map((cell) => cell.trim()) });
    },
  });
  if (quoteProblem !== null) {
    throw new AppError(
      "BAD_REQUEST",
      `${fileName} has a quote on line ${quoteProblem} that is never closed, so the rows after it cannot be read. Fix the quotes on that line (a quote inside a value is written "") and upload the file again.`,
    );
  }
  const [header, ...rows] = records;
  if (!header)
    throw new AppError(
      "BAD_REQUEST",
      `${fileName} is empty. Upload a CSV file with a header row and at least one row of data.`,
    );
  if (rows.length === 0) {
    throw new AppError(
      "BAD_REQUEST",
      `${fileName} has a header row but no data rows. Add the people or companies below the header and upload it again.`,
    );
  }
  return { headers: uniqueHeaders(header.cells), rows };
}

/** NUL bytes, or many undecodable characters, mean a binary file read as text. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (sample.includes("\u0000")) return true;
  const undecodable = sample.match(/\uFFFD/g)?.length ?? 0;
  return undecodable > 8 && undecodable / sample.length > 0.01;
}

/** Blank lines were skipped by the parser; the row starts after them. */
function skipBlankLines(text: string, from: number): number {
  let position = from;
  for (;;) {
    const match = /^[ \t]*(\r\n|\n|\r)/.exec(text.slice(position, position + 256));
    if (!match) return position;
    position += match[0].length;
  }
}

/**
 * Line numbers for increasing offsets, scanning the file once. Every line break counts, as an
 * editor counts it: CRLF, LF and a lone CR, between rows and inside quoted cells alike (a file
 * whose rows end in CR can hold a cell with an LF).
 */
function lineCounter(text: string) {
  let scanned = 0;
  let line = 1;
  return {
    lineAt(offset: number): number {
      for (; scanned < offset; scanned++) {
        const char = text[scanned];
        // The LF of a CRLF was counted with its CR.
        if (char === "\r" || (char === "\n" && text[scanned - 1] !== "\r")) line++;
      }
      return line;
    },
  };
}

/** Extra fields are stored by header, so blank and repeated headers get distinct names. */
function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell || `Column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
