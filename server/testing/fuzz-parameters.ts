import type fc from "fast-check";

/**
 * fast-check's parameters for one property of a `*.fuzz.test.ts` suite. Each run draws new cases
 * (fast-check picks the seed, and names it beside a failing case), and the runs are bounded so a
 * suite takes seconds in CI. By hand: `FUZZ_RUNS=2000` runs every property that many times, and
 * `FUZZ_SEED=<seed>` replays the run a failure names.
 */
export function fuzzParameters<T>(defaultRuns: number): fc.Parameters<T> {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Number.NaN;
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
    ...(Number.isInteger(seed) ? { seed } : {}),
  };
}
