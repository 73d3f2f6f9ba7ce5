import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pushErrors, pushOutbox } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { insertFailedPush } from "@/server/push-errors/testing/push-error-fixtures";
import { runErrorsCommand } from "./commands/errors-command";

/*
 * `errors list` and `errors retry` run in this process through the command's own entry point,
 * with the database handle main.ts would give it; stdout and stderr are captured.
 */

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

/** Runs `errors …` and returns what it printed; the handle's close is a no-op so the database stays open. */
async function runErrors(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...values: unknown[]) => void stdout.push(values.join(" ")));
  const error = vi
    .spyOn(console, "error")
    .mockImplementation((...values: unknown[]) => void stderr.push(values.join(" ")));
  try {
    await runErrorsCommand(args, async () => ({ db: database.db, client: { ...database.client, close: () => {} } }));
    return { stdout: stdout.join("\n"), stderr: stderr.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe(`errors list and retry on ${testDatabaseKind()}`, () => {
  it("with nothing refused: an empty JSON array, and a sentence without --json", async () => {
    expect(JSON.parse((await runErrors(["list", "--json"])).stdout)).toEqual([]);
    expect((await runErrors(["list"])).stdout).toBe("No open push errors. Everything Tandem sent reached Salesforce.");
  });

  it("lists the open errors as JSON, newest first, each with its record and the fix in words", async () => {
    const { db } = database;
    const jane = await insertFailedPush(db, { name: "Jane Doe", at: Date.UTC(2026, 0, 2, 9, 30) });
    const globex = await insertFailedPush(db, {
      recordType: "account",
      name: "Globex",
      operation: "update",
      code: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
      message: "Accounts need a phone number",
      fields: ["Phone"],
      attempts: 2,
      at: Date.UTC(2026, 0, 3, 12, 0),
    });
    await insertFailedPush(db, { name: "Old", state: "resolved", at: Date.UTC(2025, 11, 1) });

    const listed = JSON.parse((await runErrors(["list", "--json"])).stdout) as unknown[];
    expect(listed).toEqual([
      {
        id: globex.errorId,
        at: "2026-01-03T12:00:00.000Z",
        object: "Account",
        operation: "update",
        record: { type: "account", id: globex.recordId, name: "Globex" },
        code: "FIELD_CUSTOM_VALIDATION_EXCEPTION",
        message: "Accounts need a phone number",
        fields: ["Phone"],
        attempts: 2,
        state: "open",
        hint: {
          summary: "A validation rule in Salesforce refused the Account: “Accounts need a phone number”",
          fix: "Change Phone so the rule is satisfied, and save. If the rule is wrong, ask your Salesforce admin to adjust it.",
          createAnyway: false,
        },
      },
      expect.objectContaining({ id: jane.errorId, record: { type: "person", id: jane.recordId, name: "Jane Doe" } }),
    ]);

    const resolved = JSON.parse((await runErrors(["list", "--json", "--state", "resolved"])).stdout) as Array<{
      record: { name: string };
    }>;
    expect(resolved.map((error) => error.record.name)).toEqual(["Old"]);

    const table = (await runErrors(["list"])).stdout;
    expect(table.split("\n")[0]).toMatch(/^WHEN\s+OBJECT\s+OPERATION\s+RECORD\s+CODE\s+ATTEMPTS\s+STATE\s+ID$/);
    expect(table).toContain("2026-01-03 12:00  Account");
    expect(table).toContain("Fix: Fill in LastName on the record in Tandem and save");
    expect(table).toContain("2 open push errors.");
  });

  it("retries by id, then all, printing { retried }; a bad state or no target is refused", async () => {
    const { db } = database;
    const [first, second] = await db
      .select({ id: pushErrors.id, recordId: pushErrors.recordId })
      .from(pushErrors)
      .where(eq(pushErrors.state, "open"))
      .orderBy(pushErrors.lastAt);

    const one = await runErrors(["retry", first!.id]);
    expect(JSON.parse(one.stdout)).toEqual({ retried: 1 });
    expect(one.stderr).toContain("Queued 1 push again");
    const outbox = await db.query.pushOutbox.findFirst({ where: eq(pushOutbox.recordId, first!.recordId) });
    expect(outbox).toMatchObject({ state: "pending", attempts: 0 });

    const all = await runErrors(["retry", "--all"]);
    expect(JSON.parse(all.stdout)).toEqual({ retried: 1 });
    const listed = JSON.parse((await runErrors(["list", "--json"])).stdout) as Array<{ id: string; state: string }>;
    expect(listed.map((error) => [error.id, error.state]).sort()).toEqual(
      [
        [first!.id, "retrying"],
        [second!.id, "retrying"],
      ].sort(),
    );

    await expect(runErrors(["retry", "no-such-error"])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(runErrors(["retry"])).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(runErrors(["list", "--state", "later"])).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
