/**
 * `node --import tsx server/backup/testing/write-rounds.ts <database url>` (token in
 * DATABASE_AUTH_TOKEN): the other writer of the backup-while-writing test. Round n is ONE
 * transaction that writes n into three tables far apart in a backup's order — the settings row
 * `backup.test.round`, an api_usage_samples row and a match_keys row — so a consistent snapshot
 * holds rounds 1..k in all three, for one k. Prints `ready` after round 1 and runs until SIGTERM.
 */
import { createClient } from "@libsql/client";

async function main() {
  const [url] = process.argv.slice(2);
  if (!url) throw new Error("usage: write-rounds.ts <database url>");
  const client = createClient({ url, authToken: process.env.DATABASE_AUTH_TOKEN, timeout: 15_000 });
  let stopping = false;
  process.once("SIGTERM", () => (stopping = true));
  for (let round = 1; !stopping; round++) {
    await client.batch(
      [
        {
          sql: "INSERT INTO settings (key, value, updated_at) VALUES ('backup.test.round', ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          args: [String(round), Date.now()],
        },
        { sql: "INSERT INTO api_usage_samples (at, used, max) VALUES (?, ?, -1)", args: [Date.now(), round] },
        {
          sql: "INSERT INTO match_keys (entity, key, record_type, record_id) VALUES ('person', ?, 'person', 'writer')",
          args: [`round:${String(round).padStart(8, "0")}`],
        },
      ],
      "write",
    );
    if (round === 1) console.log("ready");
  }
  client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
