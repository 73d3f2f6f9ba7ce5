/**
 * A table for the terminal: columns padded to their widest cell, text left and numbers right.
 */
export type TColumn = { header: string; align?: "left" | "right" };

/** Characters as a terminal shows them ("≥" and "✓" are one each). */
const widthOf = (text: string) => [...text].length;

export function formatTable(
  columns: readonly TColumn[],
  rows: ReadonlyArray<readonly string[]>,
  indent = "  ",
): string {
  const widths = columns.map((column, c) =>
    Math.max(widthOf(column.header), ...rows.map((row) => widthOf(row[c] ?? ""))),
  );
  const line = (cells: readonly string[]) =>
    indent +
    columns
      .map((column, c) => {
        const cell = cells[c] ?? "";
        const padding = " ".repeat(widths[c]! - widthOf(cell));
        return column.align === "right" ? padding + cell : cell + padding;
      })
      .join("  ")
      .trimEnd();
  return [line(columns.map((column) => column.header)), ...rows.map(line)].join("\n");
}

export const int = (value: number) => Math.round(value).toLocaleString("en-US");
export const fixed = (value: number, digits = 4) => value.toFixed(digits);
export const percent = (share: number, digits = 2) => `${(share * 100).toFixed(digits)}%`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const mark = (passed: boolean) => (passed ? "✓" : "✗");
