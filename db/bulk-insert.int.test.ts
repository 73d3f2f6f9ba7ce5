import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityLog, crmPeople } from "@/db/schema";
import { buildInsertStatements } from "./bulk-insert";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "./testing/test-database";

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.cleanup();
});

const person = (id: string, sfId: string) => ({
  id,
  sfId,
  kind: "contact" as const,
  name: 'Zoë O\'Brien, "Ops"',
  email: null,
  emailNormalized: null,
  isConverted: true,
  fields: { Title: "VP, Sales", Nested: { a: [1, 2.5, null] }, Big: 2 ** 40 },
  source: "pull" as const,
  state: "active" as const,
  createdAt: 1_700_000_000_123,
  updatedAt: 1_700_000_000_456,
});

describe(`bulk inserts on ${testDatabaseKind()}`, () => {
  it("stores the same rows whether values are bound one by one or sent as one JSON array", async () => {
    const statements = [
      ...buildInsertStatements(crmPeople, [person("a-values", "003000000000001AAA")]),
      ...buildInsertStatements(crmPeople, [person("b-json", "003000000000002AAA")], { rowsAsJson: true }),
    ];
    await database.client.batch(statements, "write");
    const rows = await database.db.select().from(crmPeople).orderBy(crmPeople.id);
    expect(rows).toHaveLength(2);
    const [byValues, byJson] = rows.map(({ id: _id, sfId: _sfId, ...rest }) => rest);
    expect(byJson).toEqual(byValues);
    expect(byJson).toMatchObject({ isConverted: true, fields: { Big: 2 ** 40 }, createdAt: 1_700_000_000_123 });
    const types = await database.client.execute(
      "SELECT typeof(created_at) AS created, typeof(is_converted) AS converted, typeof(email) AS email FROM crm_people",
    );
    expect(types.rows.map((row) => ({ ...row }))).toEqual([
      { created: "integer", converted: "integer", email: "null" },
      { created: "integer", converted: "integer", email: "null" },
    ]);
  });

  it("skips rows already stored with onConflictDoNothing, in JSON form too", async () => {
    const entry = { recordType: "person" as const, recordId: "x", at: 1, event: "imported" as const, message: "m" };
    await database.client.batch(
      buildInsertStatements(activityLog, [{ id: 1, ...entry }], { rowsAsJson: true }),
      "write",
    );
    await database.client.batch(
      buildInsertStatements(
        activityLog,
        [
          { id: 1, ...entry },
          { id: 2, ...entry },
        ],
        {
          rowsAsJson: true,
          onConflictDoNothing: true,
        },
      ),
      "write",
    );
    expect(await database.db.$count(activityLog)).toBe(2);
  });
});
