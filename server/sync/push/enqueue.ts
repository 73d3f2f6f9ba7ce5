import type { InStatement } from "@libsql/client";
import type { TPushKind, TPushOperation, TPushRecordType } from "@/server/sync/core/push-kinds";

export type TEnqueueInput = {
  recordType: TPushRecordType;
  recordId: string;
  kind: TPushKind;
  operation: TPushOperation;
  /** Updates: the Salesforce fields that changed. Creates: empty (the whole record goes). */
  fields: readonly string[];
  /** 1 for a rep's own action (sent first), 0 for background work. */
  priority?: number;
  allowDuplicates?: boolean;
  createdBy: string | null;
  now: number;
};

/**
 * The outbox write that goes into the same batch as the record's own write (PUSH-2). A record
 * has at most one open row (a partial unique index): a later edit joins it — its fields are
 * added, a failed row goes back to pending with fresh attempts (editing a record is how an error
 * gets fixed) — and a pending create stays a create, sending the values current at push time.
 */
export function enqueuePushStatement(input: TEnqueueInput): InStatement {
  return {
    sql: `INSERT INTO push_outbox (record_type, record_id, kind, operation, fields, state, priority, attempts,
            allow_duplicates, created_by, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, 'pending', ?, 0, ?, ?, ?, ?)
          ON CONFLICT (record_type, record_id) WHERE state IN ('pending', 'failed') DO UPDATE SET
            fields = (SELECT json_group_array(value) FROM (
              SELECT value FROM json_each(push_outbox.fields) UNION SELECT value FROM json_each(excluded.fields))),
            state = 'pending',
            attempts = CASE WHEN push_outbox.state = 'failed' THEN 0 ELSE push_outbox.attempts END,
            next_attempt_at = NULL,
            waiting_on = NULL,
            priority = max(push_outbox.priority, excluded.priority),
            allow_duplicates = max(push_outbox.allow_duplicates, excluded.allow_duplicates),
            updated_at = excluded.updated_at`,
    args: [
      input.recordType,
      input.recordId,
      input.kind,
      input.operation,
      JSON.stringify([...input.fields]),
      input.priority ?? 1,
      input.allowDuplicates ? 1 : 0,
      input.createdBy,
      input.now,
      input.now,
    ],
  };
}

/** An edit re-queues a failed push: its open error is now being retried. */
export function retryingErrorsStatement(recordType: TPushRecordType, recordId: string, now: number): InStatement {
  return {
    sql: `UPDATE push_errors SET state = 'retrying', last_at = ? WHERE record_type = ? AND record_id = ? AND state = 'open'`,
    args: [now, recordType, recordId],
  };
}
