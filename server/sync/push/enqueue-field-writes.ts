import type { InStatement } from "@libsql/client";
import { newId } from "@/server/ids";
import { mappedPushKind } from "../core/field-mapping";
import {
  revertMessage,
  type TPlannedFieldWrite,
  type TPlannedRevert,
  type TQueuedFieldValue,
} from "../core/plan-field-writes";
import { enqueuePushStatements } from "./enqueue";

const RECORD_TABLES = { person: "crm_people", account: "crm_accounts" } as const;
const ROWS_PER_STATEMENT = 400;

function slices<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/**
 * Field writes (MAP-2/3/5) as the push engine takes them: one outbox row per record carrying the
 * values by Salesforce field, each with who chose it and Salesforce's value then (joining a row
 * already open), and the record marked pending. The ledger learns the outcome when the push
 * settles; until then the open row is what says the write is on its way. Set-based: a few
 * statements per 500 records, whatever the number of fields.
 */
export function fieldWriteStatements(
  writes: readonly TPlannedFieldWrite[],
  options: {
    now: number;
    byUserId: string | null;
    oneOff?: boolean;
    /** False when the caller marks the records pending itself (a pull writes their rows anyway). */
    markPending?: boolean;
  },
): InStatement[] {
  if (writes.length === 0) return [];
  const { now, byUserId } = options;
  const byRecord = new Map<string, { write: TPlannedFieldWrite; values: Record<string, TQueuedFieldValue> }>();
  for (const write of writes) {
    const key = `${write.recordType}:${write.recordId}`;
    const entry = byRecord.get(key) ?? { write, values: {} };
    entry.values[write.field] = { value: write.to, source: write.source, from: write.from };
    byRecord.set(key, entry);
  }
  const manual = writes.some((write) => write.source === "manual");
  const statements: InStatement[] = enqueuePushStatements(
    [...byRecord.values()].map(({ write, values }) => ({
      recordType: write.recordType,
      recordId: write.recordId,
      kind: mappedPushKind(write.object),
      operation: "update" as const,
      fields: [],
      fieldValues: values,
      // A rep's enrichment goes before background work, like any of their own changes.
      priority: manual ? 1 : 0,
      oneOff: options.oneOff ?? false,
      createdBy: byUserId,
      now,
    })),
  );
  if (options.markPending === false) return statements;
  for (const recordType of ["person", "account"] as const) {
    const ids = [...byRecord.values()]
      .filter(({ write }) => write.recordType === recordType)
      .map(({ write }) => write.recordId);
    for (const slice of slices(ids)) {
      statements.push({
        sql: `UPDATE ${RECORD_TABLES[recordType]} SET push_state = 'pending' WHERE id IN (${slice.map(() => "?").join(", ")})`,
        args: slice,
      });
    }
  }
  return statements;
}

/**
 * Salesforce changed back a value Tandem wrote: Tandem stops writing that field on that record,
 * and says so once, as a warning in the error log and in the record's history (no ping-pong).
 */
export function revertStatements(reverts: readonly TPlannedRevert[], now: number): InStatement[] {
  return reverts.flatMap((revert) => {
    const message = revertMessage(revert);
    return [
      {
        sql: `UPDATE field_writes SET state = 'reverted', at = ? WHERE record_type = ? AND record_id = ? AND field = ?`,
        args: [now, revert.recordType, revert.recordId, revert.field],
      },
      {
        sql: `INSERT INTO push_errors (id, record_type, record_id, outbox_id, object, operation, record_name, code, message,
                fields, attempts, state, severity, owner_user_id, first_at, last_at)
              VALUES (?, ?, ?, NULL, ?, 'update', ?, 'FIELD_REVERTED', ?, ?, 1, 'open', 'warning', NULL, ?, ?)`,
        args: [
          newId(now),
          revert.recordType,
          revert.recordId,
          revert.object,
          revert.name,
          message,
          JSON.stringify([revert.field]),
          now,
          now,
        ],
      },
      {
        sql: `INSERT INTO activity_log (record_type, record_id, at, event, message, details) VALUES (?, ?, ?, 'field-reverted', ?, ?)`,
        args: [
          revert.recordType,
          revert.recordId,
          now,
          `Salesforce changed ${revert.field} back: Tandem wrote “${revert.wrote}”, Salesforce now holds “${
            revert.salesforceNow ?? "(empty)"
          }”. Tandem stopped writing this field here.`,
          JSON.stringify({ field: revert.field, wrote: revert.wrote, salesforceNow: revert.salesforceNow }),
        ],
      },
    ];
  });
}

/**
 * Mapped values still waiting in a record's open outbox row for fields a person just decided
 * otherwise (kept Salesforce's value, or edited the field): taken out, so they are never sent.
 */
export function dropQueuedFieldValues(
  recordType: "person" | "account",
  recordId: string,
  fields: readonly string[],
): InStatement[] {
  if (fields.length === 0) return [];
  return [
    {
      sql: `UPDATE push_outbox SET field_values = (
              SELECT json_group_object(key, json(value)) FROM json_each(push_outbox.field_values)
              WHERE key NOT IN (SELECT value FROM json_each(?)))
            WHERE record_type = ? AND record_id = ? AND state IN ('pending', 'failed') AND field_values IS NOT NULL`,
      args: [JSON.stringify(fields), recordType, recordId],
    },
  ];
}

/**
 * Manual choices that write nothing themselves but that auto-overwrite must never undo (MAP-5):
 * "keep Salesforce's value" on the Enrichment page, and a rep's own edit of a field.
 */
export function manualChoiceStatements(
  choices: ReadonlyArray<{ recordType: "person" | "account"; recordId: string; field: string; value: string | null }>,
  options: { source: "keep-salesforce" | "rep-edit"; now: number; byUserId: string | null },
): InStatement[] {
  return slices(choices).map((slice) => ({
    sql: `INSERT INTO field_writes (record_type, record_id, field, object, tandem_field, value, previous, source, state, by_user_id, at)
          SELECT json_extract(value, '$.t'), json_extract(value, '$.id'), json_extract(value, '$.f'),
                 CASE json_extract(value, '$.t') WHEN 'account' THEN 'Account'
                   ELSE coalesce((SELECT CASE kind WHEN 'lead' THEN 'Lead' ELSE 'Contact' END FROM crm_people WHERE id = json_extract(value, '$.id')), 'Contact') END,
                 NULL, json_extract(value, '$.v'), NULL, ?, 'kept', ?, ?
          FROM json_each(?) WHERE true
          ON CONFLICT (record_type, record_id, field) DO UPDATE SET
            value = excluded.value, source = excluded.source, state = 'kept', by_user_id = excluded.by_user_id, at = excluded.at`,
    args: [
      options.source,
      options.byUserId,
      options.now,
      JSON.stringify(
        slice.map((choice) => ({ t: choice.recordType, id: choice.recordId, f: choice.field, v: choice.value })),
      ),
    ],
  }));
}
