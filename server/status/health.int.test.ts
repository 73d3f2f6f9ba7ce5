import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/libsql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type TDatabase, type TDatabaseHandle } from "@/db/client";
import * as schema from "@/db/schema";
import { outboundNotifications, pushErrors, pushOutbox, syncTicks } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { getHealth } from "./health";

let database: TTestDatabase;
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.cleanup();
});
beforeEach(async () => {
  for (const table of ["push_outbox", "push_errors", "outbound_notifications", "sync_ticks"]) {
    await database.client.execute(`DELETE FROM ${table}`);
  }
});

async function addOutboxRows(db: TDatabase, states: Array<(typeof pushOutbox.$inferInsert)["state"]>) {
  await db.insert(pushOutbox).values(
    states.map((state, index) => ({
      recordType: "account" as const,
      recordId: `acc-${index}`,
      kind: "accounts" as const,
      operation: "create" as const,
      fields: [],
      state,
      createdAt: NOW,
      updatedAt: NOW,
    })),
  );
}

async function addNotifications(db: TDatabase, statuses: Array<"pending" | "applied" | "failed">) {
  await db.insert(outboundNotifications).values(
    statuses.map((status, index) => ({
      notificationId: `04l${String(index).padStart(12, "0")}AAA`,
      object: "Contact",
      sfId: `003${String(index).padStart(12, "0")}AAA`,
      payload: {},
      receivedAt: NOW,
      status,
    })),
  );
}

async function addErrors(
  db: TDatabase,
  errors: Array<{ state: (typeof pushErrors.$inferInsert)["state"]; firstAt: number }>,
) {
  await db.insert(pushErrors).values(
    errors.map((error, index) => ({
      id: `err-${index}`,
      recordType: "account" as const,
      recordId: `acc-${index}`,
      object: "Account",
      operation: "create" as const,
      recordName: "Globex",
      code: "REQUIRED_FIELD_MISSING",
      message: "Required fields are missing: [Name]",
      fields: [],
      state: error.state,
      firstAt: error.firstAt,
      // The latest attempt is recent: the age counts from the first one.
      lastAt: NOW - 1_000,
    })),
  );
}

describe(`GET /api/health on ${testDatabaseKind()}`, () => {
  it("keeps the contract's fields and reports an empty backlog as zeros and null", async () => {
    const health = await getHealth({ handle: database, now: NOW });
    expect(health).toEqual({
      db: "ok",
      salesforce: "disconnected",
      lastTickAt: null,
      outboxDepth: 0,
      pendingNotifications: 0,
      oldestOpenErrorAgeSeconds: null,
    });
  });

  it("counts outbox rows waiting or in flight, notifications not applied yet, and the oldest open error's age", async () => {
    const { db } = database;
    await addOutboxRows(db, ["pending", "pending", "sending", "done", "failed", "cancelled"]);
    await addNotifications(db, ["pending", "pending", "pending", "applied", "failed"]);
    await addErrors(db, [
      { state: "resolved", firstAt: NOW - 86_400_000 },
      { state: "dismissed", firstAt: NOW - 7_200_000 },
      { state: "retrying", firstAt: NOW - 90_500 },
      { state: "open", firstAt: NOW - 30_000 },
    ]);
    const health = await getHealth({ handle: database, now: NOW });
    expect(health).toMatchObject({ outboxDepth: 3, pendingNotifications: 3, oldestOpenErrorAgeSeconds: 90 });
  });

  it("gives the finish time of the last tick that finished, not of one still running", async () => {
    const { db } = database;
    await db.insert(syncTicks).values([
      { id: "t1", trigger: "cron", startedAt: NOW - 120_000, finishedAt: NOW - 110_000, status: "ok" },
      { id: "t2", trigger: "cron", startedAt: NOW - 60_000, finishedAt: NOW - 55_000, status: "failed" },
      { id: "t3", trigger: "cron", startedAt: NOW - 1_000, status: "running" },
    ]);
    const health = await getHealth({ handle: database, now: NOW });
    expect(health.lastTickAt).toBe(new Date(NOW - 55_000).toISOString());
  });

  it("answers every query from an index: no table is scanned whole", async () => {
    const statements: string[] = [];
    const db = drizzle(database.client, {
      schema,
      logger: { logQuery: (sql) => void statements.push(sql) },
    }) as TDatabase;
    const handle: TDatabaseHandle = { db, client: database.client, url: database.url };
    await getHealth({ handle, now: NOW });
    const backlogAndTicks = statements.filter((sql) =>
      /push_outbox|outbound_notifications|push_errors|sync_ticks/.test(sql),
    );
    expect(backlogAndTicks).toHaveLength(4);
    for (const sql of backlogAndTicks) {
      const plan = await database.client.execute({
        sql: `EXPLAIN QUERY PLAN ${sql}`,
        args: Array(countParameters(sql)).fill("x"),
      });
      const steps = plan.rows.map((row) => String(row.detail));
      expect(steps.join("; "), sql).toMatch(/USING (COVERING )?INDEX/);
      expect(
        steps.filter((step) => /^SCAN /.test(step) && !/INDEX/.test(step)),
        sql,
      ).toEqual([]);
    }
  });

  it("reports a database without Tandem's tables as unmigrated, with no backlog", async () => {
    // A file of its own, also on sqld runs: that server is shared, and this one must stay migrated.
    const dir = mkdtempSync(join(tmpdir(), "tandem-health-"));
    const bare = openDatabase({ url: `file:${join(dir, "bare.db")}` });
    try {
      expect(await getHealth({ handle: bare, now: NOW })).toEqual({
        db: "unmigrated",
        salesforce: "disconnected",
        lastTickAt: null,
        outboxDepth: null,
        pendingNotifications: null,
        oldestOpenErrorAgeSeconds: null,
      });
    } finally {
      bare.client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function countParameters(sql: string) {
  return (sql.match(/\?/g) ?? []).length;
}
