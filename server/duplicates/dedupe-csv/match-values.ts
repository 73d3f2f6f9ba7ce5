import type { TMatchRecord } from "@/server/sync/core/match/fields";
import type { TColumnPlan } from "./plan-columns";

/**
 * What the matcher reads from one row: each field's cells, trimmed, the non-empty ones joined by
 * a space in column order ("12" and "High St" make "12 High St"). Cells past the header's width
 * feed nothing.
 */
export function matchValuesOf(plan: TColumnPlan, cells: readonly string[]): TMatchRecord["values"] {
  const values: TMatchRecord["values"] = {};
  const width = Math.min(plan.fields.length, cells.length);
  for (let column = 0; column < width; column += 1) {
    const field = plan.fields[column];
    const value = field ? (cells[column] ?? "").trim() : "";
    if (!field || !value) continue;
    const before = values[field];
    values[field] = before ? `${before} ${value}` : value;
  }
  for (const field of Object.keys(values) as Array<keyof typeof values>) values[field] = detach(values[field] ?? "");
  return values;
}

/**
 * A copy of the text that does not point into the piece of the file it was cut from. V8 keeps a
 * cut-out string (13 characters or more) as a view of the whole piece, so keeping one value per
 * row would keep the whole file in memory; flattening a concatenation makes a string of its own.
 */
function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
