import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { syncCursors, type TSyncObject } from "@/db/schema";
import { createBulkQueryJob, fetchBulkPage, waitForBulkJob } from "@/server/salesforce/bulk-query";
import type { TSalesforce } from "@/server/salesforce/open-connection";
import { applyPulledPage, type TObjectCounts } from "./apply-page";
import { restShapedRecord } from "./core/bulk-values";
import { advanceCursor, type TCursor } from "./core/cursor";
import { PULL_FIELDS, type TPulledRecord } from "./core/pull-objects";

/** An object's first load above this many rows goes through Bulk API 2.0 (a few calls, not one per 2,000 rows). */
export const BULK_FIRST_LOAD_ABOVE = 10_000;
// Results pages of 10,000 rows keep a 100,000-row load within ~90 MB of memory; 50,000-row pages
// save a few calls but hold over twice as much (measured with npm run bench).
const BULK_RESULTS_PAGE = 10_000;
const APPLY_CHUNK = 2000;

type TCursorRow = typeof syncCursors.$inferSelect;

/**
 * A first load through Bulk API 2.0, resumable across ticks. Its rows come in no useful order, so
 * the pull cursor is set only when the whole job is applied; until then the job, the results page
 * to read next and the highest (SystemModstamp, Id) seen are kept on the cursor row. A tick that
 * runs out of time (or a process that dies) leaves them there, and the next tick continues from
 * the same page: rows applied twice come back unchanged (content hash), so nothing is doubled.
 * Returns whether the load finished.
 */
export async function runBulkFirstLoad(
  db: TDatabase,
  salesforce: TSalesforce,
  object: TSyncObject,
  row: TCursorRow | undefined,
  options: {
    now: () => number;
    deadline: number;
    queryAt: number;
    total: number;
    addCounts: (counts: TObjectCounts) => void;
  },
): Promise<boolean> {
  let jobId = row?.bulkJobId ?? null;
  let locator = row?.bulkLocator ?? null;
  const startedAt = row?.bulkStartedAt ?? options.queryAt;
  let cursor: TCursor | null =
    row?.bulkMaxModstamp && row.bulkMaxId ? { systemModstamp: row.bulkMaxModstamp, lastId: row.bulkMaxId } : null;
  let loaded = row?.loaded ?? 0;
  const total = row?.total ?? options.total;

  if (!jobId) {
    jobId = await createBulkQueryJob(salesforce, `SELECT ${PULL_FIELDS[object].join(", ")} FROM ${object}`);
    const values = {
      bulkJobId: jobId,
      bulkLocator: null,
      bulkStartedAt: startedAt,
      bulkMaxModstamp: null,
      bulkMaxId: null,
      total,
      updatedAt: options.now(),
    };
    await db
      .insert(syncCursors)
      .values({ object, loaded, ...values })
      .onConflictDoUpdate({ target: syncCursors.object, set: values });
  }
  try {
    await waitForBulkJob(salesforce, jobId);
  } catch (error) {
    // A job Salesforce no longer has (expired after days, or deleted) is started again next tick.
    await db
      .update(syncCursors)
      .set({ bulkJobId: null, bulkLocator: null, bulkStartedAt: null, bulkMaxModstamp: null, bulkMaxId: null })
      .where(eq(syncCursors.object, object));
    throw error;
  }

  let pending = fetchBulkPage(salesforce, jobId, locator, BULK_RESULTS_PAGE);
  for (;;) {
    const page = await pending;
    // The next page downloads while this one is written.
    const nextPending = page.nextLocator ? fetchBulkPage(salesforce, jobId, page.nextLocator, BULK_RESULTS_PAGE) : null;
    nextPending?.catch(() => undefined);
    for (let start = 0; start < page.records.length || start === 0; start += APPLY_CHUNK) {
      const records = page.records.slice(start, start + APPLY_CHUNK).map(restShapedRecord) as TPulledRecord[];
      cursor = advanceCursor(cursor, records);
      const lastChunk = start + APPLY_CHUNK >= page.records.length;
      const counts = await applyPulledPage(
        db,
        { object, records, now: options.now(), source: "pull" },
        async (tx, pageCounts) => {
          loaded += pageCounts.fresh;
          // Until a page is applied whole, the page itself is where to resume.
          const values = {
            loaded,
            bulkLocator: lastChunk ? page.nextLocator : locator,
            bulkMaxModstamp: cursor?.systemModstamp ?? null,
            bulkMaxId: cursor?.lastId ?? null,
            lastPulledAt: options.now(),
            updatedAt: options.now(),
          };
          await tx.update(syncCursors).set(values).where(eq(syncCursors.object, object));
        },
      );
      options.addCounts(counts);
      if (page.records.length === 0) break;
    }
    locator = page.nextLocator;
    if (!nextPending) break;
    if (options.now() >= options.deadline) return false;
    pending = nextPending;
  }

  const now = options.now();
  await db
    .update(syncCursors)
    .set({
      systemModstamp: cursor?.systemModstamp ?? null,
      lastId: cursor?.lastId ?? null,
      loaded: Math.max(loaded, total),
      total,
      initialLoadAt: now,
      lastPulledAt: now,
      lastQueryAt: startedAt,
      bulkJobId: null,
      bulkLocator: null,
      bulkStartedAt: null,
      bulkMaxModstamp: null,
      bulkMaxId: null,
      updatedAt: now,
    })
    .where(eq(syncCursors.object, object));
  return true;
}
