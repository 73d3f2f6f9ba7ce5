import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { insertPerson } from "@/server/duplicates/testing/duplicate-fixtures";
import { runDuplicatesCommand, type TCliDuplicatePair } from "./commands/duplicates-command";

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.cleanup();
});

/** Runs the command in this process and returns what it printed on stdout. */
async function run(args: string[]): Promise<string> {
  const printed: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((line: unknown) => void printed.push(String(line)));
  try {
    await runDuplicatesCommand(args, async () => ({ db: database.db, client: { close() {} } as never }));
  } finally {
    log.mockRestore();
  }
  return printed.join("\n");
}

describe(`duplicates command on ${testDatabaseKind()}`, () => {
  it("DUP-1: rebuild finds the pair, list --json prints it with score and reasons", async () => {
    await insertPerson(database.db, {
      firstName: "Jon",
      lastName: "Smyth",
      email: "jon@acme.com",
      phone: "312 542 1640",
    });
    await insertPerson(database.db, {
      firstName: "John",
      lastName: "Smith",
      email: "jon@acme.com",
      phone: "(312) 542-1640",
    });
    await insertPerson(database.db, { firstName: "Ada", lastName: "Lovelace", email: "ada@engine.io" });
    const rebuilt = JSON.parse(await run(["rebuild"])) as { people: { records: number; pairs: number } };
    expect(rebuilt.people).toMatchObject({ records: 3, pairs: 1 });
    const pairs = JSON.parse(await run(["list", "--json"])) as TCliDuplicatePair[];
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.entity).toBe("people");
    expect(pairs[0]!.score).toBeGreaterThan(0.9);
    expect(pairs[0]!.reasons).toContain("same email");
    expect([pairs[0]!.a.name, pairs[0]!.b.name].sort()).toEqual(["John Smith", "Jon Smyth"]);
    expect(JSON.parse(await run(["list", "--json", "--entity", "companies"]))).toEqual([]);
    expect(await run(["list"])).toMatch(/1 potential duplicate pair/);
  });

  it("refuses what it cannot do, saying what to fix", async () => {
    await expect(run(["merge"])).rejects.toThrow(/list .* or rebuild/);
    await expect(run(["list", "--entity", "robots"])).rejects.toThrow(/--entity is one of people, companies/);
    await expect(run(["list", "--min-score", "2"])).rejects.toThrow(/between 0 and 1/);
  });
});
