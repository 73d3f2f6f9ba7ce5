/**
 * PUSH-1: what can be pushed to Salesforce, each switched on by an admin separately (off until
 * then). The `status --json` contract reports every kind.
 */
export const PUSH_KINDS = ["people", "accounts", "opportunities", "activities", "tasks", "meetings", "notes"] as const;
export type TPushKind = (typeof PUSH_KINDS)[number];

/** Where a record written in Tandem stands with Salesforce (the `export` contract's `pushState`). */
export const PUSH_STATES = ["local", "pending", "pushed", "failed"] as const;
export type TPushState = (typeof PUSH_STATES)[number];

/** What a rep logs on a profile. Calls and emails push as the "activities" kind. */
export const ACTIVITY_KINDS = ["call", "email", "task", "meeting", "note"] as const;
export type TActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Records the push outbox carries, in dependency order: a record's parents go before it. */
export const PUSH_RECORD_TYPES = ["account", "person", "opportunity", "activity"] as const;
export type TPushRecordType = (typeof PUSH_RECORD_TYPES)[number];

export const PUSH_OPERATIONS = ["create", "update"] as const;
export type TPushOperation = (typeof PUSH_OPERATIONS)[number];

/**
 * An outbox row's life: `pending` (waiting for a push, maybe after `nextAttemptAt`), `sending`
 * (in a request whose outcome is not stored yet: after a crash, an unknown outcome), `done`,
 * `failed` (a permanent error, in the error log until fixed) or `cancelled` (the admin chose to
 * push only new records, or the record left Tandem).
 */
export const OUTBOX_STATES = ["pending", "sending", "done", "failed", "cancelled"] as const;
export type TOutboxState = (typeof OUTBOX_STATES)[number];

export const PUSH_ERROR_STATES = ["open", "retrying", "resolved", "dismissed"] as const;
export type TPushErrorState = (typeof PUSH_ERROR_STATES)[number];

/** The push kind of an activity. */
export function activityPushKind(kind: TActivityKind): TPushKind {
  if (kind === "call" || kind === "email") return "activities";
  if (kind === "task") return "tasks";
  if (kind === "meeting") return "meetings";
  return "notes";
}

/** The push kind of an outbox record. */
export function pushKindOf(recordType: TPushRecordType, activityKind: TActivityKind | null): TPushKind {
  if (recordType === "account") return "accounts";
  if (recordType === "person") return "people";
  if (recordType === "opportunity") return "opportunities";
  return activityPushKind(activityKind ?? "task");
}
