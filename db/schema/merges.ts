import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DUPLICATE_RECORD_TYPES, MATCH_ENTITIES } from "../../server/duplicates/duplicate-vocabulary";

export const MERGE_SALESFORCE_OUTCOMES = ["none", "merged", "converted"] as const;

/**
 * DUP-3: merges made in Tandem. Each keeps what an undo needs (the merged-away record as it was,
 * the survivor's values before, and every row the merge moved), until the survivor's next push.
 */
export const recordMerges = sqliteTable(
  "record_merges",
  {
    id: text("id").primaryKey(),
    entity: text("entity", { enum: MATCH_ENTITIES }).notNull(),
    pairId: text("pair_id"),
    survivorType: text("survivor_type", { enum: DUPLICATE_RECORD_TYPES }).notNull(),
    survivorId: text("survivor_id").notNull(),
    loserType: text("loser_type", { enum: DUPLICATE_RECORD_TYPES }).notNull(),
    loserId: text("loser_id").notNull(),
    loserName: text("loser_name").notNull(),
    /** The merged-away record's Salesforce object and Id when the merge unlinked it. */
    loserSfObject: text("loser_sf_object"),
    loserSfId: text("loser_sf_id"),
    /** Whether Salesforce merged too (SOAP merge) or converted the lead into the contact. */
    salesforce: text("salesforce", { enum: MERGE_SALESFORCE_OUTCOMES }).notNull(),
    stoppedSyncing: integer("stopped_syncing", { mode: "boolean" }).notNull(),
    /** Everything an undo puts back (see merge-duplicates.ts, TMergeUndo). */
    undo: text("undo", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    mergedBy: text("merged_by"),
    mergedAt: integer("merged_at").notNull(),
    undoneAt: integer("undone_at"),
  },
  (table) => [
    // A pull passes over a merged-away record until it changes in Salesforce (apply-page.ts).
    index("record_merges_loser_sf_id_idx").on(table.loserSfId),
    index("record_merges_survivor_idx").on(table.survivorType, table.survivorId),
  ],
);

/**
 * DUP-3 "Stop syncing that Salesforce record": Ids every pull and outbound message passes over.
 * Visible and reversible on /settings/salesforce.
 */
export const ignoredSalesforceRecords = sqliteTable("ignored_salesforce_records", {
  sfId: text("sf_id").primaryKey(),
  object: text("object").notNull(),
  name: text("name").notNull(),
  reason: text("reason").notNull(),
  createdBy: text("created_by"),
  createdAt: integer("created_at").notNull(),
});
