import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { outboundNotifications } from "@/db/schema";
import { toStatement } from "@/db/statements";
import type { SalesforceError } from "@/server/errors";
import { log } from "@/server/log";
import type { SalesforcePort } from "@/server/salesforce/port";
import { planNotificationRetry } from "../core/notification-retry";
import { pullFieldLists } from "../pull/pull-field-lists";
import { SYNC_OBJECTS, type TSyncObject } from "../core/sync-objects";
import { commitFenced, type TLease } from "../lease";
import { applyPulledPage, emptyCounts, type TObjectCounts } from "../pull/apply-page";

/** Notifications taken per round: a burst of outbound messages is applied together. */
const ROUND = 1000;

export type TOutboundOutcome = {
  applied: number;
  failed: number;
  counts: Partial<Record<TSyncObject, TObjectCounts>>;
  apiCalls: number;
  more: boolean;
  error?: string;
  brokenConnection?: SalesforceError;
};

/**
 * Second stage of an outbound message: bring the notified records up to date, under the tick's
 * lease. Salesforce sends only the fields the outbound message selects and omits nulls, so a
 * notification is "record X changed": the records are read back by Id, every object and every
 * 200 Ids packed into composite calls (a burst of notifications costs one or two calls, not one
 * each), and applied like a pull — a stale or out-of-order notification never rolls a record
 * back. A chunk Salesforce refuses is retried with backoff and finally marked `failed` with the
 * reason; it never holds the others back. Rounds repeat while notifications keep arriving.
 */
export async function applyPendingNotifications(
  db: TDatabase,
  salesforce: SalesforcePort,
  options: { now: () => number; lease: TLease; deadline: number },
): Promise<TOutboundOutcome> {
  const outcome: TOutboundOutcome = { applied: 0, failed: 0, counts: {}, apiCalls: 0, more: false };
  const callsBefore = salesforce.apiCalls;
  const started = performance.now();
  let taken = 0;
  try {
    for (;;) {
      const due = await db
        .select()
        .from(outboundNotifications)
        .where(
          and(
            eq(outboundNotifications.status, "pending"),
            or(isNull(outboundNotifications.nextAttemptAt), lte(outboundNotifications.nextAttemptAt, options.now())),
          ),
        )
        .orderBy(asc(outboundNotifications.receivedAt))
        .limit(ROUND);
      if (due.length === 0) break;
      if (options.now() >= options.deadline) {
        outcome.more = true;
        break;
      }
      taken += due.length;
      const broken = await applyRound(db, salesforce, due, options, outcome);
      if (broken) {
        outcome.brokenConnection = broken;
        break;
      }
      if (due.length < ROUND) break;
    }
  } finally {
    outcome.apiCalls = salesforce.apiCalls - callsBefore;
  }
  if (taken > 0) {
    log.info("outbound.applied", {
      tickId: options.lease.holder,
      orgId: salesforce.orgId,
      notifications: taken,
      applied: outcome.applied,
      failed: outcome.failed,
      retrying: Math.max(0, taken - outcome.applied - outcome.failed),
      apiCalls: outcome.apiCalls,
      more: outcome.more,
      ...(outcome.brokenConnection ? { errorCode: outcome.brokenConnection.salesforceCode } : {}),
      durationMs: Math.round(performance.now() - started),
    });
  }
  return outcome;
}

async function applyRound(
  db: TDatabase,
  salesforce: SalesforcePort,
  due: Array<typeof outboundNotifications.$inferSelect>,
  options: { now: () => number; lease: TLease },
  outcome: TOutboundOutcome,
): Promise<SalesforceError | null> {
  const synced = due.filter((row): row is typeof row & { object: TSyncObject } =>
    (SYNC_OBJECTS as readonly string[]).includes(row.object),
  );
  const objects = [...new Set(synced.map((row) => row.object))];
  const fieldsOf = await pullFieldLists(db, salesforce.orgId);
  const chunks = await salesforce.queryAllByIds(
    objects.map((object) => ({
      object,
      fields: fieldsOf(object),
      ids: [...new Set(synced.filter((row) => row.object === object).map((row) => row.sfId))],
    })),
  );
  for (const chunk of chunks) {
    const object = chunk.object as TSyncObject;
    const ids = new Set(chunk.ids);
    const notifications = synced.filter((row) => row.object === object && ids.has(row.sfId));
    const notificationIds = notifications.map((row) => row.notificationId);
    if (!chunk.outcome.ok) {
      const error = chunk.outcome.error;
      if (error.connectionBroken) return error;
      outcome.failed += await recordFailedAttempt(db, options, notifications, error);
      outcome.error = error.message;
      continue;
    }
    const now = options.now();
    const counts = await applyPulledPage(
      db,
      { object, records: chunk.outcome.page.records, now, source: "outbound", lease: options.lease },
      () => [
        toStatement(
          db
            .update(outboundNotifications)
            .set({ status: "applied", appliedAt: now, error: null, nextAttemptAt: null })
            .where(inArray(outboundNotifications.notificationId, notificationIds)),
        ),
      ],
    );
    const total = (outcome.counts[object] ??= emptyCounts());
    for (const key of Object.keys(total) as Array<keyof TObjectCounts>) total[key] += counts[key];
    outcome.applied += notificationIds.length;
  }
  return null;
}

/** Each notification of a refused chunk gets another attempt later, or its final `failed` state. */
async function recordFailedAttempt(
  db: TDatabase,
  options: { now: () => number; lease: TLease },
  notifications: Array<typeof outboundNotifications.$inferSelect>,
  error: SalesforceError,
): Promise<number> {
  const now = options.now();
  let failed = 0;
  const statements = notifications.map((row) => {
    const retry = planNotificationRetry({ attempts: row.attempts, retryable: error.retryable, now });
    const reason = `${error.message} (${error.salesforceCode})`;
    if (retry.status === "failed") failed += 1;
    return toStatement(
      db
        .update(outboundNotifications)
        .set({
          attempts: retry.attempts,
          status: retry.status,
          nextAttemptAt: retry.nextAttemptAt,
          error: retry.status === "failed" ? `Gave up after ${retry.attempts} attempts: ${reason}` : reason,
        })
        .where(eq(outboundNotifications.notificationId, row.notificationId)),
    );
  });
  if (statements.length > 0) await commitFenced(db, options.lease, statements);
  return failed;
}
