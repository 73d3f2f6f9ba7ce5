import { z } from "zod";
import { DUPLICATE_PAIR_STATES, DUPLICATE_RECORD_TYPES, MATCH_ENTITIES } from "./duplicate-vocabulary";

/** One side of a potential duplicate, as the review queue and a profile's notice show it. */
export const ZDuplicateRecordSchema = z.object({
  type: z.enum(DUPLICATE_RECORD_TYPES),
  id: z.string(),
  /** What it is: a CRM contact, lead or account, or a prospect (person or company). */
  kind: z.enum(["contact", "lead", "account", "person", "company"]),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** People: their company (a contact's account); companies: their website. */
  company: z.string().nullable(),
  /** Its page: /people/<id>, /accounts/<id>, or the prospect list searched for it; null once removed. */
  href: z.string().nullable(),
});
export type TDuplicateRecord = z.infer<typeof ZDuplicateRecordSchema>;

export const ZDuplicatePairSchema = z.object({
  id: z.string(),
  entity: z.enum(MATCH_ENTITIES),
  /** The matcher's probability that the two records are one (0..1). */
  score: z.number(),
  reasons: z.array(z.string()),
  state: z.enum(DUPLICATE_PAIR_STATES),
  /** Pairs that share a record form a cluster: its id (stable while its records stay) and how many records it holds. */
  cluster: z.object({ id: z.string(), records: z.number().int(), pairs: z.number().int() }),
  a: ZDuplicateRecordSchema,
  b: ZDuplicateRecordSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type TDuplicatePair = z.infer<typeof ZDuplicatePairSchema>;

export const ZDuplicateListInputSchema = z.object({
  entity: z.enum(MATCH_ENTITIES).optional(),
  minScore: z.number().min(0).max(1).optional(),
  /** Also the pairs a rep put off for later. */
  includeLater: z.boolean().default(false),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
});
export type TDuplicateListInput = z.input<typeof ZDuplicateListInputSchema>;

export const ZDuplicateListSchema = z.object({
  /** Best cluster first (by its best pair), each cluster's pairs together, best first. */
  rows: z.array(ZDuplicatePairSchema),
  total: z.number().int(),
  clusters: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TDuplicateList = z.infer<typeof ZDuplicateListSchema>;

/** A potential duplicate of one record, for the "Potential duplicate" notice on its page. */
export const ZRecordDuplicateSchema = z.object({
  pairId: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  state: z.enum(DUPLICATE_PAIR_STATES),
  other: ZDuplicateRecordSchema,
});
export type TRecordDuplicate = z.infer<typeof ZRecordDuplicateSchema>;

/** "Not a duplicate" (dismiss), "Review later" (later), or back into the queue (reopen). */
export const DUPLICATE_DECISIONS = ["dismiss", "later", "reopen"] as const;
export const ZDuplicateDecisionInputSchema = z.object({
  pairId: z.string().min(1).max(64),
  decision: z.enum(DUPLICATE_DECISIONS),
});
export type TDuplicateDecisionInput = z.infer<typeof ZDuplicateDecisionInputSchema>;
