/**
 * How well blocking does its job on labelled records: pair completeness (the true pairs it lets
 * the matcher compare, of all true pairs) and reduction ratio (the share of all pairs it spares).
 */
import { blockingKeys } from "@/server/sync/core/match/blocking";
import type { TFeatures } from "@/server/sync/core/match/features";

export type TBlockingQuality = {
  allPairs: number;
  candidatePairs: number;
  truePairs: number;
  /** True pairs among the candidates (keys shared only in blocks too big to use do not count). */
  trueCandidatePairs: number;
  /** True pairs that share any blocking key, blocks passed over included. */
  truePairsSharingKey: number;
  pairCompleteness: number;
  reductionRatio: number;
};

export function measureBlockingQuality(
  features: readonly TFeatures[],
  truth: readonly string[],
  candidates: ReadonlyArray<readonly [number, number]>,
): TBlockingQuality {
  const members = new Map<string, number[]>();
  truth.forEach((entity, index) => members.set(entity, [...(members.get(entity) ?? []), index]));
  let truePairs = 0;
  let truePairsSharingKey = 0;
  for (const group of members.values()) {
    if (group.length < 2) continue;
    const keys = group.map((index) => new Set(blockingKeys(features[index]!)));
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        truePairs += 1;
        if ([...keys[i]!].some((key) => keys[j]!.has(key))) truePairsSharingKey += 1;
      }
    }
  }
  let trueCandidatePairs = 0;
  for (const [a, b] of candidates) if (truth[a] === truth[b]) trueCandidatePairs += 1;
  const n = features.length;
  const allPairs = (n * (n - 1)) / 2;
  return {
    allPairs,
    candidatePairs: candidates.length,
    truePairs,
    trueCandidatePairs,
    truePairsSharingKey,
    pairCompleteness: truePairs === 0 ? 1 : trueCandidatePairs / truePairs,
    reductionRatio: allPairs === 0 ? 1 : 1 - candidates.length / allPairs,
  };
}
