import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import {
  OUTBOX_STATES,
  PUSH_ERROR_STATES,
  PUSH_KINDS,
  PUSH_OPERATIONS,
  PUSH_RECORD_TYPES,
} from "../../server/sync/core/push-kinds";
import type { TQueuedFieldValue } from "../../server/sync/core/plan-field-writes";

export { OUTBOX_STATES, PUSH_ERROR_STATES, PUSH_KINDS, PUSH_OPERATIONS, PUSH_RECORD_TYPES };

/**
 * The push outbox (PUSH-2): every write in Tandem inserts or extends a row here in the same
 * transaction. One open row per record: a later edit adds its fields to the pending row
 * (coalescing), and the values sent are the record's values when the push runs.
 */
export const pushOutbox = sqliteTable(
  "push_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordType: text("record_type", { enum: PUSH_RECORD_TYPES }).notNull(),
    recordId: text("record_id").notNull(),
    kind: text("kind", { enum: PUSH_KINDS }).notNull(),
    operation: text("operation", { enum: PUSH_OPERATIONS }).notNull(),
    /** Updates: the Salesforce fields that changed. Creates send every field the record has. */
    fields: text("fields", { mode: "json" }).$type<string[]>().notNull(),
    /**
     * Values to set that are not the record's own columns: field mapping and enrichment writes
     * (MAP-2/3/5), by Salesforce field, each with who chose it and Salesforce's value then. A later
     * write to the same field replaces it.
     */
    fieldValues: text("field_values", { mode: "json" }).$type<Record<string, TQueuedFieldValue>>(),
    state: text("state", { enum: OUTBOX_STATES }).notNull(),
    /** A rep's own action goes before background work (mapping, bulk add-to-CRM). */
    priority: integer("priority").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at"),
    /** When the request carrying it was sent: an unknown outcome is looked up from here. */
    sentAt: integer("sent_at"),
    /** "Create anyway": sent with the duplicate-rule header that lets alert-level rules pass. */
    allowDuplicates: integer("allow_duplicates", { mode: "boolean" }).notNull().default(false),
    /** Sent even while push is off for its kind: a rep confirmed a one-off enrichment (MAP-5). */
    oneOff: integer("one_off", { mode: "boolean" }).notNull().default(false),
    /** Why it is not sent yet, in words (a parent not in Salesforce yet, push off for its kind). */
    waitingOn: text("waiting_on"),
    lastErrorCode: text("last_error_code"),
    createdBy: text("created_by"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (table) => [
    index("push_outbox_state_idx").on(table.state, table.priority, table.id),
    index("push_outbox_record_idx").on(table.recordType, table.recordId, table.state),
  ],
);

/**
 * ERR-1: every push Salesforce rejected or that could not be delivered. One row per record and
 * failure episode: a repeat of the same failure counts attempts; a success resolves it.
 */
export const pushErrors = sqliteTable(
  "push_errors",
  {
    id: text("id").primaryKey(),
    recordType: text("record_type", { enum: PUSH_RECORD_TYPES }).notNull(),
    recordId: text("record_id").notNull(),
    outboxId: integer("outbox_id"),
    /** The Salesforce object and the operation that failed. */
    object: text("object").notNull(),
    operation: text("operation", { enum: PUSH_OPERATIONS }).notNull(),
    recordName: text("record_name").notNull(),
    code: text("code").notNull(),
    message: text("message").notNull(),
    fields: text("fields", { mode: "json" }).$type<string[]>().notNull(),
    /** DUPLICATES_DETECTED: the existing Salesforce records that matched. */
    duplicates: text("duplicates", { mode: "json" }).$type<Array<{ id: string; object: string }>>(),
    attempts: integer("attempts").notNull().default(1),
    state: text("state", { enum: PUSH_ERROR_STATES }).notNull(),
    /** `warning`: nothing was rejected, but Tandem stopped doing something (a field Salesforce keeps changing). */
    severity: text("severity", { enum: ["error", "warning"] })
      .notNull()
      .default("error"),
    /** The Tandem user whose record it is: members see their own records' errors. */
    ownerUserId: text("owner_user_id"),
    firstAt: integer("first_at").notNull(),
    lastAt: integer("last_at").notNull(),
    resolvedAt: integer("resolved_at"),
  },
  (table) => [
    index("push_errors_state_idx").on(table.state, table.lastAt),
    index("push_errors_record_idx").on(table.recordType, table.recordId),
  ],
);
