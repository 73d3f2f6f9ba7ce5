import type { TDatabase } from "@/db/client";
import { MAX_BLOCK } from "@/server/sync/core/match/blocking";
import type { TMatchEntity } from "@/server/sync/core/match/fields";
import { refKey } from "./pair-identity";
import type { TDuplicateRecordType } from "./duplicate-vocabulary";

/**
 * The records under each blocking key, as ref keys, in one query for all keys. A key shared by more
 * than MAX_BLOCK records says too little and is passed over, as in a full run (blocking.ts); its
 * members are counted only up to that limit.
 */
export async function findBlockMembers(
  db: TDatabase,
  entity: TMatchEntity,
  keys: readonly string[],
): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>();
  if (keys.length === 0) return members;
  // Sizes first, once per key (materialized), then the members of the small blocks only.
  const result = await db.$client.execute({
    sql: `WITH small(key) AS MATERIALIZED (
        SELECT wanted.value FROM json_each(?1) AS wanted
        WHERE (SELECT count(*) FROM (
          SELECT 1 FROM match_keys AS c WHERE c.entity = ?2 AND c.key = wanted.value LIMIT ?3
        )) <= ?4
      )
      SELECT k.key AS key, k.record_type AS type, k.record_id AS id
      FROM small JOIN match_keys AS k ON k.entity = ?2 AND k.key = small.key`,
    args: [JSON.stringify(keys), entity, MAX_BLOCK + 1, MAX_BLOCK],
  });
  for (const row of result.rows) {
    const key = String(row.key);
    const ref = refKey({ type: String(row.type) as TDuplicateRecordType, id: String(row.id) });
    const list = members.get(key);
    if (list) list.push(ref);
    else members.set(key, [ref]);
  }
  return members;
}

/** How many records hold each key (blocking keys, name words), in one query. */
export async function countKeys(
  db: TDatabase,
  entity: TMatchEntity,
  keys: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (keys.length === 0) return counts;
  const result = await db.$client.execute({
    sql: `SELECT wanted.value AS key,
        (SELECT count(*) FROM match_keys AS k WHERE k.entity = ? AND k.key = wanted.value) AS n
      FROM json_each(?) AS wanted`,
    args: [entity, JSON.stringify(keys)],
  });
  for (const row of result.rows) counts.set(String(row.key), Number(row.n));
  return counts;
}
