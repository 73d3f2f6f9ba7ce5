import fc from "fast-check";

/**
 * Settings shared by the `*.fuzz.test.ts` suites. Every suite runs with a fixed seed, so a failure
 * repeats exactly; `FUZZ_SEED` picks another one and `FUZZ_RUNS` sets the runs of every property
 * (a soak by hand: `FUZZ_RUNS=5000 vitest run …fuzz.test.ts`).
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_240_601);

/** The runs of one property: its own default, or `FUZZ_RUNS` when set. */
export function fuzzRuns(defaultRuns: number): number {
  const configured = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(configured) && configured > 0 ? configured : defaultRuns;
}

/** fast-check's parameters for one property of a suite: fixed seed, runs, no time-based stop. */
export function fuzzParameters<T>(defaultRuns: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(defaultRuns), ...extra };
}

/** Counts the cases a suite tries (shrinking included), to print once when it ends. */
export function caseCounter(suite: string) {
  let cases = 0;
  const started = performance.now();
  return {
    count(): void {
      cases += 1;
    },
    report(): void {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`[fuzz] ${suite}: ${cases} cases in ${seconds} s (seed ${FUZZ_SEED})`);
    },
  };
}
