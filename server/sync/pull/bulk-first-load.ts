import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { syncCursors } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { SalesforceError } from "@/server/errors";
import type { SalesforcePort } from "@/server/salesforce/port";
import { restShapedRecord } from "../core/bulk-values";
import { advanceCursor, type TCursor } from "../core/cursor";
import type { TPulledRecord } from "../core/pull-objects";
import type { TSyncObject } from "../core/sync-objects";
import { commitFenced, type TLease } from "../lease";
import { applyPulledPage, type TObjectCounts } from "./apply-page";

// Results pages of 10,000 rows keep a 100,000-row load within ~90 MB of memory; 50,000-row pages
// save a few calls but hold over twice as much (measured with npm run bench).
const BULK_RESULTS_PAGE = 10_000;
/** The rows applied and committed at a time; a first load's progress (`loaded`) moves by these. */
export const LOAD_CHUNK = 2000;
const FIRST_POLL_MS = 200;
const MAX_POLL_MS = 5000;

type TCursorRow = typeof syncCursors.$inferSelect;

type TBulkOptions = {
  now: () => number;
  deadline: number;
  queryAt: number;
  total: number;
  /** The fields to ask for (the pull's, with Tandem_Id__c where the org has it). */
  fields: readonly string[];
  lease: TLease;
  addCounts: (counts: TObjectCounts) => void;
  sleep?: (ms: number) => Promise<void>;
};

const CLEARED_JOB = { bulkJobId: null, bulkLocator: null, bulkStartedAt: null, bulkMaxModstamp: null, bulkMaxId: null };

/**
 * A first load through Bulk API 2.0, resumable across ticks. Its rows come in no useful order, so
 * the pull cursor is set only when the whole job is applied; until then the job, the results page
 * to read next and the highest (SystemModstamp, Id) seen are kept on the cursor row. A tick that
 * runs out of time (or a process that dies, or a network blip) leaves them there, and the next
 * tick continues the same job from the same page: rows applied twice come back unchanged (content
 * hash), so nothing is doubled. Returns whether the load finished.
 */
export async function runBulkFirstLoad(
  db: TDatabase,
  salesforce: SalesforcePort,
  object: TSyncObject,
  row: TCursorRow | undefined,
  options: TBulkOptions,
): Promise<boolean> {
  let jobId = row?.bulkJobId ?? null;
  let locator = row?.bulkLocator ?? null;
  const startedAt = row?.bulkStartedAt ?? options.queryAt;
  let cursor: TCursor | null =
    row?.bulkMaxModstamp && row.bulkMaxId ? { systemModstamp: row.bulkMaxModstamp, lastId: row.bulkMaxId } : null;
  let loaded = row?.loaded ?? 0;
  const total = row?.total ?? options.total;

  if (!jobId) {
    jobId = await salesforce.startBulkQuery(`SELECT ${options.fields.join(", ")} FROM ${object}`);
    const values = { ...CLEARED_JOB, bulkJobId: jobId, bulkStartedAt: startedAt, total, updatedAt: options.now() };
    await commitFenced(db, options.lease, [
      toStatement(
        db
          .insert(syncCursors)
          .values({ object, loaded, ...values })
          .onConflictDoUpdate({ target: syncCursors.object, set: values }),
      ),
    ]);
  }
  if (!(await waitForJob(db, salesforce, object, jobId, options))) return false;

  let pending = salesforce.getBulkResults(jobId, locator, BULK_RESULTS_PAGE);
  for (;;) {
    const page = await pending;
    // The next page downloads while this one is written.
    const nextPending = page.nextLocator ? salesforce.getBulkResults(jobId, page.nextLocator, BULK_RESULTS_PAGE) : null;
    nextPending?.catch(() => undefined);
    for (let start = 0; start < page.records.length || start === 0; start += LOAD_CHUNK) {
      const records = page.records.slice(start, start + LOAD_CHUNK).map(restShapedRecord) as TPulledRecord[];
      cursor = advanceCursor(cursor, records);
      const lastChunk = start + LOAD_CHUNK >= page.records.length;
      const now = options.now();
      const counts = await applyPulledPage(
        db,
        { object, records, now, source: "pull", lease: options.lease },
        (pageCounts) => {
          loaded += pageCounts.fresh;
          // Until a page is applied whole, the page itself is where to resume.
          const values = {
            loaded,
            bulkLocator: lastChunk ? page.nextLocator : locator,
            bulkMaxModstamp: cursor?.systemModstamp ?? null,
            bulkMaxId: cursor?.lastId ?? null,
            lastPulledAt: now,
            updatedAt: now,
          };
          return [toStatement(db.update(syncCursors).set(values).where(eq(syncCursors.object, object)))];
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
  const finished = {
    ...CLEARED_JOB,
    systemModstamp: cursor?.systemModstamp ?? null,
    lastId: cursor?.lastId ?? null,
    loaded: Math.max(loaded, total),
    total,
    initialLoadAt: now,
    lastPulledAt: now,
    lastQueryAt: startedAt,
    updatedAt: now,
  };
  await commitFenced(db, options.lease, [
    toStatement(db.update(syncCursors).set(finished).where(eq(syncCursors.object, object))),
  ]);
  return true;
}

/**
 * Polls the job until it completes, looking at once (small jobs finish almost immediately) and
 * then backing off, but never past the tick's deadline: an unfinished job is picked up by the next
 * tick. A job Salesforce failed, aborted or no longer has is forgotten, so the next tick starts a
 * new one; a network error keeps it.
 */
async function waitForJob(
  db: TDatabase,
  salesforce: SalesforcePort,
  object: TSyncObject,
  jobId: string,
  options: TBulkOptions,
): Promise<boolean> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let wait = FIRST_POLL_MS; ; wait = Math.min(wait * 2, MAX_POLL_MS)) {
    let state: string;
    let reason: string | null;
    try {
      ({ state, errorMessage: reason } = await salesforce.getBulkJob(jobId));
    } catch (error) {
      if (error instanceof SalesforceError && !error.retryable && !error.connectionBroken) {
        await forgetJob(db, object, options.lease);
      }
      throw error;
    }
    if (state === "JobComplete") return true;
    if (state === "Failed" || state === "Aborted") {
      await forgetJob(db, object, options.lease);
      throw new SalesforceError({
        salesforceCode: "BULK_JOB_FAILED",
        retryable: true,
        connectionBroken: false,
        message: `The Bulk API job ${state.toLowerCase()}: ${reason ?? "no reason given"}. The next tick starts a new one.`,
      });
    }
    const remaining = options.deadline - options.now();
    if (remaining <= 0) return false;
    options.lease.assertHeld();
    await sleep(Math.min(wait, remaining));
  }
}

async function forgetJob(db: TDatabase, object: TSyncObject, lease: TLease) {
  await commitFenced(db, lease, [
    toStatement(db.update(syncCursors).set(CLEARED_JOB).where(eq(syncCursors.object, object))),
  ]);
}
