/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as
 * a formula, and a formula can run commands or send data away. Every CSV Tandem writes passes
 * its cells through here: such a cell gets a leading single quote, as OWASP recommends ("CSV
 * injection"), so it shows as text. Pure, so the browser's downloads use it too.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCsvCell<T>(value: T): T | string {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/** Rows of objects with every string cell escaped; keys (the header row) too. */
export function escapeCsvRows(rows: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [escapeCsvCell(key), escapeCsvCell(value)])),
  );
}
