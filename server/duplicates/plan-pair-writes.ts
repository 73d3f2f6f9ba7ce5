import type { duplicatePairs } from "@/db/schema";
import type { TMatchEntity } from "@/server/sync/core/match/fields";
import { refOfKey } from "./pair-identity";

export type TStoredPair = typeof duplicatePairs.$inferSelect;
export type TPairRow = typeof duplicatePairs.$inferInsert;

/** A pair the matcher scored at or above its threshold, `a` before `b`, with each record's signature now. */
export type TFoundPair = {
  id: string;
  entity: TMatchEntity;
  a: string;
  b: string;
  score: number;
  reasons: string[];
  aSignature: string;
  bSignature: string;
};

/**
 * Writes that never undo a rep's decision made meanwhile: upserts change only score and reasons
 * of a stored pair; a reopen applies only while the stored signatures still differ from these;
 * `closes` remove pairs only while open or later, `removals` (a record gone) any but merged ones.
 */
export type TPairWrites = {
  upserts: TPairRow[];
  reopens: Array<{ id: string; aSignature: string; bSignature: string }>;
  closes: string[];
  removals: string[];
};

/**
 * What the pairs found for some records do to the stored ones (DUP-1). `stored` holds the stored
 * pairs this check is responsible for (those of the records it checked); `gone` names records no
 * longer compared (retired, merged, deleted, or a prospect now linked to its CRM record).
 * - A new pair opens; an open or later one takes the new score and reasons, keeping its state.
 * - "Not a duplicate" (dismissed) and merged pairs keep their decision while both records' signatures
 *   are those stored with it; when either record changed what the matcher reads, the pair reopens.
 * - A stored pair no longer found closes (its row goes) if it was open or later; a decision stays
 *   remembered, unless a record is gone. Merged pairs stay as the merge's history.
 * Rows are written only when something changed.
 */
export function planPairWrites(input: {
  found: readonly TFoundPair[];
  stored: readonly TStoredPair[];
  gone: ReadonlySet<string>;
  now: number;
}): TPairWrites {
  const { now } = input;
  const storedById = new Map(input.stored.map((pair) => [pair.id, pair]));
  const foundIds = new Set<string>();
  const writes: TPairWrites = { upserts: [], reopens: [], closes: [], removals: [] };

  for (const pair of input.found) {
    foundIds.add(pair.id);
    const stored = storedById.get(pair.id);
    if (!stored) {
      const a = refOfKey(pair.a);
      const b = refOfKey(pair.b);
      writes.upserts.push({
        id: pair.id,
        entity: pair.entity,
        aType: a.type,
        aId: a.id,
        bType: b.type,
        bId: b.id,
        score: pair.score,
        reasons: pair.reasons,
        state: "open",
        createdAt: now,
        updatedAt: now,
      });
      continue;
    }
    const decided = stored.state === "dismissed" || stored.state === "merged";
    if (decided && (stored.aSignature !== pair.aSignature || stored.bSignature !== pair.bSignature)) {
      writes.reopens.push({ id: pair.id, aSignature: pair.aSignature, bSignature: pair.bSignature });
    }
    if (stored.score !== pair.score || !sameReasons(stored.reasons, pair.reasons)) {
      writes.upserts.push({ ...stored, score: pair.score, reasons: pair.reasons, updatedAt: now });
    }
  }

  for (const stored of input.stored) {
    if (foundIds.has(stored.id) || stored.state === "merged") continue;
    const recordGone =
      input.gone.has(`${stored.aType}:${stored.aId}`) || input.gone.has(`${stored.bType}:${stored.bId}`);
    if (recordGone) writes.removals.push(stored.id);
    else if (stored.state === "open" || stored.state === "later") writes.closes.push(stored.id);
  }
  return writes;
}

function sameReasons(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((reason, index) => reason === right[index]);
}
