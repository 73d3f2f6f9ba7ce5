import { describe, expect, it } from "vitest";
import { advanceLoadProgress, BULK_FIRST_LOAD_ABOVE, chooseLoadMode } from "./first-load";

const page = (totalSize: number, done = false) => ({ totalSize, done });

describe("PULL-5 first load: bulk or REST", () => {
  it.each([
    [
      "resumes a running bulk job",
      { bulkJobRunning: true, initialLoadDone: false, hasCursor: false, firstPage: page(5) },
      "bulk",
      "under way",
    ],
    [
      "incremental once loaded",
      { bulkJobRunning: false, initialLoadDone: true, hasCursor: true, firstPage: page(50_000) },
      "rest",
      "incremental",
    ],
    [
      "incremental when a cursor exists",
      { bulkJobRunning: false, initialLoadDone: false, hasCursor: true, firstPage: page(50_000) },
      "rest",
      "incremental",
    ],
    [
      "one page is REST",
      { bulkJobRunning: false, initialLoadDone: false, hasCursor: false, firstPage: page(1500, true) },
      "rest",
      "one page",
    ],
    [
      "a large first load is bulk",
      { bulkJobRunning: false, initialLoadDone: false, hasCursor: false, firstPage: page(BULK_FIRST_LOAD_ABOVE + 1) },
      "bulk",
      "over",
    ],
    [
      "a medium first load is REST",
      { bulkJobRunning: false, initialLoadDone: false, hasCursor: false, firstPage: page(BULK_FIRST_LOAD_ABOVE) },
      "rest",
      "at most",
    ],
  ] as const)("PULL-5: %s", (_name, input, mode, reason) => {
    const decision = chooseLoadMode(input);
    expect(decision.mode).toBe(mode);
    expect(decision.reason).toContain(reason);
  });
});

describe("PULL-5 first-load progress", () => {
  it("PULL-5: adds fresh rows until the load finishes", () => {
    const first = advanceLoadProgress(null, { fresh: 2000, total: 5000, finishedInitialLoad: false, now: 1 });
    expect(first).toEqual({ loaded: 2000, total: 5000, initialLoadAt: null });
    const second = advanceLoadProgress(first, { fresh: 2000, total: 5000, finishedInitialLoad: false, now: 2 });
    expect(second.loaded).toBe(4000);
  });

  it("PULL-5: a finished load shows complete even when the recycle bin counted in the total", () => {
    const done = advanceLoadProgress(
      { loaded: 4000, total: 5000, initialLoadAt: null },
      { fresh: 900, total: 5000, finishedInitialLoad: true, now: 9 },
    );
    expect(done).toEqual({ loaded: 5000, total: 5000, initialLoadAt: 9 });
  });

  it("PULL-5: later incremental pulls leave the first load's record alone", () => {
    const loaded = { loaded: 5000, total: 5000, initialLoadAt: 9 };
    expect(advanceLoadProgress(loaded, { fresh: 3, total: null, finishedInitialLoad: true, now: 20 })).toBe(loaded);
  });
});
