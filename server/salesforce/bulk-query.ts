import { z } from "zod";
import type { TSalesforce } from "./open-connection";

const ZJobSchema = z.object({ id: z.string(), state: z.string(), errorMessage: z.string().optional() });

export type TBulkOptions = { pageSize: number; sleep?: (ms: number) => Promise<void> };

/**
 * A Bulk API 2.0 queryAll job, read page by page (`maxRecords` + `Sforce-Locator`, the literal
 * "null" after the last page). Pages are fetched here rather than through jsforce's bulk2 client,
 * which pipes all pages into one parser at once and corrupts results longer than one page.
 */
export async function* bulkQueryAll(salesforce: TSalesforce, soql: string, options: TBulkOptions): AsyncGenerator<Array<Record<string, string>>> {
  const { connection, meter } = salesforce;
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const base = `${connection.instanceUrl}/services/data/v${connection.version}/jobs/query`;
  let job = ZJobSchema.parse(
    await connection.request({ method: "POST", url: base, body: JSON.stringify({ operation: "queryAll", query: soql }), headers: { "content-type": "application/json" } }),
  );
  // Small jobs finish almost at once: look first, then back off.
  for (let wait = 200; ; wait = Math.min(wait * 2, 5000)) {
    if (job.state === "Failed" || job.state === "Aborted") throw Object.assign(new Error(`The Bulk API job ${job.state.toLowerCase()}: ${job.errorMessage ?? "no reason given"}`), { errorCode: "BULK_JOB_FAILED" });
    job = ZJobSchema.parse(await connection.request({ method: "GET", url: `${base}/${job.id}` }));
    if (job.state === "JobComplete") break;
    await sleep(wait);
  }
  const fetchPage = async (locator: string | null) => {
    const url = `${base}/${job.id}/results?maxRecords=${options.pageSize}${locator ? `&locator=${encodeURIComponent(locator)}` : ""}`;
    const body = await connection.request({ method: "GET", url, headers: { accept: "text/csv" } });
    const next = meter.locators.get(url);
    meter.locators.delete(url);
    if (!next) throw Object.assign(new Error("Salesforce sent a Bulk API results page without a Sforce-Locator header."), { errorCode: "BULK_JOB_FAILED" });
    // jsforce parses text/csv into records; an empty page comes back as an empty string.
    return { records: Array.isArray(body) ? (body as Array<Record<string, string>>) : [], locator: next === "null" ? null : next };
  };
  let page = await fetchPage(null);
  for (;;) {
    // The next page downloads while the caller applies this one.
    const next = page.locator ? fetchPage(page.locator) : null;
    next?.catch(() => undefined);
    yield page.records;
    if (!next) return;
    page = await next;
  }
}
