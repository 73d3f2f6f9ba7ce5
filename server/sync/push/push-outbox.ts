import type { InStatement } from "@libsql/client";
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { pushErrors, pushOutbox } from "@/db/schema";
import { isSalesforceError, type SalesforceError } from "@/server/errors";
import type { SalesforcePort, TSaveOutcome } from "@/server/salesforce/port";
import { readSetting } from "@/server/settings/settings-store";
import type { TPushSettings } from "@/server/settings/setting-keys";
import {
  collectionRecord,
  decideItem,
  isUnknownOutcome,
  lookupBatches,
  matchLookup,
  packCollections,
  pushRetryDelayMs,
  reconcileQuery,
  type TPlannedCollection,
} from "../core/push-plan";
import { PUSH_KINDS, PUSH_RECORD_TYPES, type TPushKind } from "../core/push-kinds";
import { commitFenced, type TLease } from "../lease";
import { selectInChunks } from "../pull/select-in-chunks";
import { ensureOrgPushInfo, TANDEM_ID_FIELD } from "./org-push-info";
import { logPushBatches, type TBatchTally } from "./log-push-batch";
import { loadLevel, noteLinkBody, type TOutboxRow, type TPushItem } from "./push-records";
import { skippedFieldStatements } from "./field-write-results";
import {
  failureStatements,
  nothingLeftStatements,
  reopenStatements,
  sendingStatement,
  successBatchStatements,
  successStatements,
} from "./push-results";

export type TPushObjectCounts = { created: number; updated: number; failed: number };

export type TPushRunResult = {
  counts: Record<string, TPushObjectCounts>;
  /** Work left (the deadline came, or an unknown outcome waits for the next tick's lookup). */
  more: boolean;
  brokenConnection: SalesforceError | null;
  /** A failure of the run itself, in words (the Sync page shows it). */
  error: { code: string; message: string } | null;
};

export type TPushOptions = {
  lease: TLease;
  now: () => number;
  deadline: number;
  /** A call whose answer takes longer has an unknown outcome. */
  timeoutMs?: number;
  /** Rows per level read at once: five collections of 200 make one call. */
  chunk?: number;
};

/** Duplicate details cost a call each: at most this many per run. */
const DUPLICATE_LOOKUPS_PER_RUN = 10;

export function enabledKinds(settings: TPushSettings): TPushKind[] {
  return PUSH_KINDS.filter((kind) => settings[kind].enabled);
}

/** Rows that may go: of a kind an admin switched on, or a one-off a rep confirmed (MAP-5). */
export function sendable(kinds: readonly TPushKind[]) {
  const oneOff = eq(pushOutbox.oneOff, true);
  return kinds.length ? or(inArray(pushOutbox.kind, kinds), oneOff)! : oneOff;
}

/**
 * Pushes what the outbox holds for the kinds an admin switched on (PUSH-1), in dependency order,
 * packed into sObject Collections five to a composite call (PUSH-2). Every request is preceded by
 * a fenced commit marking its rows `sending` and followed by one storing the results, so a crash
 * in between leaves rows whose outcome is unknown: the next run upserts them again by Tandem_Id__c
 * or, without that field, looks them up before sending them again.
 */
export async function pushOutboxRows(
  db: TDatabase,
  salesforce: SalesforcePort,
  options: TPushOptions,
): Promise<TPushRunResult> {
  const result: TPushRunResult = { counts: {}, more: false, brokenConnection: null, error: null };
  const kinds = enabledKinds(await readSetting(db, "push.settings"));
  const work = await db
    .select({ id: pushOutbox.id })
    .from(pushOutbox)
    .where(and(sendable(kinds), inArray(pushOutbox.state, ["pending", "sending"])))
    .limit(1);
  if (work.length === 0) return result;

  try {
    const run = await startRun(db, salesforce, options, result);
    if (!(await reconcileUnknown(run, kinds))) return result;
    for (const recordType of PUSH_RECORD_TYPES) {
      if (!(await pushLevel(run, kinds, recordType))) break;
    }
  } catch (error) {
    if (!isSalesforceError(error)) throw error;
    if (error.connectionBroken) result.brokenConnection = error;
    else result.error = { code: error.salesforceCode, message: error.message };
    result.more = true;
  }
  return result;
}

/**
 * Settles unknown outcomes before anything else in a tick: a pull or an outbound message bringing
 * back a record Tandem created must find it linked, not create it a second time (PUSH-2).
 */
export async function reconcilePushOutcomes(
  db: TDatabase,
  salesforce: SalesforcePort,
  options: TPushOptions,
): Promise<TPushRunResult> {
  const result: TPushRunResult = { counts: {}, more: false, brokenConnection: null, error: null };
  const sending = await db
    .select({ id: pushOutbox.id })
    .from(pushOutbox)
    .where(eq(pushOutbox.state, "sending"))
    .limit(1);
  if (sending.length === 0) return result;
  const kinds = enabledKinds(await readSetting(db, "push.settings"));
  try {
    await reconcileUnknown(await startRun(db, salesforce, options, result), kinds);
  } catch (error) {
    if (!isSalesforceError(error)) throw error;
    if (error.connectionBroken) result.brokenConnection = error;
    else result.error = { code: error.salesforceCode, message: error.message };
    result.more = true;
  }
  return result;
}

/** A push run's state: the org's facts (checked again when a day old) and what it has done. */
async function startRun(
  db: TDatabase,
  salesforce: SalesforcePort,
  options: TPushOptions,
  result: TPushRunResult,
): Promise<TRun> {
  const info = await ensureOrgPushInfo(db, salesforce, options.now());
  return {
    db,
    salesforce,
    options,
    result,
    externalIdObjects: new Set(info.tandemIdObjects),
    enhancedNotes: info.enhancedNotes,
    knownFields: knownFieldsOf(info.mappableFields),
    duplicateLookups: 0,
    anyOpenErrors: await hasOpenErrors(db),
  };
}

type TRun = {
  db: TDatabase;
  salesforce: SalesforcePort;
  options: TPushOptions;
  result: TPushRunResult;
  externalIdObjects: Set<string>;
  enhancedNotes: boolean;
  /** The org's text-like fields per object: a mapped value for a field it lost is skipped. */
  knownFields: (object: string) => ReadonlySet<string> | null;
  duplicateLookups: number;
  /** Whether any push error was open when the run began (else no success needs to resolve one). */
  anyOpenErrors: boolean;
};

function knownFieldsOf(fields: Record<string, Array<{ name: string }>> | undefined) {
  const byObject = new Map(
    Object.entries(fields ?? {}).map(([object, list]) => [object, new Set(list.map((f) => f.name.toLowerCase()))]),
  );
  return (object: string) => byObject.get(object) ?? null;
}

function count(run: TRun, object: string, key: keyof TPushObjectCounts) {
  const counts = (run.result.counts[object] ??= { created: 0, updated: 0, failed: 0 });
  counts[key] += 1;
}

const pastDeadline = (run: TRun) => run.options.now() >= run.options.deadline;

/**
 * Rows left `sending` by a run that died or lost its answer. Updates and upserts are safe to send
 * again; plain creates are first looked up (same natural key, created since just before sending):
 * found, they are linked; not found, they go again. Returns false when the run must stop.
 */
async function reconcileUnknown(run: TRun, kinds: TPushKind[]): Promise<boolean> {
  const { db, options } = run;
  const rows = await db
    .select()
    .from(pushOutbox)
    .where(and(eq(pushOutbox.state, "sending"), sendable(kinds)))
    .orderBy(asc(pushOutbox.id))
    .limit(1000);
  if (rows.length === 0) return true;
  const now = options.now();
  const toLookUp: Array<TPushItem & { sentAt: number }> = [];
  const again: number[] = [];
  const resend: TPushItem[] = [];
  for (const recordType of PUSH_RECORD_TYPES) {
    const levelRows = rows.filter((row) => row.recordType === recordType);
    if (levelRows.length === 0) continue;
    const level = await loadLevel(db, recordType, levelRows, {
      enhancedNotes: run.enhancedNotes,
      knownFields: run.knownFields,
    });
    again.push(...level.waiting.map((w) => w.row.id), ...level.gone.map((row) => row.id));
    for (const item of level.ready) {
      const needsLookup =
        item.operation === "create" && !run.externalIdObjects.has(item.object) && item.object !== "ContentDocumentLink";
      if (needsLookup) toLookUp.push({ ...item, sentAt: item.row.sentAt ?? now });
      // Upserts by Tandem_Id__c and updates are safe to repeat: sent again at once, before any pull.
      else resend.push(item);
    }
  }
  const statements: InStatement[] = [];
  const found = (item: TPushItem, sfId: string | null) => {
    if (!sfId) {
      again.push(item.outboxId);
      return;
    }
    statements.push(...successStatements(item, sfId, now, { hadOpenError: false }));
    count(run, item.object, "created");
  };
  // People by email and accounts by name, 100 to a query; other objects one query each.
  type TFound = Array<{ Id: string } & Record<string, unknown>>;
  const { batches, single } = lookupBatches(toLookUp);
  const queries: Array<{ soql: string; settle: (records: TFound) => void }> = [
    ...batches.map((batch) => ({
      soql: batch.soql,
      settle: (records: TFound) => {
        const matches = matchLookup(batch, records);
        for (const item of batch.items) found(item, matches.get(item) ?? null);
      },
    })),
    ...single.flatMap((item) => {
      const soql = reconcileQuery(item, item.sentAt);
      if (!soql) {
        again.push(item.outboxId);
        return [];
      }
      return [{ soql, settle: (records: TFound) => found(item, records[0]?.Id ?? null) }];
    }),
  ];
  for (let start = 0; start < queries.length; start += 5) {
    const group = queries.slice(start, start + 5);
    const outcomes = await run.salesforce.compositeQueryAll(
      group.map((query, index) => ({ referenceId: `r${index}`, soql: query.soql })),
    );
    group.forEach((query, index) => {
      const outcome = outcomes.get(`r${index}`);
      // A lookup that failed keeps its rows unknown: the next run looks again.
      if (outcome?.ok) query.settle(outcome.page.records);
    });
  }
  if (again.length > 0)
    statements.push(
      ...reopenStatements(again, now, { state: "pending", attempts: "same", nextAttemptAt: null, code: null }),
    );
  if (statements.length > 0) await commitFenced(db, options.lease, statements);
  // In dependency order (loadLevel ran per level), so a parent settles before its children go.
  if (resend.length > 0 && !(await sendItems(run, resend))) return false;
  return !pastDeadline(run);
}

/** One dependency level: every eligible row, read and sent a chunk at a time. */
async function pushLevel(run: TRun, kinds: TPushKind[], recordType: TOutboxRow["recordType"]): Promise<boolean> {
  const { db, options } = run;
  const now = options.now();
  const chunk = options.chunk ?? 1000;
  const due = and(
    eq(pushOutbox.state, "pending"),
    eq(pushOutbox.recordType, recordType),
    sendable(kinds),
    or(isNull(pushOutbox.nextAttemptAt), lte(pushOutbox.nextAttemptAt, now)),
  );
  // Rows whose earlier push is still unknown (a lookup failed) wait for it; usually there are none.
  const unsettled =
    (
      await db
        .select({ id: pushOutbox.id })
        .from(pushOutbox)
        .where(and(eq(pushOutbox.recordType, recordType), eq(pushOutbox.state, "sending")))
        .limit(1)
    ).length > 0;
  // Keyset pages in send order (a rep's own work first): rows left waiting are not read again.
  let after: { priority: number; id: number } | null = null;
  for (;;) {
    if (pastDeadline(run)) {
      run.result.more = true;
      return false;
    }
    const cursor: { priority: number; id: number } | null = after;
    const rows: TOutboxRow[] = await db
      .select()
      .from(pushOutbox)
      .where(
        cursor
          ? and(
              due,
              or(
                lt(pushOutbox.priority, cursor.priority),
                and(eq(pushOutbox.priority, cursor.priority), gt(pushOutbox.id, cursor.id)),
              ),
            )
          : due,
      )
      .orderBy(desc(pushOutbox.priority), asc(pushOutbox.id))
      .limit(chunk);
    if (rows.length === 0) return true;
    const last: TOutboxRow = rows.at(-1)!;
    after = { priority: last.priority, id: last.id };
    const inFlight = new Set(
      unsettled
        ? (
            await selectInChunks(
              rows.map((row) => row.recordId),
              (ids) =>
                db
                  .select({ recordId: pushOutbox.recordId })
                  .from(pushOutbox)
                  .where(
                    and(
                      eq(pushOutbox.recordType, recordType),
                      inArray(pushOutbox.recordId, ids),
                      eq(pushOutbox.state, "sending"),
                    ),
                  ),
            )
          ).map((row) => row.recordId)
        : [],
    );
    const level = await loadLevel(
      db,
      recordType,
      rows.filter((row) => !inFlight.has(row.recordId)),
      { enhancedNotes: run.enhancedNotes, knownFields: run.knownFields },
    );
    // An update left with nothing to send (its only values were for fields the org lost) ends here.
    const empty = level.ready.filter(
      (item) => item.operation === "update" && Object.keys(item.values).length === 0 && item.row.fieldValues,
    );
    const ready = level.ready.filter((item) => !empty.includes(item));
    const settle: InStatement[] = [
      ...level.waiting.map(({ row, waitingOn }) => ({
        sql: `UPDATE push_outbox SET waiting_on = ?, updated_at = ? WHERE id = ?`,
        args: [waitingOn, now, row.id],
      })),
      ...level.gone.map((row) => ({
        sql: `UPDATE push_outbox SET state = 'cancelled', waiting_on = 'The record is no longer in Tandem.', updated_at = ? WHERE id = ?`,
        args: [now, row.id],
      })),
      ...skippedFieldStatements(level.skippedFields, now),
      ...empty.flatMap((item) => nothingLeftStatements(item, now)),
    ];
    if (settle.length > 0) await commitFenced(db, options.lease, settle);
    if (!(await sendItems(run, ready))) return false;
    if (rows.length < chunk) return true;
  }
}

/** Sends ready items call by call; returns false when the run must stop. */
async function sendItems(run: TRun, items: TPushItem[]): Promise<boolean> {
  const calls = packCollections(items, { externalIdField: TANDEM_ID_FIELD, externalIdObjects: run.externalIdObjects });
  for (const call of calls) {
    if (pastDeadline(run)) {
      run.result.more = true;
      return false;
    }
    const linked = await sendCall(run, call);
    if (linked === null) return false;
    // Enhanced notes created just now are attached in a call of their own.
    if (linked.length > 0 && !(await sendItems(run, linked))) return false;
  }
  return true;
}

/**
 * One composite call: mark sending, send, store the outcome. Returns the note links to send
 * next, or null when the run must stop (unknown outcome, broken connection).
 */
async function sendCall(run: TRun, collections: Array<TPlannedCollection<TPushItem>>): Promise<TPushItem[] | null> {
  const { db, salesforce, options } = run;
  const items = collections.flatMap((collection) => collection.items);
  const ids = items.map((item) => item.outboxId);
  const started = performance.now();
  await commitFenced(db, options.lease, [sendingStatement(ids, options.now())]);
  let outcomes: Map<string, TSaveOutcome>;
  try {
    outcomes = await salesforce.saveCollections(
      collections.map((collection) => ({
        referenceId: collection.referenceId,
        object: collection.object,
        operation: collection.operation,
        ...(collection.externalIdField ? { externalIdField: collection.externalIdField } : {}),
        allowSave: collection.allowSave,
        records: collection.items.map((item) => collectionRecord(item, collection)),
      })),
      options.timeoutMs === undefined ? undefined : { timeoutMs: options.timeoutMs },
    );
  } catch (error) {
    if (!isSalesforceError(error)) throw error;
    const next = await callFailed(run, items, error);
    logPushBatches(options.lease.holder, collections, { durationMs: performance.now() - started, error });
    return next;
  }
  const now = options.now();
  const openErrors = run.anyOpenErrors ? await recordsWithOpenErrors(db, items) : new Set<string>();
  const statements: InStatement[] = [];
  const links: TPushItem[] = [];
  const successes: Array<{ item: TPushItem; sfId: string }> = [];
  const tallies: TBatchTally[] = [];
  for (const collection of collections) {
    const before = { created: 0, updated: 0, failed: 0, ...run.result.counts[collection.object] };
    const outcome = outcomes.get(collection.referenceId);
    collection.items.forEach((item, index) => {
      const answer: Parameters<typeof decideItem>[0] = !outcome
        ? { success: false, errors: [{ code: "UNKNOWN_EXCEPTION", message: "Salesforce did not answer.", fields: [] }] }
        : outcome.ok
          ? (outcome.results[index] ?? {
              success: false,
              errors: [{ code: "UNKNOWN_EXCEPTION", message: "Salesforce answered fewer records.", fields: [] }],
            })
          : {
              success: false,
              errors: [{ code: outcome.error.salesforceCode, message: outcome.error.message, fields: [] }],
            };
      statements.push(...settleItem(run, item, answer, now, openErrors, links, successes));
    });
    const after = run.result.counts[collection.object] ?? before;
    tallies.push({
      created: after.created - before.created,
      updated: after.updated - before.updated,
      failed: after.failed - before.failed,
    });
  }
  if (successes.length > 0) statements.push(...successBatchStatements(successes, now, openErrors));
  await withDuplicateDetails(run, statements, now);
  await commitFenced(db, options.lease, statements);
  logPushBatches(options.lease.holder, collections, { durationMs: performance.now() - started, tallies });
  return links;
}

async function hasOpenErrors(db: TDatabase): Promise<boolean> {
  const rows = await db
    .select({ id: pushErrors.id })
    .from(pushErrors)
    .where(inArray(pushErrors.state, ["open", "retrying"]))
    .limit(1);
  return rows.length > 0;
}

/** Items whose record has an open error, so a success can say it is resolved. */
async function recordsWithOpenErrors(db: TDatabase, items: readonly TPushItem[]): Promise<Set<string>> {
  const rows = await selectInChunks(
    items.map((item) => item.recordId),
    (ids) =>
      db
        .select({ recordId: pushErrors.recordId })
        .from(pushErrors)
        .where(and(inArray(pushErrors.recordId, ids), inArray(pushErrors.state, ["open", "retrying"]))),
  );
  return new Set(rows.map((row) => row.recordId));
}

function settleItem(
  run: TRun,
  item: TPushItem,
  answer: Parameters<typeof decideItem>[0],
  now: number,
  openErrors: Set<string>,
  links: TPushItem[],
  successes: Array<{ item: TPushItem; sfId: string }>,
): InStatement[] {
  const decision = decideItem(answer, item.row.attempts);
  if (decision.kind === "pushed") {
    count(run, item.object, item.operation === "create" ? "created" : "updated");
    if (item.object === "ContentNote") links.push({ ...item, ...linkOf(item, decision.sfId) });
    if (item.recordType === "activity")
      return successStatements(item, decision.sfId, now, { hadOpenError: openErrors.has(item.recordId) });
    // CRM records are written together, a few statements per call (successBatchStatements).
    successes.push({ item, sfId: decision.sfId });
    return [];
  }
  if (decision.kind === "failed") count(run, item.object, "failed");
  if (decision.error.code === "DUPLICATES_DETECTED" && decision.kind === "failed") {
    return markDuplicate(item, decision.attempts, now);
  }
  return failureStatements(item, decision, now);
}

function linkOf(item: TPushItem, noteSfId: string): Partial<TPushItem> {
  const body = noteLinkBody(noteSfId, item.noteParentSfId);
  return body.ready ? { object: body.object, values: body.values, operation: "create", sfId: null } : {};
}

/** A placeholder for a duplicate's statements, replaced once Salesforce's matches are known. */
function markDuplicate(item: TPushItem, attempts: number, now: number): InStatement[] {
  const marker: InStatement = { sql: "SELECT 1", args: [] };
  duplicateMarkers.set(marker, { item, attempts, now });
  return [marker];
}

const duplicateMarkers = new WeakMap<object, { item: TPushItem; attempts: number; now: number }>();

/**
 * Collections report DUPLICATES_DETECTED without the matching records; a single create per item
 * (refused again, so nothing is written) asks Salesforce for them, for the error log's links.
 */
async function withDuplicateDetails(run: TRun, statements: InStatement[], now: number): Promise<void> {
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index]!;
    const marked = typeof statement === "object" ? duplicateMarkers.get(statement) : undefined;
    if (!marked) continue;
    const { item, attempts } = marked;
    let replacement: InStatement[];
    const error = { code: "DUPLICATES_DETECTED", message: "Use one of these records?", fields: [] as string[] };
    if (run.duplicateLookups >= DUPLICATE_LOOKUPS_PER_RUN || item.operation !== "create") {
      replacement = failureStatements(item, { kind: "failed", error, attempts, undeliverable: false }, now);
    } else {
      run.duplicateLookups += 1;
      const record = collectionRecord(item, { operation: "create" });
      if (run.externalIdObjects.has(item.object)) record[TANDEM_ID_FIELD] = item.recordId;
      const found = await run.salesforce.findDuplicates(item.object, record).catch(() => null);
      if (found && "createdId" in found) {
        // The rule no longer matched: the create went through, which is the push's purpose.
        const counts = run.result.counts[item.object];
        if (counts) counts.failed -= 1;
        count(run, item.object, "created");
        replacement = successStatements(item, found.createdId, now, { hadOpenError: false });
      } else {
        replacement = failureStatements(
          item,
          {
            kind: "failed",
            error: { ...error, message: found ? "A duplicate rule matched existing records." : error.message },
            attempts,
            undeliverable: false,
          },
          now,
          found ? found.records : null,
        );
      }
    }
    statements.splice(index, 1, ...replacement);
    index += replacement.length - 1;
  }
}

/**
 * A call that failed as a whole. Unknown outcome (timeout, dropped connection, 500): the rows stay
 * `sending` and the next run reconciles them. Refused before processing (503, lock, limit): they go
 * back to pending with backoff. A broken connection stops the tick.
 */
async function callFailed(run: TRun, items: TPushItem[], error: SalesforceError): Promise<null | TPushItem[]> {
  const { db, options, result } = run;
  const now = options.now();
  const ids = items.map((item) => item.outboxId);
  result.more = true;
  if (error.connectionBroken) {
    await commitFenced(
      db,
      options.lease,
      reopenStatements(ids, now, { state: "pending", attempts: "same", nextAttemptAt: null, code: null }),
    );
    result.brokenConnection = error;
    return null;
  }
  if (isUnknownOutcome(error.salesforceCode)) {
    result.error = { code: error.salesforceCode, message: error.message };
    return null;
  }
  if (error.retryable) {
    const attempts = Math.max(...items.map((item) => item.row.attempts)) + 1;
    await commitFenced(
      db,
      options.lease,
      reopenStatements(ids, now, {
        state: "pending",
        attempts: "+1",
        nextAttemptAt: now + pushRetryDelayMs(attempts),
        code: error.salesforceCode,
      }),
    );
    result.error = { code: error.salesforceCode, message: error.message };
    return null;
  }
  // Refused for good (e.g. the object is not available to the user): each record carries the error.
  const statements = items.flatMap((item) =>
    failureStatements(
      item,
      {
        kind: "failed",
        error: { code: error.salesforceCode, message: error.message, fields: [] },
        attempts: item.row.attempts + 1,
        undeliverable: false,
      },
      now,
    ),
  );
  for (const item of items) count(run, item.object, "failed");
  await commitFenced(db, options.lease, statements);
  return [];
}
