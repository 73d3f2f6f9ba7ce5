import "server-only";
import type { InStatement } from "@libsql/client";
import type { TDatabase } from "@/db/client";
import { PUSH_KINDS, type TPushKind } from "@/server/sync/core/push-kinds";
import { countByKind, getPushSettings } from "./get-push-settings";
import { kindRecords } from "./push-kind-records";
import {
  type TPushSettingsUpdate,
  type TPushSettingsUpdateResult,
  ZPushSettingsUpdateSchema,
} from "./push-settings-schemas";
import type { TPushSettings } from "./setting-keys";
import { readSetting, settingStatement } from "./settings-store";

const SKIPPED_NOTE = "Push was turned on for new records only; this record stays in Tandem.";

/**
 * PUSH-1: switches kinds on or off and sets how people go. Switching a kind off only stops
 * sending: what is queued stays queued. Switching a kind on while it has records Not in
 * Salesforce (created while it was off) does what the admin answered: "push" queues them too
 * (their creates wait in the outbox while the kind is off; one is added where it was cancelled
 * before), "skip" cancels their queued creates and leaves them in Tandem only. The settings and
 * the records change in one batch. The caller schedules the push.
 */
export async function updatePushSettings(
  db: TDatabase,
  rawInput: TPushSettingsUpdate,
  now: number,
): Promise<TPushSettingsUpdateResult> {
  const input = ZPushSettingsUpdateSchema.parse(rawInput);
  const current = await readSetting(db, "push.settings");
  const next: TPushSettings = structuredClone(current);
  for (const kind of PUSH_KINDS) {
    const enabled = input.enabled[kind];
    if (enabled !== undefined) next[kind].enabled = enabled;
  }
  if (input.peopleAs) next.people.as = input.peopleAs;

  const switchedOn = PUSH_KINDS.filter((kind) => next[kind].enabled && !current[kind].enabled);
  const statements: InStatement[] = [settingStatement(db, "push.settings", next)];
  const queuing: number[] = [];
  for (const kind of switchedOn) {
    if (input.existing === "push") {
      const [insert, mark] = pushExistingStatements(kind, now);
      queuing.push(statements.length + 1);
      statements.push(insert, mark);
    } else {
      statements.push(skipExistingStatement(kind, now));
    }
  }
  // Counted before the batch: "skip" leaves exactly these records Not in Salesforce.
  const before = input.existing === "skip" && switchedOn.length > 0 ? await countByKind(db) : null;
  const results = await db.$client.batch(statements, "write");
  const queued = queuing.reduce((sum, index) => sum + (results[index]?.rowsAffected ?? 0), 0);
  const keptLocal = before ? switchedOn.reduce((sum, kind) => sum + before[kind].local, 0) : 0;
  return { ...(await getPushSettings(db)), queued, keptLocal };
}

/** The kind's records Not in Salesforce go: a create for each that has none queued, then "pending". */
function pushExistingStatements(kind: TPushKind, now: number): [InStatement, InStatement] {
  const { recordType, table, where } = kindRecords(kind);
  return [
    {
      sql: `INSERT INTO push_outbox (record_type, record_id, kind, operation, fields, state, priority, attempts,
              allow_duplicates, created_by, created_at, updated_at)
            SELECT ?, id, ?, 'create', '[]', 'pending', 0, 0, 0, created_by, ?, ? FROM ${table}
            WHERE ${where} AND push_state = 'local'
              AND NOT EXISTS (SELECT 1 FROM push_outbox o WHERE o.record_type = ? AND o.record_id = ${table}.id
                AND o.state IN ('pending', 'failed', 'sending'))`,
      args: [recordType, kind, now, now, recordType],
    },
    {
      sql: `UPDATE ${table} SET push_state = 'pending', updated_at = ? WHERE ${where} AND push_state = 'local'`,
      args: [now],
    },
  ];
}

/** The kind's records Not in Salesforce stay so: their queued creates are cancelled. */
function skipExistingStatement(kind: TPushKind, now: number): InStatement {
  const { recordType, table, where } = kindRecords(kind);
  return {
    sql: `UPDATE push_outbox SET state = 'cancelled', waiting_on = ?, updated_at = ?
          WHERE record_type = ? AND kind = ? AND state IN ('pending', 'failed')
            AND record_id IN (SELECT id FROM ${table} WHERE ${where} AND push_state = 'local')`,
    args: [SKIPPED_NOTE, now, recordType, kind],
  };
}
