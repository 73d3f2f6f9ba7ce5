import { createHash } from "node:crypto";
import { MATCH_FIELDS, type TMatchEntity, type TMatchRecord } from "@/server/sync/core/match/fields";
import { DUPLICATE_RECORD_TYPES, type TDuplicateRecordType, type TRecordRef } from "./duplicate-vocabulary";

/** A record ref as one string, `person:<id>`: the matcher's record id, and the pairs' sort order. */
export function refKey(ref: TRecordRef): string {
  return `${ref.type}:${ref.id}`;
}

export function refOfKey(key: string): TRecordRef {
  const colon = key.indexOf(":");
  const type = key.slice(0, colon) as TDuplicateRecordType;
  if (colon < 0 || !DUPLICATE_RECORD_TYPES.includes(type)) throw new Error(`not a record ref: ${key}`);
  return { type, id: key.slice(colon + 1) };
}

/** Both refs in sorted order, so a pair has one orientation and one id whichever record found it. */
export function orderedPair(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

/** The pair's id: deterministic, so finding a pair twice (or from either side) writes one row. */
export function pairId(entity: TMatchEntity, first: string, second: string): string {
  const [a, b] = orderedPair(first, second);
  return createHash("sha256").update(`${entity}|${a}|${b}`).digest("hex").slice(0, 32);
}

/**
 * A hash of what the matcher reads from a record. A decision ("Not a duplicate") keeps both
 * records' signatures; it holds while they stay the same.
 */
export function recordSignature(entity: TMatchEntity, values: TMatchRecord["values"]): string {
  const read = MATCH_FIELDS[entity].map((field) => values[field]?.trim() ?? "");
  return createHash("sha256").update(JSON.stringify(read)).digest("hex").slice(0, 32);
}
