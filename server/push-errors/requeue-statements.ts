import "server-only";
import type { InStatement } from "@libsql/client";
import type { TPushRecordType } from "@/server/sync/core/push-kinds";

const TABLES: Record<TPushRecordType, string> = {
  account: "crm_accounts",
  person: "crm_people",
  opportunity: "crm_opportunities",
  activity: "crm_activities",
};

/**
 * Puts the failed pushes behind these errors back in the queue, in one batch: the record's failed
 * outbox row goes back to pending with fresh attempts and first in line (a person asked for it),
 * the record reads "pending" again, and each error whose record now has a pending row is marked
 * retrying. The push's result settles the error: a success resolves it, a new refusal reopens it.
 * A dismissed error is retried only while its record has no other open error, so one record
 * never carries two errors at once.
 *
 * The last statement's `rowsAffected` is the number of errors retried.
 */
export function requeueStatements(
  errorIds: readonly string[],
  now: number,
  options: { allowDuplicates: boolean },
): InStatement[] {
  const list = errorIds.map(() => "?").join(", ");
  const pending = (type: string, id: string) =>
    `EXISTS (SELECT 1 FROM push_outbox o WHERE o.record_type = ${type} AND o.record_id = ${id} AND o.state = 'pending')`;
  return [
    {
      sql: `UPDATE push_outbox SET state = 'pending', attempts = 0, next_attempt_at = NULL, sent_at = NULL, waiting_on = NULL,
              priority = max(priority, 1), allow_duplicates = ${options.allowDuplicates ? "1" : "allow_duplicates"}, updated_at = ?
            WHERE state = 'failed'
              AND (record_type, record_id) IN (SELECT record_type, record_id FROM push_errors WHERE id IN (${list}))`,
      args: [now, ...errorIds],
    },
    ...Object.entries(TABLES).map(([type, table]) => ({
      sql: `UPDATE ${table} SET push_state = 'pending', updated_at = ?
            WHERE push_state = 'failed'
              AND id IN (SELECT record_id FROM push_errors WHERE record_type = '${type}' AND id IN (${list}))
              AND ${pending(`'${type}'`, `${table}.id`)}`,
      args: [now, ...errorIds],
    })),
    {
      sql: `UPDATE push_errors SET state = 'retrying'
            WHERE id IN (${list})
              AND ${pending("push_errors.record_type", "push_errors.record_id")}
              AND (state = 'open' OR (state = 'dismissed' AND NOT EXISTS (
                SELECT 1 FROM push_errors other WHERE other.record_type = push_errors.record_type
                  AND other.record_id = push_errors.record_id AND other.state IN ('open', 'retrying'))))`,
      args: errorIds as string[],
    },
  ];
}
