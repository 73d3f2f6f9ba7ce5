import { createHash } from "node:crypto";
import { VOLATILE_FIELDS } from "./pull-objects";

/**
 * A hash of what a record says, not when it was saved: volatile system stamps are left out, keys
 * sorted. Equal hashes mean "nothing to do", which is also how our own pushes are recognised when
 * a pull brings them back.
 */
export function contentHash(fields: Record<string, unknown>): string {
  // Absent and null mean the same (outbound messages and Bulk CSV omit or blank nulls).
  const stable = Object.keys(fields)
    .filter((key) => !VOLATILE_FIELDS.has(key) && fields[key] !== null && fields[key] !== undefined)
    .sort()
    .map((key) => [key, fields[key]]);
  return createHash("sha256").update(JSON.stringify(stable)).digest("base64url");
}

/** Which fields a pull changed, old → new, for the activity log. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (VOLATILE_FIELDS.has(key)) continue;
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
