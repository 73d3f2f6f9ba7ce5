/**
 * A whole set of records deduplicated: features, a model estimated from the set, candidate pairs
 * from blocking, each scored, and the pairs at or above the threshold clustered. The same
 * function serves `dedupe FILE.csv`, `duplicates rebuild` and the benchmark. Pure.
 */
import { blockingKeys, MAX_BLOCK } from "./blocking";
import { clusterPairs } from "./cluster";
import { matchFeatures, nameWordCounts, weighAllShares, weighNameWords, type TFeatures } from "./features";
import type { TMatchEntity, TMatchRecord } from "./fields";
import {
  compareFeatures,
  estimateModel,
  patternCounts,
  scoreOfWeight,
  pairWeight,
  withScoreThreshold,
  type TMatchModel,
} from "./model";

export type TScoredPair = { a: number; b: number; weight: number; score: number };

export type TDedupeResult = {
  features: TFeatures[];
  model: TMatchModel;
  /** Pairs at or above the threshold, by index into the records. */
  pairs: TScoredPair[];
  /** Per record: its cluster (the smallest index in it; itself when alone). */
  clusterOf: Int32Array;
  /** Per record: its best pair's score within its cluster, 0 when alone. */
  bestScore: Float64Array;
  stats: { candidatePairs: number; blocks: number; skippedBlocks: number; skippedRecords: number };
};

/** Index pairs that share at least one blocking key, each once. */
export function candidatePairs(features: readonly TFeatures[]): {
  pairs: Array<[number, number]>;
  blocks: number;
  skippedBlocks: number;
} {
  const blocks = new Map<string, number[]>();
  features.forEach((feature, index) => {
    for (const key of blockingKeys(feature)) {
      const members = blocks.get(key);
      if (members) {
        if (members[members.length - 1] !== index) members.push(index);
      } else blocks.set(key, [index]);
    }
  });
  const n = features.length;
  // Every pair of every block as one number (a·n + b), then sorted and made unique: a Set would
  // hold at most 2^24 of them, and an array of numbers costs 8 bytes a pair.
  let keys = new Float64Array(1024);
  let size = 0;
  let used = 0;
  let skippedBlocks = 0;
  for (const members of blocks.values()) {
    if (members.length < 2) continue;
    if (members.length > MAX_BLOCK) {
      skippedBlocks += 1;
      continue;
    }
    used += 1;
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length; j += 1) {
        if (size === keys.length) {
          const grown = new Float64Array(keys.length * 2);
          grown.set(keys);
          keys = grown;
        }
        keys[size] = members[i]! * n + members[j]!;
        size += 1;
      }
    }
  }
  const sorted = keys.subarray(0, size).sort();
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < size; k += 1) {
    const key = sorted[k]!;
    if (k > 0 && key === sorted[k - 1]) continue;
    pairs.push([Math.floor(key / n), key % n]);
  }
  return { pairs, blocks: used, skippedBlocks };
}

export function findDuplicates(
  entity: TMatchEntity,
  records: readonly TMatchRecord[],
  options: { score?: number; model?: TMatchModel } = {},
): TDedupeResult {
  const features = records.map((record) => matchFeatures(entity, record));
  weighAllShares(features);
  if (entity === "companies") {
    const counts = nameWordCounts(features);
    for (const feature of features) weighNameWords(feature, features.length, (word) => counts.get(word) ?? 1);
  }
  const candidates = candidatePairs(features);
  const vectors = candidates.pairs.map(([a, b]) => compareFeatures(entity, features[a]!, features[b]!).levels);
  let model = options.model ?? estimateModel(entity, features, patternCounts(vectors), { score: options.score });
  if (options.model && options.score !== undefined) model = withScoreThreshold(model, options.score);
  const pairs: TScoredPair[] = [];
  candidates.pairs.forEach(([a, b], index) => {
    const weight = pairWeight(model, vectors[index]!, features[a]!, features[b]!);
    if (weight >= model.threshold) pairs.push({ a, b, weight, score: scoreOfWeight(model, weight) });
  });
  const clusterOf = clusterPairs(
    records.length,
    pairs.map((pair) => [pair.a, pair.b] as const),
  );
  const bestScore = new Float64Array(records.length);
  for (const pair of pairs) {
    bestScore[pair.a] = Math.max(bestScore[pair.a]!, pair.score);
    bestScore[pair.b] = Math.max(bestScore[pair.b]!, pair.score);
  }
  const keyed = new Set<number>();
  features.forEach((feature, index) => {
    if (blockingKeys(feature).length > 0) keyed.add(index);
  });
  return {
    features,
    model,
    pairs,
    clusterOf,
    bestScore,
    stats: {
      candidatePairs: candidates.pairs.length,
      blocks: candidates.blocks,
      skippedBlocks: candidates.skippedBlocks,
      skippedRecords: records.length - keyed.size,
    },
  };
}
