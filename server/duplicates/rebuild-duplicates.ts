import { randomUUID } from "node:crypto";
import type { InStatement } from "@libsql/client";
import { and, asc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { duplicatePairs } from "@/db/schema";
import { AppError } from "@/server/errors";
import { readSetting, settingStatement } from "@/server/settings/settings-store";
import { findDuplicates } from "@/server/sync/core/match/find-duplicates";
import type { TMatchEntity } from "@/server/sync/core/match/fields";
import { compareFeatures } from "@/server/sync/core/match/model";
import { matchReasons } from "@/server/sync/core/match/reasons";
import { acquireLease, type TLease } from "@/server/sync/lease";
import { commitWrites } from "./commit-writes";
import { CHECK_LATE_WRITES_MS } from "./check-window";
import { modelStatement } from "./duplicate-models";
import { holdLeaseFor } from "./hold-lease";
import { checkedKey, insertKeyStatements, matchKeyRows } from "./match-key-rows";
import { loadMatchRecords } from "./match-records";
import { orderedPair, pairId, recordSignature } from "./pair-identity";
import { pairWriteStatements } from "./pair-statements";
import { READ_PAGE, readInPages } from "./read-in-pages";
import { planPairWrites, type TFoundPair } from "./plan-pair-writes";

export type TRebuildCounts = { records: number; pairs: number };
export type TRebuildResult = Record<TMatchEntity, TRebuildCounts> & { durationMs: number };

/** How long matching one record may take at worst, to hold the lease while a whole entity is matched. */
const HOLD_PER_RECORD_MS = 5;
const HOLD_MINIMUM_MS = 60_000;

/**
 * `duplicates rebuild`: potential duplicates computed again for every record (DUP-1). Per entity:
 * the model estimated from all records, the blocking index rewritten, pairs at or above the
 * threshold stored with score and reasons, decisions kept as planPairWrites says, and pairs that no
 * longer score closed. Runs under the tick's lease (its own when none is given), so never beside a
 * tick; another sync running is an error that says to try again.
 */
export async function rebuildDuplicates(
  db: TDatabase,
  now: number,
  options: { lease?: TLease; clock?: () => number } = {},
): Promise<TRebuildResult> {
  const started = performance.now();
  const clock = options.clock ?? Date.now;
  const lease = options.lease ?? (await acquireLease(db, { holder: `duplicates-${randomUUID()}`, now: clock }));
  if (!lease) {
    throw new AppError("CONFLICT", "A sync is running right now. Run duplicates rebuild again once it has finished.");
  }
  try {
    const people = await rebuildEntity(db, "people", { lease, now, clock });
    const companies = await rebuildEntity(db, "companies", { lease, now, clock });
    const through = await readSetting(db, "duplicates.checkedThrough");
    await commitWrites(db, lease, [
      settingStatement(db, "duplicates.checkedThrough", Math.max(through ?? -Infinity, now - CHECK_LATE_WRITES_MS)),
    ]);
    return { people, companies, durationMs: Math.round(performance.now() - started) };
  } finally {
    if (!options.lease) await lease.release();
  }
}

/** One entity matched in full, its keys, pairs and model written behind the lease. */
export async function rebuildEntity(
  db: TDatabase,
  entity: TMatchEntity,
  options: { lease: TLease; now: number; clock: () => number },
): Promise<TRebuildCounts> {
  const { lease, now } = options;
  const sources = await loadMatchRecords(db, entity);
  const holdMs = Math.max(HOLD_MINIMUM_MS, sources.length * HOLD_PER_RECORD_MS);
  await holdLeaseFor(db, lease, holdMs, options.clock());
  const result = findDuplicates(
    entity,
    sources.map((source) => source.record),
  );
  const { model, features } = result;
  const signatures = sources.map((source) => recordSignature(entity, source.record.values));

  const found: TFoundPair[] = result.pairs.map((pair) => {
    const [first, second] = orderedPair(sources[pair.a]!.record.id, sources[pair.b]!.record.id);
    const [a, b] = first === sources[pair.a]!.record.id ? [pair.a, pair.b] : [pair.b, pair.a];
    const vector = compareFeatures(entity, features[a]!, features[b]!);
    return {
      id: pairId(entity, first, second),
      entity,
      a: first,
      b: second,
      score: pair.score,
      reasons: matchReasons(entity, model, vector, features[a]!, features[b]!),
      aSignature: signatures[a]!,
      bSignature: signatures[b]!,
    };
  });
  const stored = await readInPages(
    (after) =>
      db
        .select()
        .from(duplicatePairs)
        .where(and(eq(duplicatePairs.entity, entity), after))
        .orderBy(asc(duplicatePairs.id))
        .limit(READ_PAGE),
    duplicatePairs.id,
  );
  const compared = new Set(sources.map((source) => source.record.id));
  const storedRefs = stored.flatMap((pair) => [`${pair.aType}:${pair.aId}`, `${pair.bType}:${pair.bId}`]);
  const writes = planPairWrites({
    found,
    stored,
    gone: new Set(storedRefs.filter((ref) => !compared.has(ref))),
    now,
  });

  const keyRows = sources.flatMap((source, index) => [
    ...matchKeyRows(entity, source.ref, features[index]!),
    { entity, key: checkedKey(source.updatedAt), recordType: source.ref.type, recordId: source.ref.id },
  ]);
  const statements: InStatement[] = [
    { sql: "DELETE FROM match_keys WHERE entity = ?", args: [entity] },
    ...insertKeyStatements(keyRows),
    ...pairWriteStatements(writes, now),
    // Last: a first rebuild that stopped half-way leaves no model, so the next tick starts it again;
    // records whose marks went with the old keys are checked again by the next tick.
    modelStatement(db, entity, model),
  ];
  await commitWrites(db, lease, statements);
  return { records: sources.length, pairs: found.length };
}
