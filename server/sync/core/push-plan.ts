import type { TPushOperation, TPushRecordType } from "./push-kinds";

/**
 * Push planning (DESIGN.md §3 Push): the order records go in, how they are packed into calls,
 * and what each answer means. Pure: no clock, no I/O; the applier in server/sync/push does both.
 */

/** Dependency order: a record's parents are in Salesforce before it is sent. */
export const PUSH_LEVELS: Record<TPushRecordType, number> = { account: 0, person: 1, opportunity: 2, activity: 3 };

/** sObject Collections take 200 records; a composite call carries five of them (one API call). */
export const RECORDS_PER_COLLECTION = 200;
export const COLLECTIONS_PER_CALL = 5;

/** Attempts before a push that keeps failing transiently is reported as undeliverable. */
export const MAX_PUSH_ATTEMPTS = 8;

export type TReadyItem = {
  outboxId: number;
  recordType: TPushRecordType;
  recordId: string;
  operation: TPushOperation;
  object: string;
  sfId: string | null;
  values: Record<string, unknown>;
  allowDuplicates: boolean;
};

export type TPlannedCollection<I extends TReadyItem = TReadyItem> = {
  referenceId: string;
  object: string;
  operation: "create" | "update" | "upsert";
  externalIdField?: string;
  allowSave: boolean;
  items: I[];
};

/**
 * Packs ready items into calls: one collection per object, operation and duplicate header, 200
 * records each, five collections a call. Creates of objects that carry the external Id field are
 * upserts by it (a retry finds the record instead of creating a second one); the others are plain
 * creates, which the applier reconciles by lookup after an unknown outcome.
 */
export function packCollections<I extends TReadyItem>(
  items: readonly I[],
  options: { externalIdField: string; externalIdObjects: ReadonlySet<string> },
): Array<Array<TPlannedCollection<I>>> {
  const groups = new Map<string, TPlannedCollection<I>[]>();
  for (const item of items) {
    const upsert = item.operation === "create" && options.externalIdObjects.has(item.object);
    const operation = item.operation === "update" ? "update" : upsert ? "upsert" : "create";
    const key = `${item.object}|${operation}|${item.allowDuplicates ? 1 : 0}`;
    const collections = groups.get(key) ?? [];
    groups.set(key, collections);
    let current = collections.at(-1);
    if (!current || current.items.length >= RECORDS_PER_COLLECTION) {
      current = {
        referenceId: "",
        object: item.object,
        operation,
        ...(upsert ? { externalIdField: options.externalIdField } : {}),
        allowSave: item.allowDuplicates,
        items: [],
      };
      collections.push(current);
    }
    current.items.push(item);
  }
  const all = [...groups.values()].flat();
  const calls: Array<Array<TPlannedCollection<I>>> = [];
  for (let start = 0; start < all.length; start += COLLECTIONS_PER_CALL) {
    calls.push(
      all
        .slice(start, start + COLLECTIONS_PER_CALL)
        .map((collection, index) => ({ ...collection, referenceId: `c${index}` })),
    );
  }
  return calls;
}

/** The body Salesforce receives for one item of a collection. */
export function collectionRecord(
  item: TReadyItem,
  collection: Pick<TPlannedCollection, "operation" | "externalIdField">,
): Record<string, unknown> {
  if (collection.operation === "update") return { ...item.values, id: item.sfId };
  if (collection.operation === "upsert" && collection.externalIdField)
    return { ...item.values, [collection.externalIdField]: item.recordId };
  return { ...item.values };
}

/** Codes whose retry can succeed without anyone changing anything. */
const TRANSIENT_CODES = new Set([
  "UNABLE_TO_LOCK_ROW",
  "SERVER_UNAVAILABLE",
  "UNKNOWN_EXCEPTION",
  "REQUEST_LIMIT_EXCEEDED",
  "INVALID_SESSION_ID",
  "TIMEOUT",
  "NETWORK",
  "QUERY_TIMEOUT",
  "TXN_SECURITY_METERING_ERROR",
]);

/** A whole call that failed this way may still have committed its writes: the outcome is unknown. */
const UNKNOWN_OUTCOME_CODES = new Set(["NETWORK", "TIMEOUT", "UNKNOWN_EXCEPTION", "HTTP_500", "HTTP_502", "HTTP_504"]);

export function isTransientPushCode(code: string): boolean {
  return TRANSIENT_CODES.has(code) || /^HTTP_5\d\d$/.test(code);
}

export function isUnknownOutcome(code: string): boolean {
  return UNKNOWN_OUTCOME_CODES.has(code);
}

/** Backoff after the n-th failed attempt (1-based): 30 s, 1, 2, 4, 8, 16, 32 min, then an hour. */
export function pushRetryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export type TItemError = { code: string; message: string; fields: string[] };

export type TItemDecision =
  | { kind: "pushed"; sfId: string }
  | { kind: "retry"; error: TItemError; attempts: number; delayMs: number }
  | { kind: "failed"; error: TItemError; attempts: number; undeliverable: boolean };

/**
 * What one record's answer means. Transient errors retry with backoff until MAX_PUSH_ATTEMPTS,
 * then the push is reported as undeliverable; any other error is permanent until someone fixes it.
 */
export function decideItem(
  result: { success: true; id: string } | { success: false; errors: readonly TItemError[] },
  attemptsBefore: number,
): TItemDecision {
  if (result.success) return { kind: "pushed", sfId: result.id };
  const attempts = attemptsBefore + 1;
  // allOrNone is false, so a rolled-back sibling error is never the real reason; skip it if present.
  const error = result.errors.find((e) => e.code !== "ALL_OR_NONE_OPERATION_ROLLED_BACK") ??
    result.errors[0] ?? { code: "UNKNOWN_EXCEPTION", message: "Salesforce gave no reason.", fields: [] };
  if (isTransientPushCode(error.code)) {
    if (attempts >= MAX_PUSH_ATTEMPTS) return { kind: "failed", error, attempts, undeliverable: true };
    return { kind: "retry", error, attempts, delayMs: pushRetryDelayMs(attempts) };
  }
  return { kind: "failed", error, attempts, undeliverable: false };
}

/** SOQL string literal: backslashes and quotes escaped, as Salesforce requires. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n").replace(/\r/g, "\\r")}'`;
}

/** Salesforce datetime literal (no quotes, no milliseconds). */
export function soqlDatetime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** How far before `sentAt` a reconciling lookup looks: clocks of two machines differ. */
export const RECONCILE_SLACK_MS = 10 * 60_000;

/**
 * The lookup that reconciles an unknown outcome of a create without the external Id field: the
 * same object created since just before it was sent, with the same natural key. Null when the
 * record has no key good enough to look up (then it is sent again).
 */
export function reconcileQuery(item: Pick<TReadyItem, "object" | "values">, sentAt: number): string | null {
  const v = item.values;
  const keys: Array<[string, unknown]> = [];
  switch (item.object) {
    case "Contact":
    case "Lead":
      keys.push(v.Email ? ["Email", v.Email] : ["LastName", v.LastName]);
      if (!v.Email && v.FirstName) keys.push(["FirstName", v.FirstName]);
      break;
    case "Account":
    case "Opportunity":
      keys.push(["Name", v.Name]);
      break;
    case "Task":
    case "Event":
      keys.push(["Subject", v.Subject]);
      if (v.WhoId) keys.push(["WhoId", v.WhoId]);
      if (v.WhatId) keys.push(["WhatId", v.WhatId]);
      break;
    case "ContentNote":
      keys.push(["Title", v.Title]);
      break;
    case "Note":
      keys.push(["Title", v.Title], ["ParentId", v.ParentId]);
      break;
    default:
      return null;
  }
  if (keys.some(([, value]) => typeof value !== "string" || value === "")) return null;
  const where = keys.map(([field, value]) => `${field} = ${soqlString(value as string)}`).join(" AND ");
  return `SELECT Id, CreatedDate FROM ${item.object} WHERE ${where} AND CreatedDate >= ${soqlDatetime(sentAt - RECONCILE_SLACK_MS)} ORDER BY CreatedDate, Id LIMIT 2`;
}

/** Objects whose unknown creates are looked up many at a time, by one key field. */
const BATCH_KEYS: Readonly<Record<string, string>> = { Contact: "Email", Lead: "Email", Account: "Name" };
/** Keys per lookup query: a URL of a few kilobytes. */
const KEYS_PER_LOOKUP = 100;

export type TLookupBatch<I> = { soql: string; object: string; keyField: string; items: I[] };

/**
 * Unknown creates of people (by email) and accounts (by name) looked up 100 to a query, instead
 * of one query each; the rest keep `reconcileQuery`. Each batch's records are matched back with
 * `matchLookup`.
 */
export function lookupBatches<I extends Pick<TReadyItem, "object" | "values"> & { sentAt: number }>(
  items: readonly I[],
): { batches: Array<TLookupBatch<I>>; single: I[] } {
  const single: I[] = [];
  const groups = new Map<string, I[]>();
  for (const item of items) {
    const keyField = BATCH_KEYS[item.object];
    const key = keyField ? item.values[keyField] : undefined;
    if (!keyField || typeof key !== "string" || key === "") {
      single.push(item);
      continue;
    }
    const group = groups.get(item.object) ?? [];
    group.push(item);
    groups.set(item.object, group);
  }
  const batches: Array<TLookupBatch<I>> = [];
  for (const [object, group] of groups) {
    const keyField = BATCH_KEYS[object]!;
    for (let start = 0; start < group.length; start += KEYS_PER_LOOKUP) {
      const slice = group.slice(start, start + KEYS_PER_LOOKUP);
      const keys = [...new Set(slice.map((item) => item.values[keyField] as string))];
      const since = Math.min(...slice.map((item) => item.sentAt)) - RECONCILE_SLACK_MS;
      batches.push({
        object,
        keyField,
        items: slice,
        soql: `SELECT Id, ${keyField}, CreatedDate FROM ${object} WHERE ${keyField} IN (${keys.map(soqlString).join(", ")}) AND CreatedDate >= ${soqlDatetime(since)} ORDER BY CreatedDate, Id`,
      });
    }
  }
  return { batches, single };
}

/**
 * Which record each item of a batch became: the earliest with its key created since just before
 * it was sent, each record claimed once (two Tandem records with one email are two creates).
 */
export function matchLookup<I extends Pick<TReadyItem, "values"> & { sentAt: number }>(
  batch: Pick<TLookupBatch<I>, "keyField" | "items">,
  records: ReadonlyArray<Record<string, unknown> & { Id: string }>,
): Map<I, string> {
  const normalize = (value: unknown) =>
    String(value ?? "")
      .trim()
      .toLowerCase();
  const claimed = new Set<string>();
  const matches = new Map<I, string>();
  for (const item of batch.items) {
    const key = normalize(item.values[batch.keyField]);
    const found = records.find(
      (record) =>
        !claimed.has(record.Id) &&
        normalize(record[batch.keyField]) === key &&
        Date.parse(String(record.CreatedDate)) >= item.sentAt - RECONCILE_SLACK_MS,
    );
    if (!found) continue;
    claimed.add(found.Id);
    matches.set(item, found.Id);
  }
  return matches;
}
