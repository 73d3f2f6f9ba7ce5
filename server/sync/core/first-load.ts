/**
 * PULL-5's first load: whether an object's first load goes through Bulk API 2.0 or REST pages,
 * and how its progress (the wizard's bars) adds up as pages are applied.
 */

/** An object's first load above this many rows goes through Bulk API 2.0 (a few calls, not one per 2,000 rows). */
export const BULK_FIRST_LOAD_ABOVE = 10_000;

export type TLoadMode = { mode: "bulk" | "rest"; reason: string };

export function chooseLoadMode(input: {
  /** A Bulk job for this object is already under way (a previous tick's). */
  bulkJobRunning: boolean;
  initialLoadDone: boolean;
  hasCursor: boolean;
  firstPage: { done: boolean; totalSize: number };
}): TLoadMode {
  if (input.bulkJobRunning) return { mode: "bulk", reason: "a bulk first load is under way: resume it" };
  if (input.initialLoadDone || input.hasCursor) return { mode: "rest", reason: "incremental pull" };
  if (input.firstPage.done) return { mode: "rest", reason: "the whole object fits in one page" };
  if (input.firstPage.totalSize > BULK_FIRST_LOAD_ABOVE) {
    return { mode: "bulk", reason: `first load of ${input.firstPage.totalSize} rows (over ${BULK_FIRST_LOAD_ABOVE})` };
  }
  return { mode: "rest", reason: `first load of ${input.firstPage.totalSize} rows (at most ${BULK_FIRST_LOAD_ABOVE})` };
}

export type TLoadProgress = { loaded: number; total: number | null; initialLoadAt: number | null };

/**
 * The progress after a page: `fresh` rows the page brought that Tandem had never seen. The first
 * load's total stays as the record of that load once it finished; later pulls are incremental and
 * leave it alone. Rows in the recycle bin count in totalSize but are never stored, so a finished
 * load is shown complete.
 */
export function advanceLoadProgress(
  previous: TLoadProgress | null,
  page: { fresh: number; total: number | null; finishedInitialLoad: boolean; now: number },
): TLoadProgress {
  if (previous?.initialLoadAt) return previous;
  const loaded = (previous?.loaded ?? 0) + page.fresh;
  if (!page.finishedInitialLoad) return { loaded, total: page.total, initialLoadAt: null };
  return { loaded: Math.max(page.total ?? 0, loaded), total: page.total, initialLoadAt: page.now };
}

/** The total a REST first load announces: what is loaded so far plus what the query still has. */
export function firstLoadTotal(previous: TLoadProgress | null, totalSize: number): number {
  return previous?.total ?? (previous?.loaded ?? 0) + totalSize;
}
