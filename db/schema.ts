import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Tandem's own tables. Timestamps are milliseconds since the epoch; ids are Tandem's own
 * (random UUIDs), never Salesforce's, so a record exists before Salesforce knows it.
 */

export const ROLES = ["admin", "member"] as const;
export type TRole = (typeof ROLES)[number];

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  /** Stored lower-cased and trimmed; unique so two sign-ups can never share an address. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});

/**
 * Failed sign-ins, counted per key ("email:<address>" and "ip:<address>") so repeated
 * failures are slowed down whether or not the address belongs to a user.
 */
export const signInFailures = sqliteTable("sign_in_failures", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  firstFailureAt: integer("first_failure_at").notNull(),
  lastFailureAt: integer("last_failure_at").notNull(),
});

/** Workspace-wide settings as JSON values, one row per key (setup progress, pull settings…). */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});

// ─── Salesforce connection ────────────────────────────────────────────────────────────────

export const SALESFORCE_ENVIRONMENTS = ["production", "sandbox", "custom", "demo"] as const;
export const CONNECTION_STATUSES = ["connected", "broken"] as const;

/** The one Salesforce org this workspace is connected to (a single row, id "default"). */
export const salesforceConnection = sqliteTable("salesforce_connection", {
  id: text("id").primaryKey(),
  environment: text("environment", { enum: SALESFORCE_ENVIRONMENTS }).notNull(),
  loginUrl: text("login_url").notNull(),
  instanceUrl: text("instance_url").notNull(),
  apiVersion: text("api_version").notNull(),
  orgId: text("org_id").notNull(),
  orgName: text("org_name"),
  userId: text("user_id").notNull(),
  username: text("username"),
  /** AES-256-GCM, see server/salesforce/token-cipher.ts. Never logged, never sent to the UI. */
  refreshTokenEncrypted: text("refresh_token_encrypted").notNull(),
  accessTokenEncrypted: text("access_token_encrypted"),
  status: text("status", { enum: CONNECTION_STATUSES }).notNull(),
  lastError: text("last_error"),
  apiUsed: integer("api_used"),
  apiMax: integer("api_max"),
  apiUsageAt: integer("api_usage_at"),
  connectedAt: integer("connected_at").notNull(),
  connectedBy: text("connected_by"),
});

/** A started OAuth web-server flow, keyed by its `state`, holding the PKCE verifier. */
export const oauthFlows = sqliteTable("oauth_flows", {
  state: text("state").primaryKey(),
  environment: text("environment", { enum: SALESFORCE_ENVIRONMENTS }).notNull(),
  loginUrl: text("login_url").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  startedBy: text("started_by").notNull(),
  createdAt: integer("created_at").notNull(),
});

// ─── CRM records (Salesforce's values, as pulled) ──────────────────────────────────────────

export const RECORD_SOURCES = ["pull", "outbound", "tandem", "import"] as const;
export const RECORD_STATES = ["active", "retired", "deleted", "merged"] as const;
export const PERSON_KINDS = ["contact", "lead"] as const;

// A function, not a shared object: drizzle column builders must not be reused across tables.
const crmColumns = () => ({
  id: text("id").primaryKey(),
  sfId: text("sf_id"),
  /** Salesforce's values as pulled: every field queried, custom ones too. */
  fields: text("fields", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  ownerSfId: text("owner_sf_id"),
  ownerName: text("owner_name"),
  systemModstamp: text("system_modstamp"),
  contentHash: text("content_hash"),
  source: text("source", { enum: RECORD_SOURCES }).notNull(),
  state: text("state", { enum: RECORD_STATES }).notNull().default("active"),
  mergedIntoId: text("merged_into_id"),
  sfCreatedAt: text("sf_created_at"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** Contacts and leads in one table (PULL-4 needs them side by side). */
export const crmPeople = sqliteTable(
  "crm_people",
  {
    ...crmColumns(),
    kind: text("kind", { enum: PERSON_KINDS }).notNull(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    name: text("name").notNull(),
    email: text("email"),
    emailNormalized: text("email_normalized"),
    phone: text("phone"),
    title: text("title"),
    /** Leads carry a company name; contacts an account. */
    company: text("company"),
    accountSfId: text("account_sf_id"),
    leadSource: text("lead_source"),
    leadStatus: text("lead_status"),
    isConverted: integer("is_converted", { mode: "boolean" }).notNull().default(false),
    convertedContactSfId: text("converted_contact_sf_id"),
  },
  (table) => [
    uniqueIndex("crm_people_sf_id_unique").on(table.sfId),
    index("crm_people_email_idx").on(table.emailNormalized),
    index("crm_people_kind_state_name_idx").on(table.kind, table.state, table.name),
    index("crm_people_account_idx").on(table.accountSfId),
    index("crm_people_converted_contact_idx").on(table.convertedContactSfId),
  ],
);

export const crmAccounts = sqliteTable(
  "crm_accounts",
  {
    ...crmColumns(),
    name: text("name").notNull(),
    website: text("website"),
    domainNormalized: text("domain_normalized"),
    industry: text("industry"),
    phone: text("phone"),
    city: text("city"),
    country: text("country"),
    type: text("type"),
  },
  (table) => [
    uniqueIndex("crm_accounts_sf_id_unique").on(table.sfId),
    index("crm_accounts_domain_idx").on(table.domainNormalized),
    index("crm_accounts_state_name_idx").on(table.state, table.name),
  ],
);

export const crmOpportunities = sqliteTable(
  "crm_opportunities",
  {
    ...crmColumns(),
    name: text("name").notNull(),
    accountSfId: text("account_sf_id"),
    stageName: text("stage_name"),
    amount: real("amount"),
    closeDate: text("close_date"),
    probability: real("probability"),
    isClosed: integer("is_closed", { mode: "boolean" }),
    isWon: integer("is_won", { mode: "boolean" }),
  },
  (table) => [
    uniqueIndex("crm_opportunities_sf_id_unique").on(table.sfId),
    index("crm_opportunities_account_idx").on(table.accountSfId),
    index("crm_opportunities_state_name_idx").on(table.state, table.name),
  ],
);

/** PULL-4: a lead pulled as its contact is remembered so it is not pulled again. */
export const suppressedLeads = sqliteTable("suppressed_leads", {
  leadSfId: text("lead_sf_id").primaryKey(),
  reason: text("reason", { enum: ["converted", "email-match"] }).notNull(),
  contactSfId: text("contact_sf_id"),
  email: text("email"),
  suppressedAt: integer("suppressed_at").notNull(),
});

// ─── Prospect database (Tandem's own values) ───────────────────────────────────────────────

export const PROSPECT_KINDS = ["person", "company"] as const;

/** People and companies the team imported or entered, with their enrichment fields. */
export const prospects = sqliteTable(
  "prospects",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: PROSPECT_KINDS }).notNull(),
    name: text("name").notNull(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    email: text("email"),
    emailNormalized: text("email_normalized"),
    title: text("title"),
    company: text("company"),
    website: text("website"),
    domainNormalized: text("domain_normalized"),
    phone: text("phone"),
    city: text("city"),
    country: text("country"),
    linkedinUrl: text("linkedin_url"),
    industry: text("industry"),
    /** Further enrichment columns from an import, by Tandem field name. */
    extra: text("extra", { mode: "json" }).$type<Record<string, string>>().notNull(),
    source: text("source", { enum: ["import", "manual"] }).notNull(),
    importId: text("import_id"),
    /** PULL-3: set when a pulled lead, contact or account matches this prospect. */
    crmRecordType: text("crm_record_type", { enum: ["person", "account"] }),
    crmRecordId: text("crm_record_id"),
    inCrmSince: integer("in_crm_since"),
    createdBy: text("created_by"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (table) => [
    index("prospects_email_idx").on(table.emailNormalized),
    index("prospects_domain_idx").on(table.domainNormalized),
    index("prospects_kind_name_idx").on(table.kind, table.name),
  ],
);

export const prospectImports = sqliteTable("prospect_imports", {
  id: text("id").primaryKey(),
  fileName: text("file_name").notNull(),
  kind: text("kind", { enum: PROSPECT_KINDS }).notNull(),
  totalRows: integer("total_rows").notNull(),
  importedRows: integer("imported_rows").notNull(),
  badRows: integer("bad_rows").notNull(),
  /** The rejected rows with their line number and reason, for the report. */
  report: text("report", { mode: "json" })
    .$type<Array<{ line: number; reason: string; values: Record<string, string> }>>()
    .notNull(),
  createdBy: text("created_by"),
  createdAt: integer("created_at").notNull(),
});

// ─── Activity log (DUP-2) ──────────────────────────────────────────────────────────────────

export const RECORD_TYPES = ["person", "account", "opportunity", "prospect"] as const;

export const activityLog = sqliteTable(
  "activity_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordType: text("record_type", { enum: RECORD_TYPES }).notNull(),
    recordId: text("record_id").notNull(),
    at: integer("at").notNull(),
    /** e.g. created-by-pull, created-by-outbound, updated-by-pull, retired-as-lead, deleted-in-salesforce, merged-in-salesforce, matched-crm, imported, created-in-tandem */
    event: text("event").notNull(),
    message: text("message").notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (table) => [index("activity_log_record_idx").on(table.recordType, table.recordId, table.at)],
);

// ─── Sync bookkeeping ──────────────────────────────────────────────────────────────────────

export const SYNC_OBJECTS = ["Account", "Contact", "Lead", "Opportunity"] as const;
export type TSyncObject = (typeof SYNC_OBJECTS)[number];

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
    trigger: text("trigger", { enum: ["cron", "manual", "cli", "outbound", "schedule", "wizard"] }).notNull(),
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
