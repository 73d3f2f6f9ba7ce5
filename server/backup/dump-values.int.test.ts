import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import type { TSqlValue } from "./backup-types";
import { formatValue } from "./dump-values";
import { openBackupClient } from "./open-backup-client";

/*
 * The dump's literals and a restore's staging rows are read by SQLite itself: each must come back
 * with the same storage class and the same bits. A libSQL server sends values as JSON, which has
 * no -0 and no infinity, so those are checked on a file only.
 */

const kind = testDatabaseKind();
let database: TTestDatabase;
let client: ReturnType<typeof openBackupClient>;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  client = openBackupClient({
    url: database.url,
    authToken: kind === "sqld" ? inject("sqld").authToken : undefined,
  });
});
afterAll(async () => {
  client?.close();
  await database?.cleanup();
});

/** Random 64-bit patterns reach every exponent, subnormals included, unlike most generators. */
const anyBits = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((bits) => {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
});
const real = fc.oneof(fc.double(), anyBits).filter((value) => !Number.isNaN(value));
const sendable = (value: number) => kind === "file" || (Number.isFinite(value) && !Object.is(value, -0));

async function readBack(values: TSqlValue[]) {
  const result = await client.execute(
    `SELECT ${values.map((value) => `typeof(${formatValue(value)}), ${formatValue(value)}`).join(", ")}`,
  );
  const row = result.rows[0]!;
  return values.map((_, index) => ({ type: row[index * 2], value: row[index * 2 + 1] }));
}

describe(`SQL literals read back by SQLite on ${kind}`, () => {
  it("every REAL comes back as a REAL with the same bits", async () => {
    const values = fc.sample(real, 20_000).filter(sendable);
    for (let start = 0; start < values.length; start += 400) {
      const chunk = values.slice(start, start + 400);
      const read = await readBack(chunk);
      chunk.forEach((value, index) => {
        expect(read[index]!.type, String(value)).toBe("real");
        expect(Object.is(read[index]!.value, value), `${value} came back as ${String(read[index]!.value)}`).toBe(true);
      });
    }
  });

  it("INTEGER, TEXT, BLOB and NULL come back the same, line breaks and quotes included", async () => {
    const values: TSqlValue[] = [
      ...fc.sample(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), 300),
      -(2n ** 63n),
      ...fc.sample(fc.string({ unit: fc.constantFrom("a", "'", "\r", "\n", "é", "😀", "\t", "|") }), 200),
      ...fc.sample(fc.uint8Array({ maxLength: 30 }), 100),
      null,
      "",
    ];
    const read = await readBack(values);
    values.forEach((value, index) => {
      const expectedType =
        value === null ? "null" : typeof value === "bigint" ? "integer" : typeof value === "string" ? "text" : "blob";
      expect(read[index]!.type).toBe(expectedType);
      if (value instanceof Uint8Array) expect(new Uint8Array(read[index]!.value as ArrayBuffer)).toEqual(value);
      else expect(read[index]!.value).toEqual(value);
    });
  });
});
