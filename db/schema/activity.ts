import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ACTIVITY_EVENTS, ACTIVITY_RECORD_TYPES } from "../../server/sync/core/activity-events";

/** Records that keep an activity log. */
export const RECORD_TYPES = ACTIVITY_RECORD_TYPES;

export const activityLog = sqliteTable(
  "activity_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordType: text("record_type", { enum: RECORD_TYPES }).notNull(),
    recordId: text("record_id").notNull(),
    at: integer("at").notNull(),
    event: text("event", { enum: ACTIVITY_EVENTS }).notNull(),
    message: text("message").notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (table) => [index("activity_log_record_idx").on(table.recordType, table.recordId, table.at)],
);
