import type { TDatabase } from "@/db/client";
import type { TSettingKey } from "@/server/settings/setting-keys";
import type { TMatchEntity } from "@/server/sync/core/match/fields";
import type { TDuplicateRecordType, TRecordRef } from "./duplicate-vocabulary";
import { CHECKED_PREFIX } from "./match-key-rows";

const WATERMARK: TSettingKey = "duplicates.checkedThrough";

export type TUncheckedRecord = TRecordRef & { entity: TMatchEntity; updatedAt: number };

/**
 * At most this many records are listed at once, oldest change first (about 3 MB as a libSQL server
 * answers it; a first load of 100,000 would exceed its 10 MB response limit). A tick checks fewer
 * than this in its time slice anyway; the rest are listed by the next one.
 */
export const UNCHECKED_LIST_LIMIT = 20_000;

/**
 * The records duplicate detection has not checked in their current version: people, accounts and
 * prospects updated after the watermark (`duplicates.checkedThrough`) without a checked mark for
 * their `updated_at`, oldest change first, up to `limit` (`truncated` says more are waiting). Retired,
 * merged and deleted records, and prospects linked since, are listed too: checking them removes
 * their pairs. One query, which also returns the watermark; when nothing changed it reads only the
 * few index entries past the watermark.
 */
export async function listUncheckedRecords(
  db: TDatabase,
  limit = UNCHECKED_LIST_LIMIT,
): Promise<{ through: number | null; records: TUncheckedRecord[]; truncated: boolean }> {
  const unchecked = (table: string, type: TDuplicateRecordType, entity: string) => `
    SELECT 1 AS rank, '${type}' AS type, r.id AS id, r.updated_at AS updated_at, ${entity} AS entity
    FROM ${table} AS r, watermark
    WHERE r.updated_at > coalesce(watermark.through, -9007199254740991)
      AND NOT EXISTS (
        SELECT 1 FROM match_keys AS k
        WHERE k.record_type = '${type}' AND k.record_id = r.id AND k.key = ?1 || r.updated_at
      )`;
  const result = await db.$client.execute({
    sql: `WITH watermark(through) AS (
        SELECT (SELECT json_extract(value, '$') FROM settings WHERE key = ?2)
      )
      SELECT 0 AS rank, 'watermark' AS type, NULL AS id, through AS updated_at, NULL AS entity FROM watermark
      UNION ALL ${unchecked("crm_people", "person", "'people'")}
      UNION ALL ${unchecked("crm_accounts", "account", "'companies'")}
      UNION ALL ${unchecked("prospects", "prospect", "CASE r.kind WHEN 'person' THEN 'people' ELSE 'companies' END")}
      ORDER BY rank, updated_at, id
      LIMIT ?3`,
    // One more than asked, to know whether more are waiting; plus the watermark's row.
    args: [CHECKED_PREFIX, WATERMARK, limit + 2],
  });
  let through: number | null = null;
  const records: TUncheckedRecord[] = [];
  for (const row of result.rows) {
    if (row.type === "watermark") {
      through = row.updated_at === null ? null : Number(row.updated_at);
      continue;
    }
    records.push({
      type: String(row.type) as TDuplicateRecordType,
      id: String(row.id),
      entity: String(row.entity) as TMatchEntity,
      updatedAt: Number(row.updated_at),
    });
  }
  const truncated = records.length > limit;
  if (truncated) records.length = limit;
  return { through, records, truncated };
}
