import type { TDatabase, TTransaction } from "@/db/client";
import { syncCursors, type TSyncObject } from "@/db/schema";
import { compositeQueryAll, queryMore, type TQueryResult } from "@/server/salesforce/pull-queries";
import type { TSalesforce } from "@/server/salesforce/open-connection";
import { applyPulledPage, type TObjectCounts } from "./apply-page";
import { classifySyncError } from "./core/classify-error";
import { advanceCursor, buildPullQuery, parseCursor, type TCursor } from "./core/cursor";
import { PULL_ORDER, type TPulledRecord } from "./core/pull-objects";
import { BULK_FIRST_LOAD_ABOVE, runBulkFirstLoad } from "./bulk-first-load";
import type { TTickSummary } from "./tick-summary";

type TCursorRow = typeof syncCursors.$inferSelect;

/**
 * PULL-1/PULL-5: every object, incrementally. The first page of every object comes from ONE
 * composite call; later pages follow nextRecordsUrl. Each page commits with its cursor.
 */
export async function pullObjects(
  db: TDatabase,
  salesforce: TSalesforce,
  options: { now: () => number; deadline: number; overlapMs: number; summary: TTickSummary },
): Promise<{ brokenConnection: string | null }> {
  const { summary } = options;
  const rows = new Map((await db.select().from(syncCursors)).map((row) => [row.object, row]));
  const cursors = new Map<TSyncObject, TCursor | null>(
    PULL_ORDER.map((object) => [object, parseCursor(rows.get(object))]),
  );
  const queryAt = options.now();
  const outcomes = await compositeQueryAll(
    salesforce.connection,
    PULL_ORDER.map((object) => ({
      referenceId: object,
      soql: buildPullQuery(
        object,
        cursors.get(object) ?? null,
        rows.get(object)?.lastQueryAt ?? null,
        options.overlapMs,
      ),
    })),
  );

  for (const object of PULL_ORDER) {
    const outcome = outcomes.get(object);
    try {
      if (!outcome)
        throw Object.assign(new Error(`Salesforce did not answer the ${object} query.`), {
          errorCode: "UNKNOWN_EXCEPTION",
        });
      if (!outcome.ok)
        throw Object.assign(new Error(outcome.message), { errorCode: outcome.errorCode, statusCode: outcome.status });
      let page: TQueryResult = outcome.result;
      let row = rows.get(object);
      const initialLoad = !row?.initialLoadAt;
      const bulkRunning = Boolean(row?.bulkJobId);
      if (
        bulkRunning ||
        (initialLoad && !cursors.get(object) && !page.done && page.totalSize > BULK_FIRST_LOAD_ABOVE)
      ) {
        const finished = await runBulkFirstLoad(db, salesforce, object, row, {
          ...options,
          queryAt,
          total: page.totalSize,
          addCounts: (counts) => addCounts(summary, object, counts),
        });
        if (!finished) summary.more = true;
        continue;
      }
      const total = initialLoad ? (row?.total ?? (row?.loaded ?? 0) + page.totalSize) : null;
      for (;;) {
        const records = page.records as TPulledRecord[];
        const cursor = advanceCursor(cursors.get(object) ?? null, records);
        const done = page.done;
        // The next page downloads while this one is written, so the pull runs at the pace of the
        // slower of the two instead of their sum.
        const next =
          !done && page.nextRecordsUrl && options.now() < options.deadline
            ? queryMore(salesforce.connection, page.nextRecordsUrl)
            : null;
        next?.catch(() => undefined);
        let fresh = 0;
        const counts = await applyPulledPage(
          db,
          { object, records, now: options.now(), source: "pull" },
          (tx, pageCounts) => {
            fresh = pageCounts.fresh;
            return saveCursor(tx, object, row, {
              cursor,
              loadedDelta: fresh,
              total,
              finishedInitialLoad: initialLoad && done,
              now: options.now(),
              queryAt,
            });
          },
        );
        addCounts(summary, object, counts);
        cursors.set(object, cursor);
        row = { ...(row ?? emptyRow(object, options.now())), loaded: (row?.loaded ?? 0) + fresh, total };
        if (!next) {
          if (!done && page.nextRecordsUrl) summary.more = true;
          break;
        }
        page = await next;
      }
    } catch (error) {
      const classified = classifySyncError(error as Error);
      summary.ok = false;
      summary.failures = [...(summary.failures ?? []), { object, code: classified.code, message: classified.message }];
      if (classified.connection) return { brokenConnection: classified.message };
      if (classified.retryable) summary.more = true;
    }
  }
  return { brokenConnection: null };
}

function emptyRow(object: TSyncObject, now: number): TCursorRow {
  return {
    object,
    systemModstamp: null,
    lastId: null,
    initialLoadAt: null,
    loaded: 0,
    total: null,
    lastPulledAt: null,
    lastQueryAt: null,
    bulkJobId: null,
    bulkLocator: null,
    bulkStartedAt: null,
    bulkMaxModstamp: null,
    bulkMaxId: null,
    updatedAt: now,
  };
}

async function saveCursor(
  tx: TTransaction,
  object: TSyncObject,
  previous: TCursorRow | undefined,
  update: {
    cursor: TCursor | null;
    loadedDelta: number;
    total: number | null;
    finishedInitialLoad: boolean;
    now: number;
    queryAt: number;
  },
) {
  const values = {
    systemModstamp: update.cursor?.systemModstamp ?? null,
    lastId: update.cursor?.lastId ?? null,
    // Rows in the recycle bin count in totalSize but are never stored: a finished load is complete.
    loaded: previous?.initialLoadAt
      ? previous.loaded
      : update.finishedInitialLoad
        ? Math.max(update.total ?? 0, (previous?.loaded ?? 0) + update.loadedDelta)
        : (previous?.loaded ?? 0) + update.loadedDelta,
    // The first load's total stays as the record of that load; later pulls are incremental.
    total: previous?.initialLoadAt ? previous.total : update.total,
    initialLoadAt: previous?.initialLoadAt ?? (update.finishedInitialLoad ? update.now : null),
    lastPulledAt: update.now,
    lastQueryAt: update.queryAt,
    updatedAt: update.now,
  };
  await tx
    .insert(syncCursors)
    .values({ object, ...values })
    .onConflictDoUpdate({ target: syncCursors.object, set: values });
}

function addCounts(summary: TTickSummary, object: TSyncObject, counts: TObjectCounts) {
  const target = summary.pull[object] as TObjectCounts;
  target.created += counts.created;
  target.updated += counts.updated;
  target.deleted += counts.deleted;
  target.unchanged += counts.unchanged;
  if (object === "Lead") summary.pull.Lead.suppressed += counts.suppressed;
}
