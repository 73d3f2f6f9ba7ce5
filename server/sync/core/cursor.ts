import { z } from "zod";
import type { TSyncObject } from "./sync-objects";
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

/**
 * A SOQL datetime literal (UTC, no quotes). The grammar does not promise milliseconds, so they are
 * dropped, rounding down: a lower bound must never skip the row the cursor points at.
 */
export function soqlDatetime(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Where the next pull starts. Rows can commit with a SystemModstamp older than one already seen
 * (a long transaction stamps its start), so a pull re-reads what was stamped within `overlap`
 * before the previous query was sent. Anything stamped before that was visible to the previous
 * query and was read then, including every row of the cursor's own second; so an org that has
 * been quiet for longer than the overlap is asked only for what came after: an idle tick reads
 * nothing. Bounds are whole seconds (SOQL literals carry no milliseconds, and bulk loads stamp
 * many rows with the same second).
 */
export function pullLowerBound(cursor: TCursor, lastQueryAt: number | null, overlapMs = DEFAULT_OVERLAP_MS): number {
  const cursorAt = Date.parse(toIsoDatetime(cursor.systemModstamp));
  const afterCursorSecond = floorSecond(cursorAt) + 1000;
  // Without a record of the last query, fall back to the cursor minus the overlap.
  const lateCommitsFrom = floorSecond((lastQueryAt ?? cursorAt) - overlapMs);
  return Math.min(afterCursorSecond, lateCommitsFrom);
}

function floorSecond(epochMs: number) {
  return Math.floor(epochMs / 1000) * 1000;
}

/** The query for one object's pull; unchanged rows it re-reads are recognised by content hash. */
export function buildPullQuery(
  object: TSyncObject,
  cursor: TCursor | null,
  lastQueryAt: number | null = null,
  overlapMs = DEFAULT_OVERLAP_MS,
  pulledFields: readonly string[] = PULL_FIELDS[object],
): string {
  const fields = pulledFields.join(", ");
  const where = cursor
    ? ` WHERE SystemModstamp >= ${soqlDatetime(pullLowerBound(cursor, lastQueryAt, overlapMs))}`
    : "";
  return `SELECT ${fields} FROM ${object}${where} ORDER BY SystemModstamp ASC, Id ASC`;
}

/** The cursor after a page: the page's last row, unless an earlier cursor is further along. */
export function advanceCursor(
  current: TCursor | null,
  page: Array<{ Id: string; SystemModstamp?: unknown }>,
): TCursor | null {
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
