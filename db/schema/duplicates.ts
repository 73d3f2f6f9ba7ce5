import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import {
  DUPLICATE_PAIR_STATES,
  DUPLICATE_RECORD_TYPES,
  MATCH_ENTITIES,
} from "../../server/duplicates/duplicate-vocabulary";

export { DUPLICATE_PAIR_STATES, DUPLICATE_RECORD_TYPES, MATCH_ENTITIES };

/**
 * The matcher's blocking index kept in the database (DUP-1): a row per record and blocking key, so
 * a changed record is compared only with the records sharing a key. Two more kinds of rows, never
 * blocking keys: `#at:<updated_at>` says the record was checked as of that version, and
 * `#word:<word>` (companies) counts the records whose name uses a word, to weigh it by rarity.
 */
export const matchKeys = sqliteTable(
  "match_keys",
  {
    entity: text("entity", { enum: MATCH_ENTITIES }).notNull(),
    key: text("key").notNull(),
    recordType: text("record_type", { enum: DUPLICATE_RECORD_TYPES }).notNull(),
    recordId: text("record_id").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.entity, table.key, table.recordType, table.recordId] }),
    index("match_keys_record_idx").on(table.recordType, table.recordId),
  ],
);

/**
 * Potential duplicates (DUP-1): a pair of records of one entity that the matcher scores at or
 * above its threshold, `a` before `b` in sorted order. Flagged, never merged by Tandem (DUP-4).
 * A decision keeps each record's signature (a hash of the values the matcher reads) so "Not a
 * duplicate" holds until either record changes those values.
 */
export const duplicatePairs = sqliteTable(
  "duplicate_pairs",
  {
    /** Deterministic: a hash of the entity and both record refs in sorted order. */
    id: text("id").primaryKey(),
    entity: text("entity", { enum: MATCH_ENTITIES }).notNull(),
    aType: text("a_type", { enum: DUPLICATE_RECORD_TYPES }).notNull(),
    aId: text("a_id").notNull(),
    bType: text("b_type", { enum: DUPLICATE_RECORD_TYPES }).notNull(),
    bId: text("b_id").notNull(),
    /** The matcher's probability that the two are one (0..1). */
    score: real("score").notNull(),
    reasons: text("reasons", { mode: "json" }).$type<string[]>().notNull(),
    state: text("state", { enum: DUPLICATE_PAIR_STATES }).notNull(),
    aSignature: text("a_signature"),
    bSignature: text("b_signature"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    decidedBy: text("decided_by"),
    decidedAt: integer("decided_at"),
  },
  (table) => [
    index("duplicate_pairs_state_score_idx").on(table.state, table.entity, table.score),
    index("duplicate_pairs_a_idx").on(table.aType, table.aId),
    index("duplicate_pairs_b_idx").on(table.bType, table.bId),
  ],
);
