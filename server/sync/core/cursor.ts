import { z } from "zod";
import type { TSyncObject } from "@/db/schema";
import { PULL_FIELDS } from "./pull-objects";

/** Where an object's pull resumes: the last applied (SystemModstamp, Id). Parsed strictly. */
export const ZCursorSchema = z.object({
  systemModstamp: z.iso.datetime({ offset: true }),
  lastId: z.string().regex(/^[a-zA-Z0-9]{15,18}$/),
});
export type TCursor = z.infer<typeof ZCursorSchema>;

export const DEFAULT_OVERLAP_MS = 5 * 60_000;

/** Salesforce datetimes come as "2024-01-01T00:00:00.000+0000"; make them ISO 8601 with a colon. */
export function toIsoDatetime(value: string): string {
  return value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
}

/** A SOQL datetime literal (UTC, no quotes, no milliseconds: the grammar does not promise them). */
export function soqlDatetime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The query for one object's pull. With a cursor it starts `overlap` before it: rows can commit
 * with a SystemModstamp older than one already seen (long transactions), and re-reading a few
 * minutes costs nothing because unchanged rows are recognised by their content hash.
 */
export function buildPullQuery(object: TSyncObject, cursor: TCursor | null, overlapMs = DEFAULT_OVERLAP_MS): string {
  const fields = PULL_FIELDS[object].join(", ");
  const where = cursor ? ` WHERE SystemModstamp >= ${soqlDatetime(Date.parse(toIsoDatetime(cursor.systemModstamp)) - overlapMs)}` : "";
  return `SELECT ${fields} FROM ${object}${where} ORDER BY SystemModstamp ASC, Id ASC`;
}

/** The cursor after a page: the page's last row, unless an earlier cursor is further along. */
export function advanceCursor(current: TCursor | null, page: Array<{ Id: string; SystemModstamp?: unknown }>): TCursor | null {
  let next = current;
  for (const record of page) {
    if (typeof record.SystemModstamp !== "string") continue;
    const candidate = { systemModstamp: toIsoDatetime(record.SystemModstamp), lastId: record.Id };
    if (!next || compareCursor(candidate, next) > 0) next = candidate;
  }
  return next;
}

export function compareCursor(a: TCursor, b: TCursor): number {
  const byTime = Date.parse(a.systemModstamp) - Date.parse(b.systemModstamp);
  if (byTime !== 0) return byTime;
  return a.lastId < b.lastId ? -1 : a.lastId > b.lastId ? 1 : 0;
}

export function parseCursor(row: { systemModstamp: string | null; lastId: string | null } | undefined): TCursor | null {
  if (!row?.systemModstamp || !row.lastId) return null;
  const parsed = ZCursorSchema.safeParse({ systemModstamp: row.systemModstamp, lastId: row.lastId });
  if (!parsed.success) throw new Error(`The stored pull cursor is malformed (${row.systemModstamp}, ${row.lastId}).`);
  return parsed.data;
}
