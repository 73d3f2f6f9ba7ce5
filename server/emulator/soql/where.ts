import { normalizeId } from "../org/ids";
import type { Rec, SfValue, Store, Table } from "../org/store";
import { literalFor, parseDateLiteral, type Literal } from "./literals";
import { resolvePath, valueAt, type FieldPath } from "./paths";
import { queryError } from "./query-error";
import { semiJoinValues } from "./compile";

export type Predicate = (rec: Rec) => boolean;

/** The parser's condition node (a subset of @jetstreamapp/soql-parser-js's types). */
interface ConditionNode {
  field?: string;
  fn?: unknown;
  operator: string;
  literalType?: string | string[];
  value?: string | string[];
  valueQuery?: unknown;
  openParen?: number;
  closeParen?: number;
}
interface WhereNode {
  left: ConditionNode | null;
  operator?: string;
  right?: WhereNode;
}

type Token =
  | { kind: "(" }
  | { kind: ")" }
  | { kind: "AND" }
  | { kind: "OR" }
  | { kind: "NOT" }
  | { kind: "cond"; node: ConditionNode };

/**
 * The parser returns WHERE as a right-leaning chain with paren counts on the conditions, not as
 * a precedence tree. Flatten it back to tokens and parse them: NOT > AND > OR.
 */
function flatten(where: WhereNode): Token[] {
  const tokens: Token[] = [];
  let node: WhereNode | undefined = where;
  while (node) {
    if (node.left === null && node.operator?.toUpperCase() === "NOT") {
      tokens.push({ kind: "NOT" });
      node = node.right;
      continue;
    }
    if (node.left) {
      for (let i = 0; i < (node.left.openParen ?? 0); i++) tokens.push({ kind: "(" });
      tokens.push({ kind: "cond", node: node.left });
      for (let i = 0; i < (node.left.closeParen ?? 0); i++) tokens.push({ kind: ")" });
    }
    if (node.right) {
      const op = node.operator?.toUpperCase();
      if (op === "AND" || op === "OR") tokens.push({ kind: op });
    }
    node = node.right;
  }
  return tokens;
}

export interface WhereContext {
  store: Store;
  table: Table;
  soql: string;
  now: number;
}

export function compileWhere(where: WhereNode, ctx: WhereContext): { predicate: Predicate; fromStamp: number } {
  const tokens = flatten(where);
  let pos = 0;
  let fromStamp = -Infinity;
  const peek = () => tokens[pos];
  const fail = (): never => {
    throw queryError(ctx.soql, "WHERE", "MALFORMED_QUERY", "unexpected token in WHERE clause");
  };
  const parseOr = (depth: number): Predicate => {
    const parts = [parseAnd(depth)];
    while (peek()?.kind === "OR") {
      pos++;
      parts.push(parseAnd(depth));
    }
    return parts.length === 1 ? parts[0]! : (r) => parts.some((p) => p(r));
  };
  const parseAnd = (depth: number): Predicate => {
    const parts = [parseUnary(depth)];
    while (peek()?.kind === "AND") {
      pos++;
      parts.push(parseUnary(depth));
    }
    return parts.length === 1 ? parts[0]! : (r) => parts.every((p) => p(r));
  };
  const parseUnary = (depth: number): Predicate => {
    const t = peek();
    if (!t) return fail();
    if (t.kind === "NOT") {
      pos++;
      const inner = parseUnary(depth + 1);
      return (r) => !inner(r);
    }
    if (t.kind === "(") {
      pos++;
      const inner = parseOr(depth + 1);
      if (peek()?.kind !== ")") fail();
      pos++;
      return inner;
    }
    if (t.kind === "cond") {
      pos++;
      const { predicate, lowerStamp } = compileCondition(t.node, ctx);
      // Only a top-level AND-ed SystemModstamp bound may narrow the scan of the stamp index.
      if (depth === 0 && lowerStamp !== null && !tokens.some((x) => x.kind === "OR" || x.kind === "NOT")) {
        fromStamp = Math.max(fromStamp, lowerStamp);
      }
      return predicate;
    }
    return fail();
  };
  const predicate = parseOr(0);
  if (pos !== tokens.length) fail();
  return { predicate, fromStamp };
}

function compileCondition(node: ConditionNode, ctx: WhereContext): { predicate: Predicate; lowerStamp: number | null } {
  if (!node.field || node.fn) {
    throw queryError(ctx.soql, "WHERE", "MALFORMED_QUERY", "Only field comparisons are supported in WHERE");
  }
  const path = resolvePath(ctx.store, ctx.table, node.field, ctx.soql, "WHERE");
  const op = node.operator.toUpperCase();
  if (node.valueQuery) {
    if ((op !== "IN" && op !== "NOT IN") || (path.field.type !== "id" && path.field.type !== "reference")) {
      throw queryError(
        ctx.soql,
        node.field,
        "MALFORMED_QUERY",
        "Semi join subqueries can only be used with IN or NOT IN on an Id or reference field",
      );
    }
    const values = semiJoinValues(ctx.store, node.valueQuery, ctx.soql, ctx.now);
    const member = (r: Rec) => {
      const v = valueAt(ctx.store, r, path);
      return typeof v === "string" && values.has(v.toLowerCase());
    };
    return { predicate: op === "IN" ? member : (r) => !member(r), lowerStamp: null };
  }
  const types = Array.isArray(node.literalType) ? node.literalType : [node.literalType ?? "STRING"];
  const raw = node.value ?? "";
  const toLiteral = (v: string, i: number): Literal => {
    const lit = literalFor(path.field, types[i] ?? types[0] ?? "STRING", v, ctx.now);
    if (
      lit.kind === "value" &&
      (path.field.type === "id" || path.field.type === "reference") &&
      typeof lit.value === "string"
    ) {
      const id = normalizeId(lit.value);
      if (!id && lit.value !== "")
        throw queryError(
          ctx.soql,
          node.field!,
          "INVALID_QUERY_FILTER_OPERATOR",
          `invalid ID field: ${lit.value}`,
          "WHERE",
        );
      return { kind: "value", value: id ?? "" };
    }
    return lit;
  };
  const get = (r: Rec) => comparable(path, valueAt(ctx.store, r, path));
  if (op === "IN" || op === "NOT IN" || op === "INCLUDES" || op === "EXCLUDES") {
    const list = (Array.isArray(raw) ? raw : [raw]).map(toLiteral);
    const set = new Set(list.map((l) => (l.kind === "value" ? normalizeKey(l.value) : null)));
    const inList = (r: Rec) => set.has(normalizeKey(get(r)));
    const predicate: Predicate = op === "IN" || op === "INCLUDES" ? inList : (r) => !inList(r);
    return { predicate, lowerStamp: null };
  }
  if (Array.isArray(raw))
    throw queryError(ctx.soql, node.field, "MALFORMED_QUERY", `unexpected list for operator ${op}`);
  const lit = toLiteral(raw, 0);
  if (op === "LIKE") {
    if (lit.kind !== "value") return { predicate: () => false, lowerStamp: null };
    const re = likeToRegExp(String(lit.value));
    return {
      predicate: (r) => {
        const v = get(r);
        return v !== null && re.test(String(v));
      },
      lowerStamp: null,
    };
  }
  const lowerStamp =
    path.hops.length === 0 &&
    path.field.name === "SystemModstamp" &&
    lit.kind === "value" &&
    typeof lit.value === "number"
      ? op === ">="
        ? lit.value
        : op === ">"
          ? lit.value + 1
          : op === "="
            ? lit.value
            : null
      : null;
  const target: Literal =
    lit.kind === "value" && typeof lit.value === "string" && !isIdField(path)
      ? { kind: "value", value: lit.value.toLowerCase() }
      : lit;
  return { predicate: comparison(op, target, get, ctx.soql, node.field), lowerStamp };
}

function comparison(op: string, lit: Literal, get: (r: Rec) => SfValue, soql: string, token: string): Predicate {
  if (lit.kind === "null") {
    if (op === "=") return (r) => get(r) === null;
    if (op === "!=" || op === "<>") return (r) => get(r) !== null;
    return () => false;
  }
  if (lit.kind === "range") {
    const { start, end } = lit.range;
    const num = (r: Rec) => get(r) as number | null;
    switch (op) {
      case "=":
        return (r) => {
          const v = num(r);
          return v !== null && v >= start && v < end;
        };
      case "!=":
      case "<>":
        return (r) => {
          const v = num(r);
          return v === null || v < start || v >= end;
        };
      case "<":
        return (r) => {
          const v = num(r);
          return v !== null && v < start;
        };
      case "<=":
        return (r) => {
          const v = num(r);
          return v !== null && v < end;
        };
      case ">":
        return (r) => {
          const v = num(r);
          return v !== null && v >= end;
        };
      case ">=":
        return (r) => {
          const v = num(r);
          return v !== null && v >= start;
        };
    }
  }
  const target = lit.kind === "value" ? lit.value : null;
  switch (op) {
    case "=":
      return (r) => {
        const v = get(r);
        return v !== null && compare(v, target) === 0;
      };
    case "!=":
    case "<>":
      return (r) => {
        const v = get(r);
        return v === null || compare(v, target) !== 0;
      };
    case "<":
      return (r) => {
        const v = get(r);
        return v !== null && compare(v, target) < 0;
      };
    case "<=":
      return (r) => {
        const v = get(r);
        return v !== null && compare(v, target) <= 0;
      };
    case ">":
      return (r) => {
        const v = get(r);
        return v !== null && compare(v, target) > 0;
      };
    case ">=":
      return (r) => {
        const v = get(r);
        return v !== null && compare(v, target) >= 0;
      };
  }
  throw queryError(soql, token, "MALFORMED_QUERY", `unexpected operator: ${op}`);
}

const isIdField = (path: FieldPath) => path.field.type === "id" || path.field.type === "reference";

/**
 * Stored value → the form literals use: dates as epoch ms, text lower-cased (SOQL compares text
 * case-insensitively). Ids stay as they are: both sides are normalised 18-character Ids, and
 * their order must match creation order for `Id > '…'` cursors.
 */
export function comparable(path: FieldPath, v: SfValue): SfValue {
  if (v === null || v === undefined) return null;
  if (path.field.type === "date" && typeof v === "string") return parseDateLiteral(v);
  if (typeof v === "string" && !isIdField(path)) return v.toLowerCase();
  return v;
}

function normalizeKey(v: SfValue): SfValue {
  return typeof v === "string" ? v.toLowerCase() : v;
}

function compare(a: SfValue, b: SfValue): number {
  if (a === b) return 0;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" || typeof b === "boolean") return a === b ? 0 : 1;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** LIKE: `%` any run, `_` one character, `\%`/`\_` literal, case-insensitive. */
function likeToRegExp(pattern: string): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\" && i + 1 < pattern.length) out += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (c === "%") out += "[\\s\\S]*";
    else if (c === "_") out += "[\\s\\S]";
    else out += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, "i");
}
