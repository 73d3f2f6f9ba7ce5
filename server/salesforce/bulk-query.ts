import { z } from "zod";
import type { TSalesforce } from "./open-connection";

const ZJobSchema = z.object({ id: z.string(), state: z.string(), errorMessage: z.string().optional() });

function jobsUrl(salesforce: TSalesforce) {
  return `${salesforce.connection.instanceUrl}/services/data/v${salesforce.connection.version}/jobs/query`;
}

function bulkError(message: string) {
  return Object.assign(new Error(message), { errorCode: "BULK_JOB_FAILED" });
}

/** Starts a Bulk API 2.0 queryAll job (deleted and merged rows included, as in a REST pull). */
export async function createBulkQueryJob(salesforce: TSalesforce, soql: string): Promise<string> {
  const body = await salesforce.connection.request({
    method: "POST",
    url: jobsUrl(salesforce),
    body: JSON.stringify({ operation: "queryAll", query: soql }),
    headers: { "content-type": "application/json" },
  });
  return ZJobSchema.parse(body).id;
}

/** Waits for the job to complete: looks at once (small jobs finish almost immediately), then backs off. */
export async function waitForBulkJob(
  salesforce: TSalesforce,
  jobId: string,
  sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<void> {
  for (let wait = 200; ; wait = Math.min(wait * 2, 5000)) {
    const job = ZJobSchema.parse(
      await salesforce.connection.request({ method: "GET", url: `${jobsUrl(salesforce)}/${jobId}` }),
    );
    if (job.state === "JobComplete") return;
    if (job.state === "Failed" || job.state === "Aborted")
      throw bulkError(`The Bulk API job ${job.state.toLowerCase()}: ${job.errorMessage ?? "no reason given"}`);
    await sleep(wait);
  }
}

/**
 * One results page (`maxRecords` rows from `locator`, null for the first). The next locator comes
 * from the Sforce-Locator header, the literal "null" after the last page. Pages are read here
 * rather than through jsforce's bulk2 client, which pipes every page into one parser at once and
 * corrupts results longer than one page.
 */
export async function fetchBulkPage(
  salesforce: TSalesforce,
  jobId: string,
  locator: string | null,
  pageSize: number,
): Promise<{ records: Array<Record<string, string>>; nextLocator: string | null }> {
  const url = `${jobsUrl(salesforce)}/${jobId}/results?maxRecords=${pageSize}${locator ? `&locator=${encodeURIComponent(locator)}` : ""}`;
  const body = await salesforce.connection.request({ method: "GET", url, headers: { accept: "text/csv" } });
  const next = salesforce.meter.locators.get(url);
  salesforce.meter.locators.delete(url);
  if (!next) throw bulkError("Salesforce sent a Bulk API results page without a Sforce-Locator header.");
  // jsforce parses text/csv into records; an empty page comes back as an empty string.
  return {
    records: Array.isArray(body) ? (body as Array<Record<string, string>>) : [],
    nextLocator: next === "null" ? null : next,
  };
}
