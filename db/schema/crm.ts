import { sql } from "drizzle-orm";
import { index, integer, real, type SQLiteColumn, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { PERSON_KINDS, RECORD_SOURCES, RECORD_STATES } from "../../server/sync/core/sync-objects";
import { ACTIVITY_KINDS, PUSH_STATES } from "../../server/sync/core/push-kinds";

export { PERSON_KINDS, RECORD_SOURCES, RECORD_STATES, PUSH_STATES };

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
  /**
   * Where Tandem's writes stand (PUSH-2): null for a record Tandem never wrote; `local` while push
   * is off for its kind ("Not in Salesforce"), `pending` while queued, `pushed`, or `failed`.
   */
  pushState: text("push_state", { enum: PUSH_STATES }),
  /** The Tandem user who created it in Tandem (its owner; members see their own records' errors). */
  createdBy: text("created_by"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * The owner filter's key: the Salesforce user id, or the name when no id was pulled. Indexed with
 * state and name, so the filter's options are read from the index one owner at a time
 * (server/records/list-owners.ts) instead of by a pass over every record.
 */
function ownerKeyOf(table: { ownerSfId: SQLiteColumn; ownerName: SQLiteColumn }) {
  return sql`coalesce(${table.ownerSfId}, ${table.ownerName})`;
}

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
    /**
     * Records created in Tandem: their account's Tandem id, set before either reaches Salesforce
     * (`accountSfId` follows once the account is pushed). Pulled records link by `accountSfId` only.
     */
    accountId: text("account_id"),
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
    index("crm_people_account_id_idx").on(table.accountId),
    // Duplicate detection finds the records changed since it last looked.
    index("crm_people_updated_idx").on(table.updatedAt),
    index("crm_people_owner_idx").on(ownerKeyOf(table), table.state, table.ownerName, table.kind),
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
    index("crm_accounts_updated_idx").on(table.updatedAt),
    index("crm_accounts_owner_idx").on(ownerKeyOf(table), table.state, table.ownerName),
  ],
);

export const crmOpportunities = sqliteTable(
  "crm_opportunities",
  {
    ...crmColumns(),
    name: text("name").notNull(),
    accountSfId: text("account_sf_id"),
    accountId: text("account_id"),
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
    index("crm_opportunities_account_id_idx").on(table.accountId),
    index("crm_opportunities_state_name_idx").on(table.state, table.name),
    index("crm_opportunities_owner_idx").on(ownerKeyOf(table), table.state, table.ownerName),
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

/**
 * Activities a rep logs in Tandem: calls and emails (a `Task` with TaskSubtype Call/Email), tasks,
 * meetings (`Event`) and notes (`ContentNote` + `ContentDocumentLink`, or the classic `Note`).
 * They relate to a person (`WhoId`) and to an account or an opportunity (`WhatId`), by Tandem id.
 */
export const crmActivities = sqliteTable(
  "crm_activities",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ACTIVITY_KINDS }).notNull(),
    personId: text("person_id"),
    accountId: text("account_id"),
    opportunityId: text("opportunity_id"),
    subject: text("subject").notNull(),
    body: text("body"),
    /** Tasks and calls: due date (YYYY-MM-DD); calls and emails are logged as done on their date. */
    dueDate: text("due_date"),
    priority: text("priority"),
    status: text("status"),
    callDurationSeconds: integer("call_duration_seconds"),
    callOutcome: text("call_outcome"),
    /** Meetings: ISO datetimes (UTC) and place. */
    startAt: text("start_at"),
    endAt: text("end_at"),
    location: text("location"),
    ownerSfId: text("owner_sf_id"),
    ownerName: text("owner_name"),
    /** The Salesforce object it goes to (Task, Event, ContentNote or Note) and its Id there. */
    sfObject: text("sf_object"),
    sfId: text("sf_id"),
    /** Notes: the ContentDocumentLink that attaches an enhanced note to its record. */
    sfLinkId: text("sf_link_id"),
    pushState: text("push_state", { enum: PUSH_STATES }).notNull(),
    completedAt: integer("completed_at"),
    createdBy: text("created_by"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (table) => [
    uniqueIndex("crm_activities_sf_id_unique").on(table.sfId),
    index("crm_activities_person_idx").on(table.personId, table.createdAt),
    index("crm_activities_account_idx").on(table.accountId, table.createdAt),
    index("crm_activities_opportunity_idx").on(table.opportunityId, table.createdAt),
  ],
);
