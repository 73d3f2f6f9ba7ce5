/**
 * One measured pull, in its own process so its peak RSS is Tandem's alone (the emulator runs in
 * another process). Prints one JSON line.
 *   tsx server/bench/pull-once.ts tandem|bare <emulatorUrl>
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Connection } from "jsforce";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { setEnvDefault } from "@/server/env";
import { SALESFORCE_API_VERSION } from "@/server/salesforce/api-version";
import { storeConnection } from "@/server/salesforce/store-connection";
import { buildPullQuery } from "@/server/sync/core/cursor";
import { PULL_ORDER } from "@/server/sync/core/pull-objects";
import { runTick } from "@/server/sync/run-tick";

type TTokens = { access_token: string; refresh_token: string; instance_url: string; id: string };

async function tokens(url: string): Promise<TTokens> {
  return (await (await fetch(`${url}/__emulator/tokens`, { method: "POST" })).json()) as TTokens;
}

async function advanceOrgClock(url: string, advanceMs: number): Promise<{ offsetMs: number }> {
  const response = await fetch(`${url}/__emulator/clock`, {
    method: "POST",
    headers: { "content-type": "application/json", connection: "close" },
    body: JSON.stringify({ advanceMs }),
  });
  return (await response.json()) as { offsetMs: number };
}

async function tandem(url: string) {
  const dir = mkdtempSync(join(tmpdir(), "tandem-bench-"));
  const handle = openDatabase({ url: `file:${join(dir, "bench.db")}` });
  await migrateDatabase(handle);
  setEnvDefault("AUTH_SECRET", "bench-secret");
  const issued = await tokens(url);
  await storeConnection(
    handle.db,
    {
      environment: "demo",
      loginUrl: url,
      instanceUrl: issued.instance_url,
      orgId: issued.id.split("/").at(-2) ?? "",
      userId: issued.id.split("/").at(-1) ?? "",
      refreshToken: issued.refresh_token,
      accessToken: issued.access_token,
    },
    Date.now(),
  );
  // The org's clock may already run ahead (an earlier run moved it); Tandem's clock follows it.
  let offset = (await advanceOrgClock(url, 0)).offsetMs;
  const now = () => Date.now() + offset;
  const started = performance.now();
  let apiCalls = 0;
  let records = 0;
  let ticks = 0;
  for (;;) {
    const summary = await runTick(handle.db, "cli", { budgetMs: 600_000, now });
    if ("skipped" in summary) throw new Error("lease busy");
    if (!summary.ok) throw new Error(JSON.stringify(summary.failures));
    ticks += 1;
    apiCalls += summary.apiCalls;
    records += Object.values(summary.pull).reduce(
      (sum, counts) => sum + counts.created + ("suppressed" in counts ? counts.suppressed : 0),
      0,
    );
    if (!summary.more) break;
  }
  const wallMs = performance.now() - started;
  // Time passes in the org and in Tandem alike: first a tick inside the overlap window (it
  // re-reads the burst just loaded, as late commits could hide there), then a truly idle one.
  const later = async (minutes: number) => {
    offset = (await advanceOrgClock(url, minutes * 60_000)).offsetMs;
    const summary = await runTick(handle.db, "cli", { now });
    return "skipped" in summary ? -1 : summary.apiCalls;
  };
  const settleCalls = await later(6);
  const idleCalls = await later(1);
  handle.client.close();
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, apiCalls, records, ticks, settleCalls, idleCalls };
}

/** The same records fetched by bare jsforce into nothing: the floor Tandem is compared with. */
async function bare(url: string) {
  const issued = await tokens(url);
  const connection = new Connection({
    instanceUrl: issued.instance_url,
    accessToken: issued.access_token,
    version: SALESFORCE_API_VERSION,
  });
  const started = performance.now();
  let apiCalls = 0;
  let records = 0;
  for (const object of PULL_ORDER) {
    let page = (await connection.request({
      method: "GET",
      url: `/services/data/v${SALESFORCE_API_VERSION}/queryAll?q=${encodeURIComponent(buildPullQuery(object, null))}`,
    })) as { done: boolean; nextRecordsUrl?: string; records: unknown[] };
    apiCalls += 1;
    records += page.records.length;
    while (!page.done && page.nextRecordsUrl) {
      page = (await connection.queryMore(page.nextRecordsUrl)) as typeof page;
      apiCalls += 1;
      records += page.records.length;
    }
  }
  return { wallMs: performance.now() - started, apiCalls, records };
}

const [mode, url] = process.argv.slice(2);
if (!url || (mode !== "tandem" && mode !== "bare")) throw new Error("usage: pull-once.ts tandem|bare <emulatorUrl>");
const result = mode === "tandem" ? await tandem(url) : await bare(url);
console.log(JSON.stringify({ ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
