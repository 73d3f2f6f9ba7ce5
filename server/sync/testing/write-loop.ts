/**
 * `node --import tsx server/sync/testing/write-loop.ts <database url> <label> <rounds>`: one
 * process of the concurrent-writers test. Prints `ready`, waits for SIGUSR2, then runs `rounds`
 * rounds of small write transactions through the engine's lease (take, fenced commit, release),
 * and prints a JSON line. Any error ends it with exit code 1.
 */
import { openDatabase } from "@/db/client";
import { acquireLease, commitFenced } from "../lease";

async function main() {
  const [url, label, rounds] = process.argv.slice(2);
  if (!url || !label || !rounds) throw new Error("usage: write-loop.ts <database url> <label> <rounds>");
  const { db, client } = openDatabase({ url });
  await new Promise<void>((resolve) => {
    // A signal handler alone does not keep node running.
    const waiting = setInterval(() => undefined, 1_000);
    process.once("SIGUSR2", () => {
      clearInterval(waiting);
      resolve();
    });
    console.log("ready");
  });
  const startedAt = Date.now();
  for (let round = 0; round < Number(rounds); round++) {
    const name = `writer-${label}`;
    const lease = await acquireLease(db, { name, holder: `${label}-${round}`, now: Date.now });
    if (!lease) throw new Error(`round ${round}: the lease ${name} was not taken`);
    await commitFenced(db, lease, [
      { sql: "INSERT INTO api_usage_samples (at, used, max) VALUES (?, ?, ?)", args: [Date.now(), round, 0] },
    ]);
    await lease.release();
    // release() logs instead of throwing: a lease left behind means its delete failed.
    const left = await client.execute({ sql: "SELECT COUNT(*) AS n FROM sync_leases WHERE name = ?", args: [name] });
    if (Number(left.rows[0]?.n) !== 0) throw new Error(`round ${round}: the lease ${name} was not released`);
  }
  console.log(JSON.stringify({ label, rounds: Number(rounds), startedAt, finishedAt: Date.now() }));
  client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
