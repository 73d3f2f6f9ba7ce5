/**
 * `npm run bench`: the initial pull and an idle tick against an emulated org of 10,000 and
 * 100,000 records across accounts, contacts, leads and opportunities; beside each, bare jsforce
 * fetching the same records into nothing, measured in the same run.
 */
import { execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";

const SIZES = [10_000, 100_000];
const MIX = { Account: 0.2, Contact: 0.45, Lead: 0.2, Opportunity: 0.15 } as const;
const PAGE = 2000;
const BULK_ABOVE = 10_000;
const BULK_PAGE = 10_000;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startEmulatorProcess() {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "server/emulator/cli.ts",
      "--port",
      String(port),
      "--seed",
      "empty",
      "--daily-limit",
      "10000000",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return { url: `http://localhost:${port}`, stop: () => child.kill("SIGTERM") };
}

async function admin(url: string, path: string, body: unknown) {
  const response = await fetch(`${url}/__emulator/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", connection: "close" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

function measure(mode: "tandem" | "bare", url: string) {
  const output = execFileSync(process.execPath, ["--import", "tsx", "server/bench/pull-once.ts", mode, url], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as {
    wallMs: number;
    apiCalls: number;
    records: number;
    settleCalls?: number;
    idleCalls?: number;
    maxRssMb: number;
  };
}

const rate = (records: number, ms: number) => Math.round((records / ms) * 1000).toLocaleString("en-US");

async function main() {
  const emulator = await startEmulatorProcess();
  const rows: Array<{ size: number; rss: number }> = [];
  try {
    for (const size of SIZES) {
      await admin(emulator.url, "reset", { seed: "empty" });
      const counts = Object.entries(MIX).map(([object, share]) => [object, Math.round(size * share)] as const);
      for (const [object, count] of counts) await admin(emulator.url, "records", { object, count });
      // Fewest calls possible: one composite carries every object's first query; an object up to
      // 10,000 rows then needs one call per further 2,000-row page, a larger one a Bulk API job
      // (create, at least one status check, one call per 50,000-row results page).
      const minimum =
        1 +
        counts.reduce(
          (sum, [, count]) =>
            sum + (count > BULK_ABOVE ? 2 + Math.ceil(count / BULK_PAGE) : Math.max(1, Math.ceil(count / PAGE)) - 1),
          0,
        );
      const bareRun = measure("bare", emulator.url);
      const tandemRun = measure("tandem", emulator.url);
      rows.push({ size, rss: tandemRun.maxRssMb });
      console.log(
        `\n${size.toLocaleString("en-US")} records (${counts.map(([object, count]) => `${object} ${count.toLocaleString("en-US")}`).join(", ")})`,
      );
      // The floor if every bulk job came back in one results page (memory permitting).
      const floor =
        1 +
        counts.reduce((sum, [, count]) => sum + (count > BULK_ABOVE ? 3 : Math.max(1, Math.ceil(count / PAGE)) - 1), 0);
      console.log(
        `  initial pull   ${tandemRun.apiCalls} API calls (minimum ${minimum} with ${BULK_PAGE.toLocaleString("en-US")}-row bulk pages: ${(tandemRun.apiCalls / minimum).toFixed(2)}×, target ≤ 1.10×; ${floor} with one page per job: ${(tandemRun.apiCalls / floor).toFixed(2)}×)`,
      );
      console.log(
        `  idle tick      ${tandemRun.idleCalls} API call (minimum 1); the tick that settles the 5-minute overlap after a load re-reads it: ${tandemRun.settleCalls} calls`,
      );
      console.log(
        `  Tandem         ${Math.round(tandemRun.wallMs).toLocaleString("en-US")} ms, ${rate(tandemRun.records, tandemRun.wallMs)} records/s, peak RSS ${tandemRun.maxRssMb} MB`,
      );
      console.log(
        `  bare jsforce   ${Math.round(bareRun.wallMs).toLocaleString("en-US")} ms, ${rate(bareRun.records, bareRun.wallMs)} records/s, ${bareRun.apiCalls} API calls, peak RSS ${bareRun.maxRssMb} MB`,
      );
      console.log(`  Tandem / bare  ${(tandemRun.wallMs / bareRun.wallMs).toFixed(2)}× (target ≤ 2×)`);
    }
    const [small, large] = rows;
    if (small && large)
      console.log(`\nPeak RSS growth 10,000 → 100,000 records: ${large.rss - small.rss} MB (target < 150 MB)`);
  } finally {
    emulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
