import type { InStatement } from "@libsql/client";
import { newId } from "@/server/ids";
import type { TItemDecision, TItemError } from "../core/push-plan";
import type { TPushRecordType } from "../core/push-kinds";
import type { TPushItem } from "./push-records";
import { FIELD_LEVEL_CODES, fieldWriteFailureStatements, fieldWriteSuccessStatements } from "./field-write-results";

/** Resolving a record's errors leaves the ones about a single mapped field open. */
const RECORD_LEVEL_ERROR = `code NOT IN (${FIELD_LEVEL_CODES.map((code) => `'${code}'`).join(", ")})`;

/** The fields an update entry names: the record's own, the mapped ones have entries of their own. */
function ownFields(item: TPushItem): string[] {
  return Object.keys(item.values).filter((field) => field !== "OwnerId" && !(field in item.fieldValues));
}

/** The table of each record type push writes (names, for statements built by hand). */
const TABLES: Record<TPushRecordType, string> = {
  account: "crm_accounts",
  person: "crm_people",
  opportunity: "crm_opportunities",
  activity: "crm_activities",
};

/** A record's push state after its row is settled: still pending when another row waits for it. */
const settledState = (state: "pushed" | "failed") =>
  `CASE WHEN EXISTS (SELECT 1 FROM push_outbox o WHERE o.record_type = ? AND o.record_id = ? AND o.state = 'pending' AND o.id != ?) THEN 'pending' ELSE '${state}' END`;

function activityEntry(item: TPushItem, now: number, event: string, message: string, details: Record<string, unknown>) {
  return {
    sql: `INSERT INTO activity_log (record_type, record_id, at, event, message, details) VALUES (?, ?, ?, ?, ?, ?)`,
    args: [item.recordType, item.recordId, now, event, message, JSON.stringify(details)],
  };
}

/**
 * A success (PUSH-2): the Salesforce Id is linked, the values sent join Salesforce's copy of the
 * record (so the next pull recognises its own push and counts it unchanged), records created
 * under this one learn its Id, any open error is resolved, and the activity log says what went.
 */
export function successStatements(
  item: TPushItem,
  sfId: string,
  now: number,
  options: { hadOpenError: boolean },
): InStatement[] {
  const statements: InStatement[] = [];
  const table = TABLES[item.recordType];
  const state = settledState("pushed");
  const stateArgs = [item.recordType, item.recordId, item.outboxId];
  if (item.object === "ContentDocumentLink") {
    statements.push({
      sql: `UPDATE crm_activities SET sf_link_id = ?, push_state = ${state}, updated_at = ? WHERE id = ?`,
      args: [sfId, ...stateArgs, now, item.recordId],
    });
  } else if (item.recordType === "activity") {
    statements.push({
      sql: `UPDATE crm_activities SET sf_id = ?, sf_object = ?, push_state = ${
        item.object === "ContentNote" ? "'pending'" : state
      }, updated_at = ? WHERE id = ?`,
      args:
        item.object === "ContentNote"
          ? [sfId, item.object, now, item.recordId]
          : [sfId, item.object, ...stateArgs, now, item.recordId],
    });
  } else {
    // Null values drop out of a JSON merge patch: Salesforce's copy then lacks them, as a pull would.
    statements.push({
      sql: `UPDATE ${table} SET sf_id = ?, push_state = ${state}, fields = json_patch(fields, ?), content_hash = NULL, updated_at = ? WHERE id = ?`,
      args: [sfId, ...stateArgs, JSON.stringify({ ...item.values, Id: sfId }), now, item.recordId],
    });
  }
  if (item.recordType === "account" && item.operation === "create") {
    for (const dependent of ["crm_people", "crm_opportunities"]) {
      statements.push({
        sql: `UPDATE ${dependent} SET account_sf_id = ? WHERE account_id = ? AND account_sf_id IS NULL`,
        args: [sfId, item.recordId],
      });
    }
  }
  // An enhanced note stays open until its link exists; the link settles it.
  if (item.object !== "ContentNote") {
    statements.push({
      sql: `UPDATE push_outbox SET state = 'done', attempts = attempts + 1, sent_at = NULL, waiting_on = NULL, last_error_code = NULL, updated_at = ? WHERE id = ?`,
      args: [now, item.outboxId],
    });
    statements.push({
      sql: `UPDATE push_errors SET state = 'resolved', resolved_at = ?, last_at = ? WHERE record_type = ? AND record_id = ? AND state IN ('open', 'retrying') AND ${RECORD_LEVEL_ERROR}`,
      args: [now, now, item.recordType, item.recordId],
    });
  }
  statements.push(...fieldWriteSuccessStatements([item], now));
  const fields = Object.keys(item.values).filter((field) => field !== "OwnerId");
  if (item.object === "ContentDocumentLink") {
    statements.push(activityEntry(item, now, "pushed-create", "Attached to its record in Salesforce.", { sfId }));
  } else if (item.operation === "create") {
    statements.push(
      activityEntry(item, now, "pushed-create", `Created in Salesforce by push (${item.object} ${sfId}).`, {
        sfId,
        object: item.object,
        fields,
      }),
    );
  } else if (ownFields(item).length > 0 || fields.length === 0) {
    statements.push(
      activityEntry(item, now, "pushed-update", `Updated in Salesforce: ${ownFields(item).join(", ") || "no field"}.`, {
        sfId,
        object: item.object,
        fields,
      }),
    );
  }
  if (options.hadOpenError && item.object !== "ContentNote") {
    statements.push(
      activityEntry(item, now, "push-resolved", "The push error is resolved: Salesforce accepted the record.", {}),
    );
  }
  return statements;
}

/**
 * A failure: retried with backoff (the error log shows it as retrying) or failed until fixed
 * (ERR-1: an open error with Salesforce's code, message and fields; ERR-2: in the record's history).
 */
export function failureStatements(
  item: TPushItem,
  decision: Extract<TItemDecision, { kind: "retry" | "failed" }>,
  now: number,
  duplicates: Array<{ id: string; object: string }> | null = null,
): InStatement[] {
  const { error } = decision;
  const failed = decision.kind === "failed";
  const statements: InStatement[] = [
    ...reopenStatements([item.outboxId], now, {
      state: failed ? "failed" : "pending",
      attempts: decision.attempts,
      nextAttemptAt: failed ? null : now + decision.delayMs,
      code: error.code,
    }),
    ...errorRowStatements(item, error, failed ? "open" : "retrying", decision.attempts, now, duplicates),
  ];
  if (failed) {
    statements.push({
      sql: `UPDATE ${TABLES[item.recordType]} SET push_state = 'failed', updated_at = ? WHERE id = ?`,
      args: [now, item.recordId],
    });
    statements.push(...fieldWriteFailureStatements([item], now));
    const what = failed && decision.undeliverable ? "could not deliver" : "rejected";
    statements.push(
      activityEntry(
        item,
        now,
        "push-failed",
        `Salesforce ${what} the ${item.operation === "create" ? "create" : "update"}: ${error.message} (${error.code}).`,
        { code: error.code, fields: error.fields, object: item.object },
      ),
    );
  }
  return statements;
}

/** One error row per record and episode: a repeat updates it; a new episode inserts one. */
function errorRowStatements(
  item: TPushItem,
  error: TItemError,
  state: "open" | "retrying",
  attempts: number,
  now: number,
  duplicates: Array<{ id: string; object: string }> | null,
): InStatement[] {
  const duplicatesJson = duplicates ? JSON.stringify(duplicates) : null;
  return [
    {
      sql: `UPDATE push_errors SET code = ?, message = ?, fields = ?, duplicates = ?, attempts = ?, state = ?, last_at = ?, outbox_id = ?, object = ?, operation = ?
            WHERE record_type = ? AND record_id = ? AND state IN ('open', 'retrying') AND ${RECORD_LEVEL_ERROR}`,
      args: [
        error.code,
        error.message,
        JSON.stringify(error.fields),
        duplicatesJson,
        attempts,
        state,
        now,
        item.outboxId,
        item.object,
        item.operation,
        item.recordType,
        item.recordId,
      ],
    },
    {
      sql: `INSERT INTO push_errors (id, record_type, record_id, outbox_id, object, operation, record_name, code, message, fields, duplicates, attempts, state, owner_user_id, first_at, last_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM push_errors WHERE record_type = ? AND record_id = ? AND state IN ('open', 'retrying') AND ${RECORD_LEVEL_ERROR})`,
      args: [
        newId(now),
        item.recordType,
        item.recordId,
        item.outboxId,
        item.object,
        item.operation,
        item.name,
        error.code,
        error.message,
        JSON.stringify(error.fields),
        duplicatesJson,
        attempts,
        state,
        item.ownerUserId,
        now,
        now,
        item.recordType,
        item.recordId,
      ],
    },
  ];
}

/**
 * An update whose values all went to fields the org no longer has: nothing is sent; the row is
 * done and the record reads failed while its field error is open.
 */
export function nothingLeftStatements(item: TPushItem, now: number): InStatement[] {
  return [
    {
      sql: `UPDATE push_outbox SET state = 'done', waiting_on = NULL, updated_at = ? WHERE id = ?`,
      args: [now, item.outboxId],
    },
    {
      sql: `UPDATE ${TABLES[item.recordType]} SET push_state = ${settledState("failed")}, updated_at = ? WHERE id = ?`,
      args: [item.recordType, item.recordId, item.outboxId, now, item.recordId],
    },
  ];
}

/** Rows handed to a request: from here until their results are stored, the outcome is unknown. */
export function sendingStatement(outboxIds: readonly number[], now: number): InStatement {
  return {
    sql: `UPDATE push_outbox SET state = 'sending', sent_at = ?, updated_at = ? WHERE id IN (${outboxIds.map(() => "?").join(", ")})`,
    args: [now, now, ...outboxIds],
  };
}

/**
 * Rows that were sending go back to pending (or to failed). A record has one open row: when an
 * edit queued another while this one was in flight, this one's fields join that row instead and
 * this one is cancelled, so nothing the edit or this push carried is lost.
 */
export function reopenStatements(
  outboxIds: readonly number[],
  now: number,
  options: {
    state: "pending" | "failed";
    attempts: number | "+1" | "same";
    nextAttemptAt: number | null;
    code: string | null;
  },
): InStatement[] {
  const list = outboxIds.map(() => "?").join(", ");
  const attempts =
    options.attempts === "+1"
      ? "attempts + 1"
      : options.attempts === "same"
        ? "attempts"
        : String(Number(options.attempts));
  const other = `SELECT 1 FROM push_outbox o WHERE o.record_type = push_outbox.record_type AND o.record_id = push_outbox.record_id
                 AND o.state IN ('pending', 'failed') AND o.id != push_outbox.id`;
  return [
    {
      sql: `UPDATE push_outbox SET
              fields = (SELECT json_group_array(value) FROM (
                SELECT value FROM json_each(push_outbox.fields) UNION SELECT value FROM json_each(s.fields))),
              priority = max(push_outbox.priority, s.priority), updated_at = ?
            FROM (SELECT record_type, record_id, fields, priority FROM push_outbox WHERE id IN (${list})) AS s
            WHERE push_outbox.record_type = s.record_type AND push_outbox.record_id = s.record_id
              AND push_outbox.state IN ('pending', 'failed') AND push_outbox.id NOT IN (${list})`,
      args: [now, ...outboxIds, ...outboxIds],
    },
    {
      sql: `UPDATE push_outbox SET state = CASE WHEN EXISTS (${other}) THEN 'cancelled' ELSE ? END,
              attempts = ${attempts}, next_attempt_at = ?, sent_at = NULL, waiting_on = NULL,
              last_error_code = COALESCE(?, last_error_code), updated_at = ?
            WHERE id IN (${list})`,
      args: [options.state, options.nextAttemptAt, options.code, now, ...outboxIds],
    },
  ];
}

/**
 * Many successes of CRM records (accounts, people, opportunities) as a few set-based statements
 * instead of several per record: the same writes as `successStatements`, per table, driven by one
 * JSON array each. Activities (notes and their links) keep `successStatements`.
 */
export function successBatchStatements(
  successes: ReadonlyArray<{ item: TPushItem; sfId: string }>,
  now: number,
  openErrors: ReadonlySet<string>,
): InStatement[] {
  const statements: InStatement[] = [];
  const byType = new Map<TPushRecordType, Array<{ item: TPushItem; sfId: string }>>();
  for (const success of successes) {
    const list = byType.get(success.item.recordType) ?? [];
    list.push(success);
    byType.set(success.item.recordType, list);
  }
  for (const [recordType, list] of byType) {
    const table = TABLES[recordType];
    statements.push({
      sql: `UPDATE ${table} SET
              sf_id = j.sf_id,
              push_state = CASE WHEN EXISTS (SELECT 1 FROM push_outbox o WHERE o.record_type = ? AND o.record_id = ${table}.id
                AND o.state = 'pending' AND o.id != j.outbox_id) THEN 'pending' ELSE 'pushed' END,
              fields = json_patch(${table}.fields, j.patch), content_hash = NULL, updated_at = ?
            FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.sfId') AS sf_id,
                    json_extract(value, '$.outboxId') AS outbox_id, json(json_extract(value, '$.patch')) AS patch
                  FROM json_each(?)) AS j
            WHERE ${table}.id = j.id`,
      args: [
        recordType,
        now,
        JSON.stringify(
          list.map(({ item, sfId }) => ({
            id: item.recordId,
            sfId,
            outboxId: item.outboxId,
            patch: { ...item.values, Id: sfId },
          })),
        ),
      ],
    });
    if (recordType === "account") {
      const created = list.filter(({ item }) => item.operation === "create");
      if (created.length > 0) {
        const accounts = JSON.stringify(created.map(({ item, sfId }) => ({ id: item.recordId, sfId })));
        // `+` keeps SQLite on the account_id index: "account_sf_id IS NULL" holds for every new record.
        for (const dependent of ["crm_people", "crm_opportunities"]) {
          statements.push({
            sql: `UPDATE ${dependent} SET account_sf_id = j.sf_id
                  FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.sfId') AS sf_id FROM json_each(?)) AS j
                  WHERE ${dependent}.account_id = j.id AND +${dependent}.account_sf_id IS NULL`,
            args: [accounts],
          });
        }
      }
    }
  }
  statements.push({
    sql: `UPDATE push_outbox SET state = 'done', attempts = attempts + 1, sent_at = NULL, waiting_on = NULL, last_error_code = NULL, updated_at = ?
          WHERE id IN (SELECT value FROM json_each(?))`,
    args: [now, JSON.stringify(successes.map(({ item }) => item.outboxId))],
  });
  const resolved = successes.filter(({ item }) => openErrors.has(item.recordId));
  for (const { item } of resolved) {
    statements.push({
      sql: `UPDATE push_errors SET state = 'resolved', resolved_at = ?, last_at = ? WHERE record_type = ? AND record_id = ? AND state IN ('open', 'retrying') AND ${RECORD_LEVEL_ERROR}`,
      args: [now, now, item.recordType, item.recordId],
    });
  }
  statements.push(
    ...fieldWriteSuccessStatements(
      successes.map(({ item }) => item),
      now,
    ),
  );
  const entries = successes.flatMap(({ item, sfId }) => {
    const fields = Object.keys(item.values).filter((field) => field !== "OwnerId");
    // Mapped values have a line each (field-written); an update of nothing else needs no other.
    if (item.operation === "update" && fields.length > 0 && ownFields(item).length === 0) return [];
    const entry =
      item.operation === "create"
        ? {
            event: "pushed-create",
            message: `Created in Salesforce by push (${item.object} ${sfId}).`,
            details: { sfId, object: item.object, fields },
          }
        : {
            event: "pushed-update",
            message: `Updated in Salesforce: ${ownFields(item).join(", ") || "no field"}.`,
            details: { sfId, object: item.object, fields },
          };
    const row = { t: item.recordType, id: item.recordId, ...entry };
    return openErrors.has(item.recordId)
      ? [
          row,
          {
            t: item.recordType,
            id: item.recordId,
            event: "push-resolved",
            message: "The push error is resolved: Salesforce accepted the record.",
            details: {},
          },
        ]
      : [row];
  });
  statements.push({
    sql: `INSERT INTO activity_log (record_type, record_id, at, event, message, details)
          SELECT json_extract(value, '$.t'), json_extract(value, '$.id'), ?, json_extract(value, '$.event'),
                 json_extract(value, '$.message'), json(json_extract(value, '$.details'))
          FROM json_each(?)`,
    args: [now, JSON.stringify(entries)],
  });
  return statements;
}
