import type { TMatchEntity } from "@/server/sync/core/match/fields";
import type { TDedupeCsvSummary } from "./dedupe-csv-file";

const SHOWN_LINES = 10;

/** The summary in sentences, for stderr: what was matched on, what was left out, what was found. */
export function describeDedupeSummary(summary: TDedupeCsvSummary, entity: TMatchEntity, fileName: string): string {
  const lines: string[] = [];
  if (summary.encoding === "latin1") {
    lines.push(`${fileName} is not valid UTF-8: it was read, and is written, as Latin-1.`);
  } else if (summary.encoding !== "utf8") {
    lines.push(`${fileName} is UTF-16 (it starts with its byte-order mark): it was read, and is written, as UTF-16.`);
  }
  const fields = Object.entries(summary.columns).map(([field, headers]) => `${field} (${headers.join(" + ")})`);
  lines.push(`Matched ${entity} on ${fields.join(", ")}.`);
  const ignored = summary.ignoredColumns.filter((header) => !summary.replacedColumns.includes(header));
  if (ignored.length) {
    lines.push(`Ignored columns: ${ignored.join(", ")}. To match on one, name its field: --map "Header=field".`);
  }
  if (summary.replacedColumns.length) {
    lines.push(`${summary.replacedColumns.join(" and ")} already in the file: their values are replaced.`);
  }
  if (summary.badRows) {
    const shown = summary.badRowLines.slice(0, SHOWN_LINES).join(", ");
    const more = summary.badRows > SHOWN_LINES ? ", …" : "";
    lines.push(
      `${count(summary.badRows, "bad row")} with more cells than the header (line ${shown}${more}): ` +
        `matched and written with the header's columns only; the extra cells are dropped.`,
    );
  }
  lines.push(
    `${count(summary.rows, "row")}: ${count(summary.clusters, "cluster")} of more than one row, ` +
      `holding ${count(summary.rowsInClusters, "row")} (threshold ${summary.threshold}).`,
  );
  return lines.join("\n");
}

function count(value: number, noun: string): string {
  return `${value.toLocaleString("en-US")} ${noun}${value === 1 ? "" : "s"}`;
}
