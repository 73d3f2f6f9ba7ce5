import { SfError } from "../org/errors";
import type { FieldDef } from "../org/schema";

const DAY = 86_400_000;

export interface Range {
  start: number;
  end: number;
}

/** Parses a SOQL datetime literal (`2024-01-01T00:00:00Z`, `…+hh:mm`, milliseconds tolerated). */
export function parseDateTimeLiteral(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/i.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ""}${normalizeOffset(m[8]!)}`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

function normalizeOffset(offset: string): string {
  if (offset.toUpperCase() === "Z") return "Z";
  return offset.includes(":") ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

export function parseDateLiteral(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms;
}

const startOfDay = (ms: number) => Math.floor(ms / DAY) * DAY;

function startOfWeek(ms: number): number {
  // Salesforce's default locale (en_US) starts weeks on Sunday.
  const d = startOfDay(ms);
  return d - new Date(d).getUTCDay() * DAY;
}

function monthStart(ms: number, add: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1);
}

function yearStart(ms: number, add: number): number {
  return Date.UTC(new Date(ms).getUTCFullYear() + add, 0, 1);
}

function quarterStart(ms: number, add: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + add * 3, 1);
}

/**
 * Date literals (TODAY, LAST_N_DAYS:n, …) as UTC ranges [start, end). Ranges follow the SOQL date
 * formats reference; LAST_N_DAYS:n includes today and the n days before it.
 */
export function dateLiteralRange(literal: string, now: number): Range | null {
  const [nameRaw, nRaw] = literal.split(":");
  const name = (nameRaw ?? "").toUpperCase();
  const n = nRaw === undefined ? 0 : Number(nRaw);
  const today = startOfDay(now);
  const week = startOfWeek(now);
  switch (name) {
    case "YESTERDAY":
      return { start: today - DAY, end: today };
    case "TODAY":
      return { start: today, end: today + DAY };
    case "TOMORROW":
      return { start: today + DAY, end: today + 2 * DAY };
    case "LAST_WEEK":
      return { start: week - 7 * DAY, end: week };
    case "THIS_WEEK":
      return { start: week, end: week + 7 * DAY };
    case "NEXT_WEEK":
      return { start: week + 7 * DAY, end: week + 14 * DAY };
    case "LAST_MONTH":
      return { start: monthStart(now, -1), end: monthStart(now, 0) };
    case "THIS_MONTH":
      return { start: monthStart(now, 0), end: monthStart(now, 1) };
    case "NEXT_MONTH":
      return { start: monthStart(now, 1), end: monthStart(now, 2) };
    case "LAST_90_DAYS":
      return { start: today - 90 * DAY, end: today + DAY };
    case "NEXT_90_DAYS":
      return { start: today + DAY, end: today + 91 * DAY };
    case "THIS_QUARTER":
      return { start: quarterStart(now, 0), end: quarterStart(now, 1) };
    case "LAST_QUARTER":
      return { start: quarterStart(now, -1), end: quarterStart(now, 0) };
    case "NEXT_QUARTER":
      return { start: quarterStart(now, 1), end: quarterStart(now, 2) };
    case "THIS_YEAR":
      return { start: yearStart(now, 0), end: yearStart(now, 1) };
    case "LAST_YEAR":
      return { start: yearStart(now, -1), end: yearStart(now, 0) };
    case "NEXT_YEAR":
      return { start: yearStart(now, 1), end: yearStart(now, 2) };
    case "LAST_N_DAYS":
      return { start: today - n * DAY, end: today + DAY };
    case "NEXT_N_DAYS":
      return { start: today + DAY, end: today + (n + 1) * DAY };
    case "N_DAYS_AGO":
      return { start: today - n * DAY, end: today - (n - 1) * DAY };
    case "LAST_N_WEEKS":
      return { start: week - n * 7 * DAY, end: week };
    case "NEXT_N_WEEKS":
      return { start: week + 7 * DAY, end: week + (n + 1) * 7 * DAY };
    case "LAST_N_MONTHS":
      return { start: monthStart(now, -n), end: monthStart(now, 0) };
    case "NEXT_N_MONTHS":
      return { start: monthStart(now, 1), end: monthStart(now, n + 1) };
    case "LAST_N_YEARS":
      return { start: yearStart(now, -n), end: yearStart(now, 0) };
    case "NEXT_N_YEARS":
      return { start: yearStart(now, 1), end: yearStart(now, n + 1) };
    default:
      return null;
  }
}

export type Literal =
  { kind: "null" } | { kind: "value"; value: string | number | boolean } | { kind: "range"; range: Range };

const typeError = (f: FieldDef, expected: string) =>
  new SfError(
    400,
    "INVALID_FIELD",
    `value of filter criterion for field '${f.name}' must be of type ${expected} and should not be enclosed in quotes`,
  );

function unquote(raw: string): string {
  return raw.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: "\n", t: "\t", r: "\r" })[c] ?? c);
}

/**
 * Converts one literal from the parser into a value comparable with the stored form of `f`.
 * Salesforce refuses quoted dates and date/datetime mixes; so do we.
 */
export function literalFor(f: FieldDef, literalType: string, raw: string, now: number): Literal {
  const t = literalType.toUpperCase();
  if (t === "NULL") return { kind: "null" };
  switch (f.type) {
    case "datetime": {
      if (t === "DATETIME") {
        const ms = parseDateTimeLiteral(raw);
        if (ms !== null) return { kind: "value", value: ms };
      }
      if (t === "DATE_LITERAL" || t === "DATE_N_LITERAL") {
        const range = dateLiteralRange(raw, now);
        if (range) return { kind: "range", range };
      }
      throw typeError(f, "dateTime");
    }
    case "date": {
      if (t === "DATE" && parseDateLiteral(raw) !== null) return { kind: "value", value: parseDateLiteral(raw)! };
      if (t === "DATE_LITERAL" || t === "DATE_N_LITERAL") {
        const range = dateLiteralRange(raw, now);
        if (range) return { kind: "range", range };
      }
      throw typeError(f, "date");
    }
    case "boolean":
      if (t === "BOOLEAN") return { kind: "value", value: raw.toUpperCase() === "TRUE" };
      throw typeError(f, "boolean");
    case "double":
    case "currency":
    case "int":
      if (
        t === "INTEGER" ||
        t === "DECIMAL" ||
        t === "INTEGER_WITH_CURRENCY_PREFIX" ||
        t === "DECIMAL_WITH_CURRENCY_PREFIX"
      ) {
        return { kind: "value", value: Number(raw.replace(/^[A-Z]{3}/, "")) };
      }
      throw typeError(f, "double");
    default:
      if (t === "STRING") return { kind: "value", value: unquote(raw) };
      return { kind: "value", value: raw };
  }
}
