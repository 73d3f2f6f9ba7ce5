import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TSqlValue } from "./backup-types";
import { formatRowLine, formatValue, parseRowLine, RowLineError } from "./dump-values";

const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

const value: fc.Arbitrary<TSqlValue> = fc.oneof(
  fc.constant(null),
  fc.bigInt(INT64),
  fc.double({ noNaN: true }),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: fc.constantFrom("a", "'", "\r", "\n", "|", ",", ")", "(", "é", "😀", "\t", "char(10)") }),
  fc.uint8Array({ maxLength: 40 }),
);

/** Values compare by storage class and exact value: 1n is not 1.0, -0 is not 0. */
function same(a: readonly TSqlValue[], b: readonly TSqlValue[]) {
  expect(b.length).toBe(a.length);
  a.forEach((left, index) => {
    const right = b[index];
    if (left instanceof Uint8Array) expect(right).toEqual(left);
    else expect(Object.is(left, right), `${String(left)} vs ${String(right)}`).toBe(true);
  });
}

describe("dump values", () => {
  it("every value reads back to the same storage class and value, as the last row or not", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 8 }), fc.boolean(), (row, last) => {
        const line = formatRowLine(row, last);
        expect(line).not.toMatch(/[\r\n]/);
        const parsed = parseRowLine(line);
        expect(parsed.last).toBe(last);
        same(row, parsed.values);
      }),
      { numRuns: 2000 },
    );
  });

  it.each<[TSqlValue, string]>([
    [null, "NULL"],
    [42n, "42"],
    [-(2n ** 63n), "-9223372036854775808"],
    [1, "1.0"],
    [-0, "-0.0"],
    [0.1, "0.1"],
    [1e21, "1.0000000000000000e+21"],
    [50000, "50000.0"],
    [0.8731234567890123, "8.7312345678901226e-1"],
    [1.775535657332602e-270, "1.7755356573326019e-270"],
    [Infinity, "9e999"],
    [-Infinity, "-9e999"],
    ["it's", "'it''s'"],
    ["", "''"],
    ["a\r\nb\n", "'a'||char(13,10)||'b'||char(10)"],
    [new Uint8Array([0, 255, 16]), "X'00ff10'"],
    [new Uint8Array([]), "X''"],
  ])("writes %o as the SQL literal %s", (input, literal) => {
    expect(formatValue(input)).toBe(literal);
  });

  it.each([
    ["(1,2", "no closing parenthesis"],
    ["(1,2)", "no , or ; after the row"],
    ["(1,'a)", "a text that does not end"],
    ["(X'0g')", "a blob that is not hex"],
    ["(1,)", "a missing value"],
    ["(char(9))", "a char() other than line breaks"],
    ["(1);x", "something after the row"],
  ])("refuses %s (%s)", (line) => {
    expect(() => parseRowLine(line)).toThrow(RowLineError);
  });
});
