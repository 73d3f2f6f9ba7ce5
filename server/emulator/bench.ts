import { Connection } from "jsforce";
import { startEmulator } from "./index";

/**
 * Records per second the emulator serves at 100,000 Contacts, through REST query + queryMore
 * (2,000-row pages) and through Bulk API 2.0, both with the real jsforce client.
 *   npx tsx server/emulator/bench.ts [count]
 */
const COUNT = Number(process.argv[2] ?? 100_000);
const VERSION = "62.0";
const SOQL =
  "SELECT Id, FirstName, LastName, Email, AccountId, SystemModstamp, IsDeleted FROM Contact ORDER BY SystemModstamp, Id";

const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString("en-US")} records/s`;

async function main(): Promise<void> {
  const emu = await startEmulator({ seed: "empty", dailyApiLimit: 1_000_000 });
  try {
    let t = performance.now();
    const seeded = await fetch(`${emu.url}/__emulator/records`, {
      method: "POST",
      body: JSON.stringify({ object: "Contact", count: COUNT }),
    });
    if (seeded.status !== 201) throw new Error(`seeding failed: ${seeded.status} ${await seeded.text()}`);
    console.log(`seeded ${COUNT.toLocaleString("en-US")} Contacts in ${Math.round(performance.now() - t)} ms`);
    const tokens = emu.issueTokens();
    const conn = new Connection({ instanceUrl: emu.url, accessToken: tokens.access_token, version: VERSION });

    t = performance.now();
    let result = await conn.query<{ Id: string }>(SOQL);
    let rows = result.records.length;
    let pages = 1;
    const firstPageMs = performance.now() - t;
    const pageTimes: number[] = [];
    while (!result.done) {
      const p = performance.now();
      result = await conn.queryMore<{ Id: string }>(result.nextRecordsUrl!);
      pageTimes.push(performance.now() - p);
      rows += result.records.length;
      pages++;
    }
    const restMs = performance.now() - t;
    pageTimes.sort((a, b) => a - b);
    const median = pageTimes[Math.floor(pageTimes.length / 2)] ?? 0;
    const last = pageTimes[pageTimes.length - 1] ?? 0;
    console.log(
      `REST query+queryMore: ${rows.toLocaleString("en-US")} rows in ${pages} pages, ${Math.round(restMs)} ms → ${rate(rows, restMs)} (first page ${Math.round(firstPageMs)} ms incl. query, queryMore median ${median.toFixed(1)} ms, slowest ${last.toFixed(1)} ms)`,
    );

    // jsforce's bulk2.query() pipes every results page into one CSV parser concurrently, which
    // breaks as soon as a job has more than one page (jsforce issue #1740, also against real
    // orgs); it is measured only while the results fit the emulator's default page.
    if (COUNT <= 500_000) {
      t = performance.now();
      const bulkRows = await (await conn.bulk2.query(SOQL)).toArray();
      const bulkMs = performance.now() - t;
      console.log(
        `Bulk 2.0 (jsforce bulk2.query, one page): ${bulkRows.length.toLocaleString("en-US")} rows in ${Math.round(bulkMs)} ms → ${rate(bulkRows.length, bulkMs)}`,
      );
    }

    t = performance.now();
    const job = await conn.request<{ id: string }>({
      method: "POST",
      url: `/services/data/v${VERSION}/jobs/query`,
      body: JSON.stringify({ operation: "query", query: SOQL }),
      headers: { "Content-Type": "application/json" },
    });
    await conn.request(`/services/data/v${VERSION}/jobs/query/${job.id}`);
    let locator = "";
    let csvRows = 0;
    let csvPages = 0;
    do {
      const res = await fetch(
        `${emu.url}/services/data/v${VERSION}/jobs/query/${job.id}/results?maxRecords=50000${locator ? `&locator=${locator}` : ""}`,
        { headers: { Authorization: `Bearer ${tokens.access_token}` } },
      );
      await res.text();
      csvRows += Number(res.headers.get("sforce-numberofrecords"));
      locator = res.headers.get("sforce-locator") ?? "null";
      csvPages++;
    } while (locator !== "null");
    const csvMs = performance.now() - t;
    console.log(
      `Bulk 2.0 (raw CSV pages of 50,000): ${csvRows.toLocaleString("en-US")} rows in ${csvPages} pages, ${Math.round(csvMs)} ms → ${rate(csvRows, csvMs)}`,
    );
  } finally {
    await emu.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
