import type { InStatement } from "@libsql/client";
import type { TDatabase } from "@/db/client";
import { toStatement } from "@/db/statements";
import { syncCursors } from "@/db/schema";
import type { SalesforceError } from "@/server/errors";
import type { SalesforcePort, TQueryPage } from "@/server/salesforce/port";
import { advanceCursor, buildPullQuery, parseCursor, type TCursor } from "../core/cursor";
import { advanceLoadProgress, chooseLoadMode, firstLoadTotal } from "../core/first-load";
import { PULL_ORDER } from "../core/pull-objects";
import type { TSyncObject } from "../core/sync-objects";
import type { TLease } from "../lease";
import type { TTickSummary } from "../tick-summary";
import { applyPulledPage, type TObjectCounts } from "./apply-page";
import { runBulkFirstLoad } from "./bulk-first-load";
import { pullFieldLists } from "./pull-field-lists";
import { checkOrgForPush } from "../push/org-push-info";

type TCursorRow = typeof syncCursors.$inferSelect;

export type TPullOptions = {
  now: () => number;
  deadline: number;
  overlapMs: number;
  summary: TTickSummary;
  lease: TLease;
};

/**
 * PULL-1/PULL-5: every object, incrementally. The first page of every object comes from ONE
 * composite call; later pages follow nextRecordsUrl. Each page commits with its cursor, behind the
 * tick's lease. Returns the error that broke the connection, if one did.
 */
export async function pullObjects(
  db: TDatabase,
  salesforce: SalesforcePort,
  options: TPullOptions,
): Promise<{ brokenConnection: SalesforceError | null }> {
  const { summary } = options;
  const rows = new Map((await db.select().from(syncCursors)).map((row) => [row.object, row]));
  const cursors = new Map<TSyncObject, TCursor | null>(
    PULL_ORDER.map((object) => [object, parseCursor(rows.get(object))]),
  );
  const queryAt = options.now();
  let fieldsOf = await pullFieldLists(db, salesforce.orgId);
  const firstPages = (objects: readonly TSyncObject[]) =>
    salesforce.compositeQueryAll(
      objects.map((object) => ({
        referenceId: object,
        soql: buildPullQuery(
          object,
          cursors.get(object) ?? null,
          rows.get(object)?.lastQueryAt ?? null,
          options.overlapMs,
          fieldsOf(object),
        ),
      })),
    );
  const outcomes = await firstPages(PULL_ORDER);
  // A mapped field deleted in Salesforce since the last describe: describe again and ask without it.
  const lostField = PULL_ORDER.filter((object) => {
    const outcome = outcomes.get(object);
    return outcome && !outcome.ok && outcome.error.salesforceCode === "INVALID_FIELD";
  });
  if (lostField.length > 0) {
    await checkOrgForPush(db, salesforce, options.now());
    fieldsOf = await pullFieldLists(db, salesforce.orgId);
    for (const [object, outcome] of await firstPages(lostField)) outcomes.set(object, outcome);
  }

  for (const object of PULL_ORDER) {
    const outcome = outcomes.get(object)!;
    try {
      if (!outcome.ok) throw outcome.error;
      options.lease.assertHeld();
      const row = rows.get(object);
      const load = chooseLoadMode({
        bulkJobRunning: Boolean(row?.bulkJobId),
        initialLoadDone: Boolean(row?.initialLoadAt),
        hasCursor: Boolean(cursors.get(object)),
        firstPage: outcome.page,
      });
      if (load.mode === "bulk") {
        const finished = await runBulkFirstLoad(db, salesforce, object, row, {
          ...options,
          queryAt,
          fields: fieldsOf(object),
          total: outcome.page.totalSize,
          addCounts: (counts) => addCounts(summary, object, counts),
        });
        if (!finished) summary.more = true;
        continue;
      }
      await pullPages(db, salesforce, object, outcome.page, {
        ...options,
        row,
        cursor: cursors.get(object) ?? null,
        queryAt,
      });
    } catch (error) {
      const failure = error as SalesforceError;
      // A lost lease or a database failure is not Salesforce's: the tick stops here.
      if (failure.name !== "SalesforceError") throw error;
      summary.ok = false;
      summary.failures = [
        ...(summary.failures ?? []),
        { object, code: failure.salesforceCode, message: failure.message },
      ];
      if (failure.connectionBroken) return { brokenConnection: failure };
      if (failure.retryable) summary.more = true;
    }
  }
  return { brokenConnection: null };
}

/** REST pages of one object, from the first (already fetched) to the last or the deadline. */
async function pullPages(
  db: TDatabase,
  salesforce: SalesforcePort,
  object: TSyncObject,
  firstPage: TQueryPage,
  options: TPullOptions & { row: TCursorRow | undefined; cursor: TCursor | null; queryAt: number },
) {
  let { row, cursor } = options;
  const initialLoad = !row?.initialLoadAt;
  const total = initialLoad ? firstLoadTotal(row ?? null, firstPage.totalSize) : null;
  let page = firstPage;
  for (;;) {
    const pageCursor = advanceCursor(cursor, page.records);
    // The next page downloads while this one is written, so the pull runs at the pace of the
    // slower of the two instead of their sum.
    const next =
      page.nextRecordsUrl && options.now() < options.deadline ? salesforce.queryMore(page.nextRecordsUrl) : null;
    next?.catch(() => undefined);
    const now = options.now();
    const previous = row;
    const counts = await applyPulledPage(
      db,
      { object, records: page.records, now, source: "pull", lease: options.lease },
      (pageCounts) => {
        const progress = advanceLoadProgress(previous ?? null, {
          fresh: pageCounts.fresh,
          total,
          finishedInitialLoad: initialLoad && page.done,
          now,
        });
        row = { ...(previous ?? emptyRow(object, now)), ...progress, lastPulledAt: now };
        return [saveCursorStatement(db, object, pageCursor, progress, { now, queryAt: options.queryAt })];
      },
    );
    addCounts(options.summary, object, counts);
    cursor = pageCursor;
    if (!next) {
      if (page.nextRecordsUrl) options.summary.more = true;
      return;
    }
    page = await next;
  }
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

function saveCursorStatement(
  db: TDatabase,
  object: TSyncObject,
  cursor: TCursor | null,
  progress: { loaded: number; total: number | null; initialLoadAt: number | null },
  at: { now: number; queryAt: number },
): InStatement {
  const values = {
    systemModstamp: cursor?.systemModstamp ?? null,
    lastId: cursor?.lastId ?? null,
    ...progress,
    lastPulledAt: at.now,
    lastQueryAt: at.queryAt,
    updatedAt: at.now,
  };
  return toStatement(
    db
      .insert(syncCursors)
      .values({ object, ...values })
      .onConflictDoUpdate({ target: syncCursors.object, set: values }),
  );
}

export function addCounts(summary: TTickSummary, object: TSyncObject, counts: TObjectCounts) {
  const target = summary.pull[object];
  target.created += counts.created;
  target.updated += counts.updated;
  target.deleted += counts.deleted;
  target.unchanged += counts.unchanged;
  if (object === "Lead") summary.pull.Lead.suppressed += counts.suppressed;
}
