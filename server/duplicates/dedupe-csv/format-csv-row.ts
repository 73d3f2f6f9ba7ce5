import type { TCsvFormat } from "./csv-format";

/**
 * One row written with the file's separator and line break. A cell is quoted only when it must
 * be (it holds the separator, a quote or a line break), so every value reads back as it was.
 * Cells are written as they are: no formula escaping, since the output is the input's own rows.
 */
export function formatCsvRow(cells: readonly string[], format: Pick<TCsvFormat, "delimiter" | "newline">): string {
  return cells.map((cell) => quoteCell(cell, format.delimiter)).join(format.delimiter) + format.newline;
}

function quoteCell(cell: string, delimiter: string): string {
  const needsQuotes = cell.includes(delimiter) || cell.includes('"') || cell.includes("\n") || cell.includes("\r");
  return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
}
