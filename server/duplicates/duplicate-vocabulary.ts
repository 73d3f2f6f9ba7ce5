import { MATCH_ENTITIES, type TMatchEntity } from "../sync/core/match/fields";

export { MATCH_ENTITIES, type TMatchEntity };

/**
 * The records duplicate detection compares (DUP-1): CRM people (contacts and leads), CRM accounts,
 * and prospects not linked to a CRM record (a linked prospect is that record, PULL-3).
 */
export const DUPLICATE_RECORD_TYPES = ["person", "account", "prospect"] as const;
export type TDuplicateRecordType = (typeof DUPLICATE_RECORD_TYPES)[number];

/**
 * A pair's state: `open` waits in the review queue, `later` was put off by a rep, `dismissed` is
 * "Not a duplicate" (remembered until either record changes what the matcher reads), `merged`
 * was resolved by a merge.
 */
export const DUPLICATE_PAIR_STATES = ["open", "later", "dismissed", "merged"] as const;
export type TDuplicatePairState = (typeof DUPLICATE_PAIR_STATES)[number];

/** A record as duplicate detection names it: its type and Tandem id. */
export type TRecordRef = { type: TDuplicateRecordType; id: string };
