import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { FIELD_WRITE_SOURCES, FIELD_WRITE_STATES } from "../../server/sync/core/plan-field-writes";

export { FIELD_WRITE_SOURCES, FIELD_WRITE_STATES };

/**
 * What Tandem wrote (or chose) for one Salesforce field of one CRM record, once the push settled:
 * the ledger that keeps field mapping honest. Manual choices (MAP-5) are never undone by
 * auto-overwrite, a rejected value is not sent again on every pull, and a value Salesforce changes
 * back is noticed once, never fought. Values still on their way are in the outbox rows.
 */
export const fieldWrites = sqliteTable(
  "field_writes",
  {
    recordType: text("record_type", { enum: ["person", "account"] }).notNull(),
    recordId: text("record_id").notNull(),
    field: text("field").notNull(),
    object: text("object").notNull(),
    tandemField: text("tandem_field"),
    /** The value Tandem wrote or chose (null: keep Salesforce's). */
    value: text("value"),
    /** Salesforce's value before the write, for the activity log. */
    previous: text("previous"),
    source: text("source", { enum: FIELD_WRITE_SOURCES }).notNull(),
    state: text("state", { enum: FIELD_WRITE_STATES }).notNull(),
    byUserId: text("by_user_id"),
    at: integer("at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.recordType, table.recordId, table.field] })],
);

/**
 * CRM records whose mapped fields must be fetched and planned again at the next pull (MAP-4): all
 * linked records after the mapping changed, and the records a new prospect was linked to.
 */
export const mappingRecheck = sqliteTable("mapping_recheck", {
  recordType: text("record_type", { enum: ["person", "account"] }).notNull(),
  recordId: text("record_id").notNull().primaryKey(),
  queuedAt: integer("queued_at").notNull(),
});
