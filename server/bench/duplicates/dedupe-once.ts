/**
 * One full dedup of synthetic people in its own process, so the peak RSS is the dedup's own.
 * Prints one JSON line.   tsx server/bench/duplicates/dedupe-once.ts <people> <seed>
 * Not timed: generating the people. Timed: `findDuplicates` end to end (features, model,
 * blocking, scoring, clustering), wall and CPU, then the peak RSS. After that, measured apart on
 * the same records: blocking quality, the recall per kind of injected noise, the wrong pairs whose
 * names differ outright, and each phase of the pipeline timed alone.
 */
import { candidatePairs, findDuplicates } from "@/server/sync/core/match/find-duplicates";
import { FIRST_NAME, LAST_NAME } from "@/server/sync/core/match/comparisons";
import { matchFeatures } from "@/server/sync/core/match/features";
import { compareFeatures, estimateModel, patternCounts } from "@/server/sync/core/match/model";
import { measureBlockingQuality } from "./blocking-quality";
import { pairwiseScores } from "./pairwise-scores";
import { NOISE_KINDS } from "./people-noise";
import { generateSyntheticPeople } from "./synthetic-people";

const people = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 1);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

const generateStarted = performance.now();
const set = generateSyntheticPeople({ count: people, seed });
const generateMs = performance.now() - generateStarted;
const rssBeforeMb = mb(process.memoryUsage().rss);

const cpuBefore = process.cpuUsage();
const started = performance.now();
const result = findDuplicates("people", set.records);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
// maxRSS is in kilobytes.
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

const scores = pairwiseScores(result.clusterOf, set.truth);
const noiseRecall = Object.fromEntries(NOISE_KINDS.map((kind) => [kind, { found: 0, total: 0 }]));
for (const duplicate of set.duplicates) {
  const found = result.clusterOf[duplicate.index] === result.clusterOf[duplicate.originalIndex];
  for (const kind of duplicate.noise) {
    noiseRecall[kind]!.total += 1;
    if (found) noiseRecall[kind]!.found += 1;
  }
}
const isDifferent = (comparison: typeof FIRST_NAME, level: number) => comparison.levels[level]?.name === "different";
const wrongPairs = result.pairs.filter((pair) => set.truth[pair.a] !== set.truth[pair.b]);
const wrongPairsNamesDiffer = wrongPairs.filter((pair) => {
  const { levels } = compareFeatures("people", result.features[pair.a]!, result.features[pair.b]!);
  return isDifferent(FIRST_NAME, levels[0]!) && isDifferent(LAST_NAME, levels[1]!);
}).length;

const lap = (() => {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    return elapsed;
  };
})();
const features = set.records.map((record) => matchFeatures("people", record));
const featuresMs = lap();
const candidates = candidatePairs(features);
const blockingMs = lap();
const vectors = candidates.pairs.map(([a, b]) => compareFeatures("people", features[a]!, features[b]!).levels);
const compareMs = lap();
estimateModel("people", features, patternCounts(vectors));
const modelMs = lap();

const run = {
  people,
  duplicates: set.duplicates.length,
  generateMs,
  rssBeforeMb,
  wallMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  maxRssMb,
  scores,
  stats: result.stats,
  blocking: measureBlockingQuality(features, set.truth, candidates.pairs),
  noiseRecall,
  directPairs: result.pairs.length,
  wrongPairs: wrongPairs.length,
  wrongPairsNamesDiffer,
  phasesMs: { features: featuresMs, blocking: blockingMs, compare: compareMs, model: modelMs },
};
export type TDedupeRun = typeof run;
console.log(JSON.stringify(run));
