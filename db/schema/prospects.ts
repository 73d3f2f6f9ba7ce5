import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
    // MAP-4 and the Enrichment page find a CRM record's prospect by the link.
    index("prospects_crm_record_idx").on(table.crmRecordId),
    index("prospects_updated_idx").on(table.updatedAt),
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
