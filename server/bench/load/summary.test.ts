import { describe, expect, it } from "vitest";
import { formatSummaries, LatencyLog, percentile, summarize } from "./summary";

describe("load bench summaries", () => {
  it("takes nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([], 95)).toBe(0);
  });

  it("summarizes unsorted durations with their count, max and errors", () => {
    expect(summarize([30, 10, 20, 400], 2)).toEqual({ count: 4, errors: 2, p50: 20, p95: 400, max: 400 });
    expect(summarize([])).toEqual({ count: 0, errors: 0, p50: 0, p95: 0, max: 0 });
  });

  it("keeps each kind apart and sums them all, failures included", () => {
    const log = new LatencyLog();
    for (const ms of [5, 15, 25]) log.record("people.list", ms);
    log.record("people.get", 100);
    log.fail("people.get", "500 Internal Server Error");
    log.fail("accounts.list", "timeout");
    expect(log.summaries()).toEqual([
      ["accounts.list", { count: 0, errors: 1, p50: 0, p95: 0, max: 0 }],
      ["people.get", { count: 1, errors: 1, p50: 100, p95: 100, max: 100 }],
      ["people.list", { count: 3, errors: 0, p50: 15, p95: 25, max: 25 }],
      ["all", { count: 4, errors: 2, p50: 15, p95: 100, max: 100 }],
    ]);
    expect(log.errorCount).toBe(2);
    expect(log.firstErrors(1)).toEqual(["people.get: 500 Internal Server Error"]);
  });

  it("prints one row per kind and flags a p95 over the target", () => {
    const lines = formatSummaries(
      [
        ["people.list", { count: 1200, errors: 0, p50: 12.4, p95: 80, max: 301 }],
        ["people.search", { count: 10, errors: 1, p50: 200, p95: 350, max: 900 }],
      ],
      300,
    );
    expect(lines[0]).toMatch(/^kind\s+count\s+p50\s+p95\s+max\s+errors$/);
    expect(lines[1]).toMatch(/^people\.list\s+1,200\s+12 ms\s+80 ms\s+301 ms\s+0$/);
    expect(lines[2]).toMatch(/350 ms\s+900 ms\s+1  \(p95 over 300 ms\)$/);
  });
});
