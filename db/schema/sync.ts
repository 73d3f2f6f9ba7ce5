import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { SYNC_OBJECTS, type TSyncObject } from "../../server/sync/core/sync-objects";

export { SYNC_OBJECTS, type TSyncObject };

/** Per object: where the incremental pull resumes, on (SystemModstamp, Id). */
export const syncCursors = sqliteTable("sync_cursors", {
  object: text("object", { enum: SYNC_OBJECTS }).primaryKey(),
  systemModstamp: text("system_modstamp"),
  lastId: text("last_id"),
  /** Null until the first full load finished; then pulls are incremental. */
  initialLoadAt: integer("initial_load_at"),
  /** Progress of the first load, for the wizard's progress bars. */
  loaded: integer("loaded").notNull().default(0),
  total: integer("total"),
  lastPulledAt: integer("last_pulled_at"),
  /** When the query behind the cursor was sent: bounds how far back late commits can hide (PULL-5). */
  lastQueryAt: integer("last_query_at"),
  /** A first load running as a Bulk API 2.0 job, resumable across ticks: the job, the results
   * page to read next, when the job was created, and the highest (SystemModstamp, Id) so far. */
  bulkJobId: text("bulk_job_id"),
  bulkLocator: text("bulk_locator"),
  bulkStartedAt: integer("bulk_started_at"),
  bulkMaxModstamp: text("bulk_max_modstamp"),
  bulkMaxId: text("bulk_max_id"),
  updatedAt: integer("updated_at").notNull(),
});

export const syncTicks = sqliteTable(
  "sync_ticks",
  {
    id: text("id").primaryKey(),
    trigger: text("trigger", { enum: ["cron", "manual", "cli", "outbound", "schedule", "wizard", "push"] }).notNull(),
    startedAt: integer("started_at").notNull(),
    finishedAt: integer("finished_at"),
    durationMs: integer("duration_ms"),
    apiCalls: integer("api_calls").notNull().default(0),
    more: integer("more", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: ["running", "ok", "failed", "skipped"] }).notNull(),
    summary: text("summary", { mode: "json" }).$type<Record<string, unknown>>(),
    error: text("error"),
    errorCode: text("error_code"),
  },
  (table) => [index("sync_ticks_started_idx").on(table.startedAt)],
);

/** A lease so cron, webhooks and the CLI never run two ticks at once. */
export const syncLeases = sqliteTable("sync_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: integer("expires_at").notNull(),
});

/**
 * The fence: every commit a tick makes starts by writing its lease here, and a trigger (see the
 * migration) aborts the whole transaction unless that tick still holds an unexpired lease. A tick
 * that lost its lease (it stalled past the expiry and another took over) can commit nothing.
 */
export const syncLeaseFence = sqliteTable("sync_lease_fence", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  at: integer("at").notNull(),
});

/** Outbound-message notifications, keyed by Salesforce's Notification Id (dedupe). */
export const outboundNotifications = sqliteTable(
  "outbound_notifications",
  {
    notificationId: text("notification_id").primaryKey(),
    object: text("object").notNull(),
    sfId: text("sf_id").notNull(),
    systemModstamp: text("system_modstamp"),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    receivedAt: integer("received_at").notNull(),
    appliedAt: integer("applied_at"),
    status: text("status", { enum: ["pending", "applied", "failed"] }).notNull(),
    error: text("error"),
    /** Failed attempts to apply so far; after the last one the notification is `failed`. */
    attempts: integer("attempts").notNull().default(0),
    /** Not retried before this time (backoff after a failed attempt). */
    nextAttemptAt: integer("next_attempt_at"),
  },
  (table) => [index("outbound_notifications_status_idx").on(table.status, table.receivedAt)],
);

/** Every Sforce-Limit-Info reading, for the API usage chart. */
export const apiUsageSamples = sqliteTable(
  "api_usage_samples",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    used: integer("used").notNull(),
    max: integer("max").notNull(),
  },
  (table) => [index("api_usage_samples_at_idx").on(table.at)],
);
