import Papa from "papaparse";
import { escapeCsvCell } from "@/server/exports/csv-cell";
import type { TBadRow } from "@/server/prospects/import/schemas";

/** The rejected rows as a CSV the user can fix and import again: line and reason first, then the original columns. */
export function badRowsCsv(rows: TBadRow[]): string {
  const headers: string[] = [];
  for (const row of rows)
    for (const header of Object.keys(row.values)) if (!headers.includes(header)) headers.push(header);
  return Papa.unparse({
    fields: ["Line", "Reason", ...headers].map(escapeCsvCell),
    data: rows.map((row) =>
      [String(row.line), row.reason, ...headers.map((header) => row.values[header] ?? "")].map(escapeCsvCell),
    ),
  });
}

export function downloadCsv(fileName: string, csv: string) {
  // A BOM so spreadsheet apps read accented names as UTF-8.
  const url = URL.createObjectURL(new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "people.csv" → "people-bad-rows.csv". */
export function badRowsFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]+$/, "")}-bad-rows.csv`;
}
