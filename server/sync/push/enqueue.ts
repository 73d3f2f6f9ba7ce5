import type { InStatement } from "@libsql/client";
import type { TPushKind, TPushOperation, TPushRecordType } from "@/server/sync/core/push-kinds";
import type { TQueuedFieldValue } from "@/server/sync/core/plan-field-writes";

export type TEnqueueInput = {
  recordType: TPushRecordType;
  recordId: string;
  kind: TPushKind;
  operation: TPushOperation;
  /** Updates: the Salesforce fields that changed. Creates: empty (the whole record goes). */
  fields: readonly string[];
  /** Values that are not the record's columns (field mapping, enrichment), by Salesforce field. */
  fieldValues?: Readonly<Record<string, TQueuedFieldValue>>;
  /** 1 for a rep's own action (sent first), 0 for background work. */
  priority?: number;
  allowDuplicates?: boolean;
  /** Sent even while push is off for its kind (a rep confirmed a one-off enrichment). */
  oneOff?: boolean;
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
  return enqueuePushStatements([input])[0]!;
}

const ROWS_PER_STATEMENT = 500;

/** The same write for many records at once: one multi-row upsert per 500 records. */
export function enqueuePushStatements(inputs: readonly TEnqueueInput[]): InStatement[] {
  const statements: InStatement[] = [];
  for (let start = 0; start < inputs.length; start += ROWS_PER_STATEMENT) {
    const slice = inputs.slice(start, start + ROWS_PER_STATEMENT);
    statements.push({
      sql: `INSERT INTO push_outbox (record_type, record_id, kind, operation, fields, field_values, state, priority, attempts,
            allow_duplicates, one_off, created_by, created_at, updated_at)
          VALUES ${slice.map(() => "(?, ?, ?, ?, ?, ?, 'pending', ?, 0, ?, ?, ?, ?, ?)").join(", ")}
          ON CONFLICT (record_type, record_id) WHERE state IN ('pending', 'failed') DO UPDATE SET
            fields = (SELECT json_group_array(value) FROM (
              SELECT value FROM json_each(push_outbox.fields) UNION SELECT value FROM json_each(excluded.fields))),
            field_values = CASE WHEN excluded.field_values IS NULL THEN push_outbox.field_values
              ELSE json_patch(coalesce(push_outbox.field_values, '{}'), excluded.field_values) END,
            state = 'pending',
            attempts = CASE WHEN push_outbox.state = 'failed' THEN 0 ELSE push_outbox.attempts END,
            next_attempt_at = NULL,
            waiting_on = NULL,
            priority = max(push_outbox.priority, excluded.priority),
            allow_duplicates = max(push_outbox.allow_duplicates, excluded.allow_duplicates),
            one_off = max(push_outbox.one_off, excluded.one_off),
            updated_at = excluded.updated_at`,
      args: slice.flatMap((input) => [
        input.recordType,
        input.recordId,
        input.kind,
        input.operation,
        JSON.stringify([...input.fields]),
        input.fieldValues ? JSON.stringify(input.fieldValues) : null,
        input.priority ?? 1,
        input.allowDuplicates ? 1 : 0,
        input.oneOff ? 1 : 0,
        input.createdBy,
        input.now,
        input.now,
      ]),
    });
  }
  return statements;
}

/**
 * An edit re-queues a failed push: its open error is now being retried. Errors about one mapped
 * field (Salesforce changing it back, a field deleted) stay open: an edit does not address them.
 */
export function retryingErrorsStatement(recordType: TPushRecordType, recordId: string, now: number): InStatement {
  return {
    sql: `UPDATE push_errors SET state = 'retrying', last_at = ? WHERE record_type = ? AND record_id = ? AND state = 'open'
            AND code NOT IN ('FIELD_REVERTED', 'FIELD_MISSING')`,
    args: [now, recordType, recordId],
  };
}
