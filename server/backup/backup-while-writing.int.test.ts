import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type TDatabaseConfig } from "@/db/client";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { insertActivity, insertPeople } from "@/server/records/testing/crm-fixtures";
import { ACTIVITY_EVENTS } from "@/server/sync/core/activity-events";
import { sleep, spawnScript, type TRunningProcess } from "@/server/sync/testing/processes";
import { backupDatabase } from "./backup-database";
import { restoreDatabase } from "./restore-database";

const kind = testDatabaseKind();
let live: TTestDatabase;
let writer: TRunningProcess;
let dir: string;

const liveConfig = (): TDatabaseConfig =>
  kind === "sqld" ? { url: live.url, authToken: inject("sqld").authToken } : { url: live.url };

/** The last round the writer committed, as the live database shows it now. */
async function committedRounds(client: Client): Promise<number> {
  const result = await client.execute("SELECT COALESCE(MAX(used), 0) AS n FROM api_usage_samples WHERE max = -1");
  return Number(result.rows[0]?.n);
}

/** A snapshot holds rounds 1..k of the writer in all three tables, for one k, and passes SQLite's check. */
async function expectPrefixConsistent(client: Client): Promise<number> {
  expect((await client.execute("PRAGMA integrity_check")).rows.map((row) => row[0])).toEqual(["ok"]);
  const setting = await client.execute("SELECT value FROM settings WHERE key = 'backup.test.round'");
  const rounds = Number(setting.rows[0]?.value);
  const samples = await client.execute(
    "SELECT COUNT(*) AS n, MIN(used) AS low, MAX(used) AS high FROM api_usage_samples WHERE max = -1",
  );
  expect(samples.rows[0]).toMatchObject({ n: rounds, low: 1, high: rounds });
  const keys = await client.execute(
    "SELECT COUNT(*) AS n, MAX(key) AS high FROM match_keys WHERE record_id = 'writer'",
  );
  expect(keys.rows[0]).toMatchObject({ n: rounds, high: `round:${String(rounds).padStart(8, "0")}` });
  return rounds;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tandem-backup-writing-"));
  live = await createTestDatabase();
  // Enough rows between the first and the last table the writer touches that reading them takes a while.
  const filler = "x".repeat(400);
  for (let batch = 0; batch < 20; batch++) {
    await insertPeople(
      live.db,
      Array.from({ length: 500 }, (_, index) => ({ name: `Person ${batch}-${index}`, title: filler })),
    );
  }
  await insertActivity(
    live.db,
    Array.from({ length: 2000 }, (_, index) => ({
      recordType: "person" as const,
      recordId: `person-${index}`,
      event: ACTIVITY_EVENTS[0],
      at: index,
      message: filler,
    })),
  );
  writer = spawnScript("server/backup/testing/write-rounds.ts", [live.url], {
    ...process.env,
    DATABASE_AUTH_TOKEN: kind === "sqld" ? inject("sqld").authToken : undefined,
  });
  for (let waited = 0; !writer.output().includes("ready"); waited += 50) {
    if (waited > 30_000) throw new Error(`the writer did not start: ${(await writer.exited).stderr}`);
    await sleep(50);
  }
}, 120_000);
afterAll(async () => {
  await writer?.stop();
  await live?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe(`backup while another process writes, on ${kind}`, () => {
  it.each(kind === "file" ? (["sqlite", "sql"] as const) : (["sql"] as const))(
    "a %s backup taken while a writer commits in a loop is one consistent state: rounds 1..k everywhere",
    async (format) => {
      await sleep(300);
      const before = await committedRounds(live.client);
      const backup = await backupDatabase(liveConfig(), join(dir, `live.${format}`), { format });
      const after = await committedRounds(live.client);
      expect(after, "the writer kept committing during the backup").toBeGreaterThan(before);

      const restoredConfig = { url: `file:${join(dir, `restored-${format}.db`)}` };
      await restoreDatabase(restoredConfig, backup.file);
      const restored = openDatabase(restoredConfig);
      try {
        const rounds = await expectPrefixConsistent(restored.client);
        expect(rounds).toBeGreaterThanOrEqual(before);
        expect(rounds).toBeLessThanOrEqual(after);
      } finally {
        restored.client.close();
      }
      if (format === "sqlite") {
        const snapshot = openDatabase({ url: `file:${backup.file}` });
        try {
          await expectPrefixConsistent(snapshot.client);
        } finally {
          snapshot.client.close();
        }
      }
    },
    60_000,
  );
});
