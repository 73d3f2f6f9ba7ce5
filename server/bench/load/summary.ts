/** Latency figures of the load bench: nearest-rank percentiles and one line per kind of request. */

export type TSummary = { count: number; errors: number; p50: number; p95: number; max: number };

/** The nearest-rank percentile (`p` in 0–100) of values sorted ascending; 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(durations: readonly number[], errors = 0): TSummary {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    count: sorted.length,
    errors,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? 0,
  };
}

/** Durations and failures, by kind of request (a procedure and the shape of its input, or a page). */
export class LatencyLog {
  private readonly durations = new Map<string, number[]>();
  private readonly failures = new Map<string, string[]>();

  record(kind: string, ms: number) {
    const list = this.durations.get(kind) ?? [];
    list.push(ms);
    this.durations.set(kind, list);
  }

  fail(kind: string, message: string) {
    const list = this.failures.get(kind) ?? [];
    list.push(message);
    this.failures.set(kind, list);
  }

  /** Each kind's summary, by name; `all` sums every kind. */
  summaries(): Array<[string, TSummary]> {
    const kinds = [...new Set([...this.durations.keys(), ...this.failures.keys()])].sort();
    const rows = kinds.map(
      (kind) =>
        [kind, summarize(this.durations.get(kind) ?? [], this.failures.get(kind)?.length ?? 0)] as [string, TSummary],
    );
    const every = [...this.durations.values()].flat();
    const errors = [...this.failures.values()].reduce((sum, list) => sum + list.length, 0);
    return [...rows, ["all", summarize(every, errors)]];
  }

  get errorCount(): number {
    return [...this.failures.values()].reduce((sum, list) => sum + list.length, 0);
  }

  /** The first few failure messages, with their kind. */
  firstErrors(limit = 5): string[] {
    return [...this.failures].flatMap(([kind, list]) => list.map((message) => `${kind}: ${message}`)).slice(0, limit);
  }
}

const ms = (value: number) => `${Math.round(value).toLocaleString("en-US")} ms`;

/** A table of summaries: kind, count, p50, p95, max and errors, with p95 checked against a target. */
export function formatSummaries(rows: ReadonlyArray<[string, TSummary]>, targetP95: number): string[] {
  const width = Math.max(4, ...rows.map(([kind]) => kind.length));
  const header = `${"kind".padEnd(width)}  ${"count".padStart(7)}  ${"p50".padStart(8)}  ${"p95".padStart(8)}  ${"max".padStart(9)}  errors`;
  return [
    header,
    ...rows.map(
      ([kind, summary]) =>
        `${kind.padEnd(width)}  ${summary.count.toLocaleString("en-US").padStart(7)}  ${ms(summary.p50).padStart(8)}  ${ms(summary.p95).padStart(8)}  ${ms(summary.max).padStart(9)}  ${summary.errors}${summary.count > 0 && summary.p95 > targetP95 ? `  (p95 over ${targetP95} ms)` : ""}`,
    ),
  ];
}
