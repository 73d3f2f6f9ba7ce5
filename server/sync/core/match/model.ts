/**
 * Fellegi–Sunter scoring. A pair's comparison levels each add log2(m/u) bits of evidence (m: how
 * often a true duplicate shows that level; u: how often two unrelated records do). Added to the
 * prior odds that two records are the same, the sum gives the pair's probability: its score.
 *
 * Calibration, without labels:
 * - m (how often a true duplicate shows each level) is a documented prior per level (TLevel.m):
 *   typing errors, nicknames and moves are about as common in one contact list as in the next.
 *   Estimating m by EM as well was tried: on the Chicago providers it learned that org-level
 *   siblings (one phone, many sites) are the duplicates, and precision fell from 0.79 to 0.66.
 * - u comes from the records themselves: random pairs (every pair of a small set), leaving out
 *   those a first model calls duplicates, so a surname or a city many records share counts for less.
 * - The prior odds come from EM over the blocked candidate pairs: the share of them that are
 *   duplicates, times the candidates, over all pairs.
 * The comparisons, levels, priors and the score threshold are frozen per entity. Pure and
 * deterministic.
 */
import { COMPARISONS, givenNameLevel, surnameLevel, type TComparison } from "./comparisons";
import type { TMatchEntity } from "./fields";
import type { TFeatures } from "./features";

export type TMatchModel = {
  entity: TMatchEntity;
  /** Per comparison (in COMPARISONS order), per level: the evidence in bits. */
  weights: number[][];
  /** log2 of the prior odds that two records picked at random are the same. */
  priorBits: number;
  /** Pairs whose weight reaches this are duplicates (the score threshold, in bits of weight). */
  threshold: number;
};

/** A pair needs this probability to count as a duplicate (the frozen threshold, both entities). */
export const DEFAULT_SCORE_THRESHOLD = 0.9;

/** Before any data: about one pair in a million records pairs is a duplicate. */
const DEFAULT_PRIOR_BITS = -Math.log2(1_000_000);
const MIN_U = 1e-7;
const U_PRIOR_PAIRS = 200;
const EM_ROUNDS = 20;

export function thresholdWeight(score: number, priorBits: number): number {
  const clamped = Math.min(Math.max(score, 1e-9), 1 - 1e-9);
  return Math.log2(clamped / (1 - clamped)) - priorBits;
}

export function scoreOfWeight(model: TMatchModel, weight: number): number {
  return 1 / (1 + 2 ** -(weight + model.priorBits));
}

/** Per comparison and level, log2(m/u): m the documented prior, u the data's (or the prior). */
function weightsOf(comparisons: readonly TComparison[], u?: number[][]): number[][] {
  return comparisons.map((comparison, c) =>
    comparison.levels.map((level, l) => Math.log2(level.m / Math.max(u?.[c]?.[l] ?? level.u, MIN_U))),
  );
}

/** The model with the documented priors only (before any data is seen). */
export function defaultModel(entity: TMatchEntity, score = DEFAULT_SCORE_THRESHOLD): TMatchModel {
  return {
    entity,
    weights: weightsOf(COMPARISONS[entity]),
    priorBits: DEFAULT_PRIOR_BITS,
    threshold: thresholdWeight(score, DEFAULT_PRIOR_BITS),
  };
}

/** The same model with another score threshold. */
export function withScoreThreshold(model: TMatchModel, score: number): TMatchModel {
  return { ...model, threshold: thresholdWeight(score, model.priorBits) };
}

export type TComparisonVector = { levels: Int8Array; swappedNames: boolean };

/** The levels of a pair, people's names taken in whichever order agrees better (swapped names). */
export function compareFeatures(entity: TMatchEntity, a: TFeatures, b: TFeatures): TComparisonVector {
  const comparisons = COMPARISONS[entity];
  const levels = new Int8Array(comparisons.length);
  let swappedNames = false;
  let start = 0;
  if (entity === "people") {
    const first = givenNameLevel(a.first, b.first, a.firstSound, b.firstSound);
    const last = surnameLevel(a.last, b.last, a.lastSound, b.lastSound);
    levels[0] = first;
    levels[1] = last;
    if (a.first && a.last && b.first && b.last && (first > 0 || last > 0)) {
      const swapFirst = givenNameLevel(a.first, b.last, a.firstSound, b.lastSound);
      const swapLast = surnameLevel(a.last, b.first, a.lastSound, b.firstSound);
      if (swapFirst + swapLast < first + last) {
        levels[0] = swapFirst;
        levels[1] = swapLast;
        swappedNames = true;
      }
    }
    start = 2;
  }
  for (let c = start; c < comparisons.length; c += 1) levels[c] = comparisons[c]!.level(a, b);
  return { levels, swappedNames };
}

/**
 * People's place evidence (address, city, postcode, company, domain): coworkers at one office
 * agree on all of it together, so only the strongest agreement counts, not their sum.
 */
const PEOPLE_PLACE_KEYS = new Set(["address", "city", "postcode", "company", "domain"]);
const PEOPLE_PLACE = COMPARISONS.people.flatMap((comparison, c) => (PEOPLE_PLACE_KEYS.has(comparison.key) ? [c] : []));
const FIRST_DIFFERENT = COMPARISONS.people[0]!.levels.length - 1;
const LAST_DIFFERENT = COMPARISONS.people[1]!.levels.length - 1;
/**
 * Two company records at different street numbers are two sites (Salesforce keeps a branch as an
 * account of its own), however much of the organisation's name, phone and domain they share.
 */
const COMPANY_ADDRESS = COMPARISONS.companies.findIndex((comparison) => comparison.key === "address");
const COMPANY_OTHER_BUILDING = COMPARISONS.companies[COMPANY_ADDRESS]!.levels.findIndex(
  (level) => level.name === "different-number",
);
/**
 * The weight of a pair that is never a duplicate, whatever else agrees: two people whose first and
 * last names both differ, two companies at different street numbers.
 */
export const NEVER_SAME_WEIGHT = -1000;

/** The match weight of a comparison pattern under per-level `weights` (in bits). */
export function combineWeights(
  entity: TMatchEntity,
  weights: readonly (readonly number[])[],
  levels: Int8Array,
): number {
  if (entity === "people" && levels[0] === FIRST_DIFFERENT && levels[1] === LAST_DIFFERENT) return NEVER_SAME_WEIGHT;
  if (entity === "companies" && levels[COMPANY_ADDRESS] === COMPANY_OTHER_BUILDING) return NEVER_SAME_WEIGHT;
  let total = 0;
  let place = 0;
  for (let c = 0; c < levels.length; c += 1) {
    const level = levels[c]!;
    if (level < 0) continue;
    const weight = weights[c]![level]!;
    if (entity === "people" && weight > 0 && PEOPLE_PLACE.includes(c)) place = Math.max(place, weight);
    else total += weight;
  }
  return total + place;
}

export function weightOf(model: TMatchModel, levels: Int8Array): number {
  return combineWeights(model.entity, model.weights, levels);
}

/** Comparisons whose "same" level is weighed by how common the shared value is. */
const SHARED_VALUE_KEYS: Record<string, "phone" | "email" | "name"> = { phone: "phone", email: "email", name: "name" };

/**
 * A pair's weight with term-frequency adjustment (as Splink's): when two records agree on a value
 * that many records hold (an organisation's switchboard number, info@, a chain's name), the
 * "same" level's u is at least that value's share of the records, so it counts for less.
 */
export function pairWeight(model: TMatchModel, levels: Int8Array, a: TFeatures, b: TFeatures): number {
  let total = weightOf(model, levels);
  const comparisons = COMPARISONS[model.entity];
  for (let c = 0; c < levels.length; c += 1) {
    if (levels[c] !== 0) continue;
    const key = SHARED_VALUE_KEYS[comparisons[c]!.key];
    if (!key) continue;
    const share = Math.max(a.shares[key], b.shares[key]);
    if (share <= 0) continue;
    const weight = model.weights[c]![0]!;
    const u = comparisons[c]!.levels[0]!.m / 2 ** weight;
    if (share > u) total -= Math.log2(share / u);
  }
  return total;
}

/** Deterministic pseudo-random numbers (mulberry32), so a model is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The comparison patterns of up to `samplePairs` random pairs (every pair of a small set). */
function samplePatterns(entity: TMatchEntity, features: readonly TFeatures[], samplePairs: number): Int8Array[] {
  const n = features.length;
  const totalPairs = (n * (n - 1)) / 2;
  const wanted = Math.min(samplePairs, totalPairs);
  const sample: Int8Array[] = [];
  if (wanted === totalPairs) {
    for (let i = 0; i < n; i += 1)
      for (let j = i + 1; j < n; j += 1) sample.push(compareFeatures(entity, features[i]!, features[j]!).levels);
    return sample;
  }
  const next = random(n);
  for (let k = 0; k < wanted; k += 1) {
    const i = Math.floor(next() * n);
    let j = Math.floor(next() * (n - 1));
    if (j >= i) j += 1;
    sample.push(compareFeatures(entity, features[i]!, features[j]!).levels);
  }
  return sample;
}

/** u per comparison and level, from the sampled pairs that `judge` does not call duplicates. */
function estimateU(entity: TMatchEntity, sample: readonly Int8Array[], judge: TMatchModel): number[][] {
  const comparisons = COMPARISONS[entity];
  const counts = comparisons.map((comparison) => new Float64Array(comparison.levels.length));
  for (const levels of sample) {
    if (weightOf(judge, levels) >= judge.threshold) continue;
    for (let c = 0; c < levels.length; c += 1) {
      const level = levels[c]!;
      if (level >= 0) counts[c]![level]! += 1;
    }
  }
  return comparisons.map((comparison, c) => {
    const tallies = counts[c]!;
    const seen = tallies.reduce((sum, value) => sum + value, 0);
    return comparison.levels.map((level, l) => (tallies[l]! + U_PRIOR_PAIRS * level.u) / (seen + U_PRIOR_PAIRS));
  });
}

/**
 * The share of duplicates among the candidate pairs by expectation–maximisation, m and u held
 * fixed. Pairs are grouped by their comparison pattern first, so each round costs one pass over
 * the distinct patterns.
 */
function estimateMatchShare(
  entity: TMatchEntity,
  weights: readonly (readonly number[])[],
  patterns: ReadonlyMap<string, { levels: Int8Array; count: number }>,
): number {
  const groups = [...patterns.values()].map((group) => ({
    bits: combineWeights(entity, weights, group.levels),
    count: group.count,
  }));
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  if (total === 0) return 0;
  let share = 0.1;
  for (let round = 0; round < EM_ROUNDS; round += 1) {
    const odds = Math.log2(share / (1 - share));
    let expected = 0;
    for (const group of groups) expected += group.count / (1 + 2 ** -(group.bits + odds));
    share = Math.min(Math.max(expected / total, 1e-6), 0.999);
  }
  return share;
}

/** Comparison patterns of candidate pairs, counted. */
export function patternCounts(vectors: Iterable<Int8Array>): Map<string, { levels: Int8Array; count: number }> {
  const patterns = new Map<string, { levels: Int8Array; count: number }>();
  for (const levels of vectors) {
    const key = levels.join(",");
    const found = patterns.get(key);
    if (found) found.count += 1;
    else patterns.set(key, { levels, count: 1 });
  }
  return patterns;
}

/**
 * The model for a set of records and its blocked candidate pairs' comparison patterns. A set of
 * fewer than `minRecords` records keeps the priors.
 */
export function estimateModel(
  entity: TMatchEntity,
  features: readonly TFeatures[],
  patterns: ReadonlyMap<string, { levels: Int8Array; count: number }>,
  options: { score?: number; samplePairs?: number; minRecords?: number } = {},
): TMatchModel {
  const score = options.score ?? DEFAULT_SCORE_THRESHOLD;
  const n = features.length;
  if (n < (options.minRecords ?? 50)) return defaultModel(entity, score);
  const candidates = [...patterns.values()].reduce((sum, group) => sum + group.count, 0);
  const totalPairs = (n * (n - 1)) / 2;
  const sample = samplePatterns(entity, features, options.samplePairs ?? 100_000);
  const fit = (judge: TMatchModel): TMatchModel => {
    const u = estimateU(entity, sample, judge);
    const weights = weightsOf(COMPARISONS[entity], u);
    const matchShare = estimateMatchShare(entity, weights, patterns);
    // Blocking is built to keep nearly every true pair, so the duplicates among the candidates are
    // nearly all the duplicates there are.
    const lambda = Math.min(Math.max((matchShare * candidates) / totalPairs, 1e-9), 0.5);
    const priorBits = Math.log2(lambda / (1 - lambda));
    return { entity, weights, priorBits, threshold: thresholdWeight(score, priorBits) };
  };
  // Twice: the first model finds the likely duplicates among the random pairs, which a set dense
  // with duplicates has many of, so that the second u describes unrelated records only.
  const first = fit(defaultModel(entity));
  return fit(withScoreThreshold(first, 0.5));
}
