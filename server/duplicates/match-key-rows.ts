import type { InStatement } from "@libsql/client";
import { buildInsertStatements } from "@/db/bulk-insert";
import { matchKeys } from "@/db/schema";
import { blockingKeys } from "@/server/sync/core/match/blocking";
import type { TFeatures } from "@/server/sync/core/match/features";
import type { TMatchEntity } from "@/server/sync/core/match/fields";
import { DUPLICATE_RECORD_TYPES, type TRecordRef } from "./duplicate-vocabulary";

export type TMatchKeyRow = typeof matchKeys.$inferInsert;

/** Starts the row saying a record was checked as of a version (`updated_at`); never a blocking key. */
export const CHECKED_PREFIX = "#at:";

export function checkedKey(updatedAt: number): string {
  return `${CHECKED_PREFIX}${updatedAt}`;
}

/** The row counting a record among those whose name uses a word (companies, for word rarity). */
export function nameWordKey(word: string): string {
  return `#word:${word}`;
}

/** A record's blocking keys, each once. */
export function uniqueBlockingKeys(features: TFeatures): string[] {
  return [...new Set(blockingKeys(features))];
}

/** The rows a compared record keeps in match_keys: its blocking keys and, for companies, its name words. */
export function matchKeyRows(entity: TMatchEntity, ref: TRecordRef, features: TFeatures): TMatchKeyRow[] {
  const keys = uniqueBlockingKeys(features);
  if (entity === "companies") for (const word of new Set(features.nameWords)) keys.push(nameWordKey(word));
  return keys.map((key) => ({ entity, key, recordType: ref.type, recordId: ref.id }));
}

/**
 * Inserts as JSON rows on every database: one statement text whatever the number of rows. With a
 * text per row count, a large first check grew the process's native memory by tens of MB a minute
 * (measured; libSQL holds on to statements it prepared).
 */
export function insertKeyStatements(rows: readonly TMatchKeyRow[]): InStatement[] {
  return buildInsertStatements(matchKeys, rows, { onConflictDoNothing: true, rowsAsJson: true });
}

/** Removes every row of these records (keys, words and checked marks), one statement per record type. */
export function deleteKeysStatements(refs: readonly TRecordRef[]): InStatement[] {
  return DUPLICATE_RECORD_TYPES.flatMap((type) => {
    const ids = refs.filter((ref) => ref.type === type).map((ref) => ref.id);
    return ids.length
      ? [
          {
            sql: "DELETE FROM match_keys WHERE record_type = ? AND record_id IN (SELECT value FROM json_each(?))",
            args: [type, JSON.stringify(ids)],
          },
        ]
      : [];
  });
}
