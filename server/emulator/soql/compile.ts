import { parseQuery } from "@jetstreamapp/soql-parser-js";
import { SfError } from "../org/errors";
import type { Rec, Store, Table } from "../org/store";
import { queryError } from "./query-error";
import { findChildRelationship } from "./children";
import { resolvePath, valueAt, type FieldPath } from "./paths";
import { comparable, compileWhere, type Predicate } from "./where";

const MAX_OFFSET = 2000;

/** A parent-to-child subquery: `(SELECT … FROM Contacts)` on Account. */
export interface ChildQuery {
  relationshipName: string;
  /** The child's lookup to the parent (Contact.AccountId for Contacts). */
  lookupField: string;
  plan: QueryPlan;
}

export type SelectItem = { kind: "field"; path: FieldPath } | { kind: "child"; child: ChildQuery };

export interface QueryPlan {
  table: Table;
  soql: string;
  countOnly: boolean;
  /** Plain and parent fields only (what Bulk API 2.0 can return). */
  select: FieldPath[];
  /** Everything selected, in order, subqueries included. */
  items: SelectItem[];
  predicate: Predicate | null;
  fromStamp: number;
  sort: ((a: Rec, b: Rec) => number) | null;
  limit: number | null;
  offset: number;
}

interface ParsedField {
  type: string;
  field?: string;
  relationships?: string[];
  functionName?: string;
  parameters?: unknown[];
  subquery?: ParsedQuery & { relationshipName?: string };
}
interface ParsedQuery {
  fields?: ParsedField[];
  sObject?: string;
  where?: unknown;
  orderBy?: ParsedOrderBy | ParsedOrderBy[];
  limit?: number;
  offset?: number;
  groupBy?: unknown;
  having?: unknown;
}
interface ParsedOrderBy {
  field?: string;
  fn?: unknown;
  order?: string;
  nulls?: string;
}

export function compileQuery(store: Store, soql: string, now: number): QueryPlan {
  if (!soql.trim()) throw new SfError(400, "MALFORMED_QUERY", "SOQL statement cannot be empty");
  let parsed: ReturnType<typeof parseQuery>;
  try {
    parsed = parseQuery(soql);
  } catch (err) {
    throw malformed(soql, err);
  }
  const q = parsed as unknown as ParsedQuery;
  const table = q.sObject ? store.table(q.sObject) : undefined;
  if (!q.sObject || !table) {
    throw queryError(
      soql,
      q.sObject ?? "FROM",
      "INVALID_TYPE",
      `sObject type '${q.sObject ?? ""}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  return compileParsed(store, table, q, soql, now, true);
}

/**
 * A semi-join or anti-join (`Id IN (SELECT AccountId FROM Contact …)`): the inner query selects
 * one Id or lookup field; its values, read now, form the list.
 */
export function semiJoinValues(store: Store, inner: unknown, soql: string, now: number): Set<string> {
  const q = inner as ParsedQuery;
  const table = q.sObject ? store.table(q.sObject) : undefined;
  if (!q.sObject || !table) {
    throw queryError(
      soql,
      q.sObject ?? "SELECT",
      "INVALID_TYPE",
      `sObject type '${q.sObject ?? ""}' is not supported.`,
    );
  }
  const plan = compileParsed(store, table, q, soql, now, false);
  const only = plan.items.length === 1 ? plan.items[0] : undefined;
  if (only?.kind !== "field" || (only.path.field.type !== "id" && only.path.field.type !== "reference")) {
    throw queryError(
      soql,
      q.sObject,
      "MALFORMED_QUERY",
      "The selected field in a semi join subquery must be an Id or a reference field",
    );
  }
  const out = new Set<string>();
  for (const rec of execute(store, plan, false)) {
    const v = valueAt(store, rec, only.path);
    if (typeof v === "string") out.add(v.toLowerCase());
  }
  return out;
}

function compileParsed(
  store: Store,
  table: Table,
  q: ParsedQuery,
  soql: string,
  now: number,
  topLevel: boolean,
): QueryPlan {
  if (q.groupBy || q.having)
    throw queryError(soql, "GROUP", "MALFORMED_QUERY", "GROUP BY and HAVING are not supported by this org");
  const fields = q.fields ?? [];
  const items: SelectItem[] = [];
  let countOnly = false;
  for (const f of fields) {
    if (f.type === "Field" && f.field) items.push({ kind: "field", path: resolvePath(store, table, f.field, soql) });
    else if (f.type === "FieldRelationship" && f.field)
      items.push({
        kind: "field",
        path: resolvePath(store, table, [...(f.relationships ?? []), f.field].join("."), soql),
      });
    else if (
      f.type === "FieldFunctionExpression" &&
      f.functionName?.toUpperCase() === "COUNT" &&
      (f.parameters ?? []).length === 0 &&
      topLevel
    )
      countOnly = true;
    else if (f.type === "FieldSubquery" && f.subquery && topLevel) {
      const rel = f.subquery.relationshipName ?? "";
      const found = findChildRelationship(store, table, rel);
      if (!found) {
        throw queryError(
          soql,
          rel,
          "INVALID_TYPE",
          `Didn't understand relationship '${rel}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
        );
      }
      const plan = compileParsed(store, found.table, f.subquery, soql, now, false);
      items.push({
        kind: "child",
        child: { relationshipName: found.relationshipName, lookupField: found.lookupField, plan },
      });
    } else {
      throw queryError(
        soql,
        f.functionName ?? "SELECT",
        "MALFORMED_QUERY",
        "Aggregate and function fields other than COUNT() are not supported by this org",
      );
    }
  }
  const select = items.flatMap((i) => (i.kind === "field" ? [i.path] : []));
  if (countOnly && items.length > 0) {
    throw queryError(soql, "COUNT", "MALFORMED_QUERY", "COUNT() and fields may not be combined: use COUNT() alone");
  }
  let predicate: Predicate | null = null;
  let fromStamp = -Infinity;
  if (q.where) {
    const compiled = compileWhere(q.where as never, { store, table, soql, now });
    predicate = compiled.predicate;
    fromStamp = compiled.fromStamp;
  }
  if ((q.offset ?? 0) > MAX_OFFSET) {
    throw queryError(soql, "OFFSET", "NUMBER_OUTSIDE_VALID_RANGE", `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
  }
  const orderBy = q.orderBy === undefined ? [] : Array.isArray(q.orderBy) ? q.orderBy : [q.orderBy];
  const sort = compileOrder(store, table, soql, orderBy);
  return {
    table,
    soql,
    countOnly,
    select,
    items,
    predicate,
    fromStamp,
    sort,
    limit: q.limit ?? null,
    offset: q.offset ?? 0,
  };
}

function malformed(soql: string, err: unknown): SfError {
  const text = err instanceof Error ? err.message : String(err);
  const found = /but found: '([^']*)'/.exec(text)?.[1];
  if (found !== undefined && found !== "")
    return queryError(soql, found, "MALFORMED_QUERY", `unexpected token: '${found}'`);
  return new SfError(400, "MALFORMED_QUERY", `unexpected token: ${text.split("\n")[0]?.slice(0, 200) ?? ""}`);
}

/**
 * ORDER BY several fields, ASC/DESC, NULLS FIRST/LAST. Nulls sort first by default, as the SOQL
 * reference says. `ORDER BY SystemModstamp[, Id]` ascending is the index order and is not sorted.
 */
function compileOrder(store: Store, table: Table, soql: string, orderBy: ParsedOrderBy[]): QueryPlan["sort"] {
  if (orderBy.length === 0) return null;
  const keys = orderBy.map((o) => {
    if (!o.field) throw queryError(soql, "ORDER", "MALFORMED_QUERY", "ORDER BY supports fields only");
    const path = resolvePath(store, table, o.field, soql, "ORDER");
    const desc = o.order?.toUpperCase() === "DESC";
    const nullsLast = o.nulls?.toUpperCase() === "LAST";
    return { path, desc, nullsLast };
  });
  const natural = keys.every(
    (k, i) =>
      !k.desc &&
      k.path.hops.length === 0 &&
      !k.nullsLast &&
      ((i === 0 && k.path.field.name === "SystemModstamp") || (i === 1 && k.path.field.name === "Id")),
  );
  if (natural) return null;
  return (a, b) => {
    for (const k of keys) {
      const va = comparable(k.path, valueAt(store, a, k.path));
      const vb = comparable(k.path, valueAt(store, b, k.path));
      if (va === vb) continue;
      if (va === null) return k.nullsLast ? 1 : -1;
      if (vb === null) return k.nullsLast ? -1 : 1;
      const c = va < vb ? -1 : 1;
      return k.desc ? -c : c;
    }
    return 0;
  };
}

/** A parent's children for a subquery, in result order, after its LIMIT. */
export function childRows(store: Store, child: ChildQuery, parentId: string): Rec[] {
  const { plan } = child;
  const rows: Rec[] = [];
  for (const id of store.lookup(plan.table, [child.lookupField], { [child.lookupField]: parentId })) {
    const rec = plan.table.byId.get(id);
    if (rec && (!plan.predicate || plan.predicate(rec))) rows.push(rec);
  }
  rows.sort(plan.sort ?? ((a, b) => (a.SystemModstamp as number) - (b.SystemModstamp as number)));
  const end = plan.limit === null ? undefined : plan.offset + plan.limit;
  return plan.offset > 0 || end !== undefined ? rows.slice(plan.offset, end) : rows;
}

/** Runs a plan: the matching records in result order, after OFFSET and LIMIT. */
export function execute(store: Store, plan: QueryPlan, includeDeleted: boolean): Rec[] {
  const out: Rec[] = [];
  const { predicate } = plan;
  // Without a sort, LIMIT can stop the scan early.
  const cap = plan.sort === null && plan.limit !== null ? plan.offset + plan.limit : Infinity;
  for (const rec of store.scan(plan.table, plan.fromStamp)) {
    if (!includeDeleted && rec.IsDeleted === true) continue;
    if (predicate && !predicate(rec)) continue;
    out.push(rec);
    if (out.length >= cap) break;
  }
  if (plan.sort) out.sort(plan.sort);
  const end = plan.limit === null ? undefined : plan.offset + plan.limit;
  return plan.offset > 0 || end !== undefined ? out.slice(plan.offset, end) : out;
}
