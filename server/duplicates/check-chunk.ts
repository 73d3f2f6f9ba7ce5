import { and, eq, or, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { duplicatePairs } from "@/db/schema";
import {
  matchFeatures,
  shareKeys,
  type TFeatures,
  weighNameWords,
  weighShares,
} from "@/server/sync/core/match/features";
import type { TMatchEntity } from "@/server/sync/core/match/fields";
import {
  compareFeatures,
  defaultModel,
  pairWeight,
  scoreOfWeight,
  type TMatchModel,
} from "@/server/sync/core/match/model";
import { matchReasons } from "@/server/sync/core/match/reasons";
import type { TLease } from "@/server/sync/lease";
import { commitWrites } from "./commit-writes";
import type { TDuplicateModels } from "./duplicate-models";
import { DUPLICATE_RECORD_TYPES, type TRecordRef } from "./duplicate-vocabulary";
import { countKeys, findBlockMembers } from "./find-block-members";
import {
  checkedKey,
  deleteKeysStatements,
  insertKeyStatements,
  matchKeyRows,
  nameWordKey,
  uniqueBlockingKeys,
} from "./match-key-rows";
import { countMatchRecords, loadMatchRecords } from "./match-records";
import { orderedPair, pairId, recordSignature, refKey, refOfKey } from "./pair-identity";
import { pairWriteStatements } from "./pair-statements";
import { planPairWrites, type TFoundPair } from "./plan-pair-writes";

/** Records' features kept during a check (memory stays bounded); past this many, read again when needed. */
const CACHED_RECORDS = 25_000;

type TCompared = { features: TFeatures; signature: string };

/** One incremental check's state across its chunks (see check-duplicates.ts). */
export type TCheckRun = {
  db: TDatabase;
  lease: TLease | null;
  now: number;
  models: TDuplicateModels;
  /** Features and signature per record ref key; null: not compared any more. */
  cache: Map<string, TCompared | null>;
  /** Each target's window and place in the check: decides which side of a pair scores it. */
  positions: Map<string, { window: number; index: number }>;
  /** The window being scored: its records' keys are all current. */
  window: number;
  /** Targets found no longer compared. */
  gone: Set<string>;
  /** Keys found shared by more than MAX_BLOCK records: not looked up again. */
  bigKeys: Set<string>;
  /** The version (`updated_at`) each target was read at, for its checked mark. */
  versions: Map<string, number>;
  /** How many records of each entity are compared, for the weights of common values. */
  totals: Partial<Record<TMatchEntity, number>>;
};

type TTarget = TRecordRef & { updatedAt?: number };

/** First pass over a chunk: its records read, and their match_keys rows replaced (no checked mark yet). */
export async function refreshKeys(run: TCheckRun, entity: TMatchEntity, chunk: readonly TTarget[]): Promise<void> {
  if (run.cache.size > CACHED_RECORDS) run.cache.clear();
  const sources = await loadMatchRecords(run.db, entity, { refs: chunk });
  const loaded = new Set<string>();
  const rows = sources.flatMap((source) => {
    const features = matchFeatures(entity, source.record);
    loaded.add(source.record.id);
    run.cache.set(source.record.id, { features, signature: recordSignature(entity, source.record.values) });
    run.versions.set(source.record.id, source.updatedAt);
    return matchKeyRows(entity, source.ref, features);
  });
  for (const target of chunk) {
    const key = refKey(target);
    if (loaded.has(key)) continue;
    run.gone.add(key);
    run.cache.set(key, null);
  }
  await commitWrites(run.db, run.lease, [...deleteKeysStatements(chunk), ...insertKeyStatements(rows)]);
}

/**
 * Second pass: each record compared with the records under its keys, the pairs of these records
 * written, and each record marked checked as of the version read, in one transaction.
 */
export async function scoreChunk(run: TCheckRun, entity: TMatchEntity, chunk: readonly TTarget[]): Promise<void> {
  const { db } = run;
  const model = run.models[entity] ?? defaultModel(entity);
  if (run.cache.size > CACHED_RECORDS) run.cache.clear();
  const chunkKeys = new Set(chunk.map(refKey));
  await loadRecords(run, entity, [...chunkKeys]);

  const blockKeysOf = new Map<string, string[]>();
  for (const key of chunkKeys) {
    const compared = run.cache.get(key);
    if (compared) blockKeysOf.set(key, uniqueBlockingKeys(compared.features));
  }
  const wanted = [...new Set([...blockKeysOf.values()].flat())].filter((key) => !run.bigKeys.has(key));
  const members = await findBlockMembers(db, entity, wanted);
  // Every wanted key holds these records' own rows: one not returned is shared by too many.
  for (const key of wanted) if (!members.has(key)) run.bigKeys.add(key);

  const candidatesOf = new Map<string, Set<string>>();
  for (const [key, blockKeys] of blockKeysOf) {
    const candidates = new Set<string>();
    for (const blockKey of blockKeys) {
      for (const member of members.get(blockKey) ?? []) {
        if (member !== key && scoresHere(run, key, member)) candidates.add(member);
      }
    }
    candidatesOf.set(key, candidates);
  }
  const involved = new Set([...chunkKeys, ...[...candidatesOf.values()].flatMap((set) => [...set])]);
  await loadRecords(run, entity, [...involved]);
  await weighCommonValues(run, entity, involved);

  const found = scorePairs(run, entity, model, candidatesOf);
  const stored = (await storedPairsOf(db, entity, chunk)).filter((pair) => {
    const a = `${pair.aType}:${pair.aId}`;
    const b = `${pair.bType}:${pair.bId}`;
    return (chunkKeys.has(a) && scoresHere(run, a, b)) || (chunkKeys.has(b) && scoresHere(run, b, a));
  });
  const writes = planPairWrites({ found, stored, gone: run.gone, now: run.now });
  const marks = chunk.flatMap((target) => {
    const version = run.versions.get(refKey(target)) ?? target.updatedAt;
    return version === undefined
      ? []
      : [{ entity, key: checkedKey(version), recordType: target.type, recordId: target.id }];
  });
  await commitWrites(db, run.lease, [...pairWriteStatements(writes, run.now), ...insertKeyStatements(marks)]);
}

/**
 * Whether the pair of a record being scored with `other` is scored now: always with a record this
 * check does not touch or touched in an earlier window; within this window, by the first of the two;
 * never with a record of a later window (its keys are not current yet: it scores the pair itself).
 */
function scoresHere(run: TCheckRun, key: string, other: string): boolean {
  const theirs = run.positions.get(other);
  if (!theirs) return true;
  if (theirs.window !== run.window) return theirs.window < run.window;
  return theirs.index > run.positions.get(key)!.index;
}

/** Records' features into the cache, read in one query per 2,000 records that are not there yet. */
async function loadRecords(run: TCheckRun, entity: TMatchEntity, keys: readonly string[]) {
  const missing = keys.filter((key) => !run.cache.has(key));
  for (let start = 0; start < missing.length; start += 2000) {
    const slice = missing.slice(start, start + 2000);
    const sources = await loadMatchRecords(run.db, entity, { refs: slice.map(refOfKey) });
    const loaded = new Set<string>();
    for (const source of sources) {
      loaded.add(source.record.id);
      run.cache.set(source.record.id, {
        features: matchFeatures(entity, source.record),
        signature: recordSignature(entity, source.record.values),
      });
    }
    // Under a key but no longer compared: its own check removes the key.
    for (const key of slice) if (!loaded.has(key)) run.cache.set(key, null);
  }
}

/**
 * As a full run weighs them (find-duplicates.ts): a phone, email or company name many records
 * share counts for less, and so does a company name word many names use. Counted in match_keys.
 */
async function weighCommonValues(run: TCheckRun, entity: TMatchEntity, keys: ReadonlySet<string>) {
  const features = [...keys].flatMap((key) => {
    const compared = run.cache.get(key);
    return compared ? [compared.features] : [];
  });
  const counted = new Set<string>();
  for (const feature of features) {
    for (const key of Object.values(shareKeys(feature))) if (key) counted.add(key);
    if (entity === "companies") for (const word of feature.nameWords) counted.add(nameWordKey(word));
  }
  const [counts, total] = await Promise.all([
    countKeys(run.db, entity, [...counted]),
    run.totals[entity] ?? countMatchRecords(run.db, entity),
  ]);
  run.totals[entity] = total;
  const records = Math.max(1, total);
  for (const feature of features) {
    weighShares(feature, records, (key) => counts.get(key) ?? 1);
    if (entity === "companies") weighNameWords(feature, records, (word) => counts.get(nameWordKey(word)) ?? 1);
  }
}

function scorePairs(
  run: TCheckRun,
  entity: TMatchEntity,
  model: TMatchModel,
  candidatesOf: ReadonlyMap<string, ReadonlySet<string>>,
): TFoundPair[] {
  const found = new Map<string, TFoundPair>();
  for (const [key, candidates] of candidatesOf) {
    for (const candidate of candidates) {
      const id = pairId(entity, key, candidate);
      if (found.has(id)) continue;
      const [first, second] = orderedPair(key, candidate);
      const a = run.cache.get(first);
      const b = run.cache.get(second);
      if (!a || !b) continue;
      const vector = compareFeatures(entity, a.features, b.features);
      const weight = pairWeight(model, vector.levels, a.features, b.features);
      if (weight < model.threshold) continue;
      found.set(id, {
        id,
        entity,
        a: first,
        b: second,
        score: scoreOfWeight(model, weight),
        reasons: matchReasons(entity, model, vector, a.features, b.features),
        aSignature: a.signature,
        bSignature: b.signature,
      });
    }
  }
  return [...found.values()];
}

/** The stored pairs of these records, one query. */
async function storedPairsOf(db: TDatabase, entity: TMatchEntity, refs: readonly TRecordRef[]) {
  const sides = DUPLICATE_RECORD_TYPES.flatMap((type) => {
    const ids = refs.filter((ref) => ref.type === type).map((ref) => ref.id);
    if (ids.length === 0) return [];
    const list = sql`(select value from json_each(${JSON.stringify(ids)}))`;
    return [
      and(eq(duplicatePairs.aType, type), sql`${duplicatePairs.aId} in ${list}`),
      and(eq(duplicatePairs.bType, type), sql`${duplicatePairs.bId} in ${list}`),
    ];
  });
  if (sides.length === 0) return [];
  return db
    .select()
    .from(duplicatePairs)
    .where(and(eq(duplicatePairs.entity, entity), or(...sides)));
}
