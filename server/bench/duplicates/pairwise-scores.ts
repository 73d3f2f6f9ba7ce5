/**
 * Pairwise precision, recall and F1 of predicted clusters against the true entities, over all
 * pairs: a pair counts when both records sit in one predicted cluster, and is right when they are
 * one entity too. Clustering can join records no single pair linked, and this scores that as well.
 */
export type TPairwiseScores = {
  precision: number;
  recall: number;
  f1: number;
  predictedPairs: number;
  truePairs: number;
  correctPairs: number;
};

const pairsWithin = (sizes: Iterable<number>) => {
  let pairs = 0;
  for (const size of sizes) pairs += (size * (size - 1)) / 2;
  return pairs;
};

function groupSizes(keys: Iterable<string>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const key of keys) sizes.set(key, (sizes.get(key) ?? 0) + 1);
  return sizes;
}

/** `predicted`: a cluster id per record; `truth`: an entity id per record. */
export function pairwiseScores(predicted: ArrayLike<number>, truth: readonly string[]): TPairwiseScores {
  const indexes = Array.from({ length: truth.length }, (_, i) => i);
  const predictedPairs = pairsWithin(groupSizes(indexes.map((i) => String(predicted[i]))).values());
  const truePairs = pairsWithin(groupSizes(truth).values());
  const correctPairs = pairsWithin(groupSizes(indexes.map((i) => `${predicted[i]}\u0000${truth[i]}`)).values());
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, predictedPairs, truePairs, correctPairs };
}
