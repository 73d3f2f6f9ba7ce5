import type { TSqlValue } from "./backup-types";

/*
 * Values in a dump are SQL literals that SQLite itself reads back to the same storage class and
 * value (so `sqlite3 NEW.db < FILE` works), and that parseRowLine reads back exactly without SQLite:
 * - INTEGER: decimal digits. REAL: its shortest form when that has at most 15 significant digits
 *   (".0" added when it would look like an integer), else 17 digits in exponent form: both forms
 *   SQLite reads back to the same bits. Infinities as ±9e999, which both read as infinity.
 * - TEXT: '…' with quotes doubled. Line breaks go outside the quotes as char(13,10)-style runs
 *   joined with ||, so that every row stays on one line of the file.
 * - BLOB: X'…' in hex.
 */

const LINE_BREAKS = /[\r\n]+/g;

export function formatValue(value: TSqlValue): string {
  if (value === null) return "NULL";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return formatReal(value);
  if (typeof value === "string") return formatText(value);
  return `X'${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}'`;
}

function formatReal(value: number): string {
  if (Number.isNaN(value)) throw new Error("SQLite stores no NaN; a REAL value cannot be NaN.");
  if (value === Infinity) return "9e999";
  if (value === -Infinity) return "-9e999";
  if (Object.is(value, -0)) return "-0.0";
  const magnitude = Math.abs(value);
  // SQLite's text-to-REAL conversion is exact for up to 15 significant digits in this range
  // (one exact multiplication or division), and for 17 digits in exponent form, but not for every
  // shortest form JavaScript prints (e.g. 1.775535657332602e-270 reads back one bit off).
  if (value === 0 || (magnitude >= 1e-7 && magnitude < 1e15 && Number(value.toPrecision(15)) === value)) {
    const text = String(value);
    return /^-?\d+$/.test(text) ? `${text}.0` : text;
  }
  return value.toExponential(16);
}

function formatText(value: string): string {
  const quoted = (part: string) => `'${part.replaceAll("'", "''")}'`;
  if (!/[\r\n]/.test(value)) return quoted(value);
  const parts: string[] = [];
  let last = 0;
  for (const match of value.matchAll(LINE_BREAKS)) {
    if (match.index > last) parts.push(quoted(value.slice(last, match.index)));
    parts.push(`char(${Array.from(match[0], (character) => character.charCodeAt(0)).join(",")})`);
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push(quoted(value.slice(last)));
  return parts.join("||");
}

/** One row of a multi-row INSERT: `(v,…)` followed by `,` or, for the statement's last row, `;`. */
export function formatRowLine(values: readonly TSqlValue[], last: boolean): string {
  return `(${values.map(formatValue).join(",")})${last ? ";" : ","}`;
}

export class RowLineError extends Error {}

const NUMBER = /-?\d+(\.\d+)?(e[+-]?\d+)?/y;
const HEX = /([0-9a-f]{2})*/y;
const CHAR_CODES = /char\(((?:13|10)(?:,(?:13|10))*)\)/y;

/** Reads a line written by formatRowLine; throws RowLineError when it is not one. */
export function parseRowLine(line: string): { values: TSqlValue[]; last: boolean } {
  const values: TSqlValue[] = [];
  let at = 0;
  const fail = (what: string): never => {
    throw new RowLineError(`${what} at character ${at + 1}`);
  };
  if (line[at] !== "(") fail("expected (");
  at += 1;
  for (;;) {
    const [value, next] = readValue(line, at, fail);
    values.push(value);
    at = next;
    if (line[at] === ",") {
      at += 1;
      continue;
    }
    if (line[at] !== ")") fail("expected , or )");
    at += 1;
    break;
  }
  const end = line.slice(at);
  if (end !== "," && end !== ";") fail("expected , or ; at the end of the row");
  return { values, last: end === ";" };
}

function readValue(line: string, at: number, fail: (what: string) => never): [TSqlValue, number] {
  const first = line[at];
  if (line.startsWith("NULL", at)) return [null, at + 4];
  if (first === "X") {
    if (line[at + 1] !== "'") fail("expected ' after X");
    HEX.lastIndex = at + 2;
    const hex = HEX.exec(line)![0];
    const close = at + 2 + hex.length;
    if (line[close] !== "'") fail("expected the end of a blob");
    return [new Uint8Array(Buffer.from(hex, "hex")), close + 1];
  }
  if (first === "'" || line.startsWith("char(", at)) return readText(line, at, fail);
  NUMBER.lastIndex = at;
  const number = NUMBER.exec(line);
  if (!number) return fail("expected a value");
  const text = number[0];
  const isReal = number[1] !== undefined || number[2] !== undefined;
  return [isReal ? Number(text) : BigInt(text), at + text.length];
}

function readText(line: string, start: number, fail: (what: string) => never): [string, number] {
  let text = "";
  let at = start;
  for (;;) {
    if (line[at] === "'") {
      at += 1;
      for (;;) {
        const quote = line.indexOf("'", at);
        if (quote < 0) fail("a text value does not end");
        text += line.slice(at, quote);
        if (line[quote + 1] === "'") {
          text += "'";
          at = quote + 2;
          continue;
        }
        at = quote + 1;
        break;
      }
    } else {
      CHAR_CODES.lastIndex = at;
      const codes = CHAR_CODES.exec(line);
      if (!codes) fail("expected '…' or char(…)");
      text += String.fromCharCode(...codes![1]!.split(",").map(Number));
      at += codes![0].length;
    }
    if (!line.startsWith("||", at)) return [text, at];
    at += 2;
  }
}
