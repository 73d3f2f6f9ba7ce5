/**
 * The records Tandem pulls, downloaded by bare jsforce (no port, no engine): the yardsticks
 * `npm run bench` measures Tandem's pull against.
 */
import { Connection } from "jsforce";
import { buildPullQuery } from "@/server/sync/core/cursor";
import { BULK_FIRST_LOAD_ABOVE } from "@/server/sync/core/first-load";
import { PULL_FIELDS, PULL_ORDER } from "@/server/sync/core/pull-objects";
import type { TSyncObject } from "@/server/sync/core/sync-objects";
import { attachApiMeter, createApiMeter } from "../api-meter";
import { SALESFORCE_API_VERSION } from "../api-version";

export type TBareOrg = { instanceUrl: string; accessToken: string };
export type TBareRecord = Record<string, unknown> & { Id: string };
export type TBareDownload = { apiCalls: number; records: number };

type TRestPage = { totalSize: number; done: boolean; nextRecordsUrl?: string; records: TBareRecord[] };

/** Rows per Bulk API 2.0 results page, as Tandem's first load asks for them. */
const BULK_RESULTS_PAGE = 10_000;
const FIRST_POLL_MS = 200;
const MAX_POLL_MS = 5000;

function open(org: TBareOrg) {
  const connection = new Connection({
    instanceUrl: org.instanceUrl,
    accessToken: org.accessToken,
    version: SALESFORCE_API_VERSION,
  });
  // Counts calls, and keeps the Sforce-Locator header of Bulk results pages (jsforce returns bodies).
  const meter = createApiMeter();
  attachApiMeter(connection, meter, Date.now);
  const base = `/services/data/v${SALESFORCE_API_VERSION}`;
  const firstPage = async (object: TSyncObject) =>
    (await connection.request({
      method: "GET",
      url: `${base}/queryAll?q=${encodeURIComponent(buildPullQuery(object, null))}`,
    })) as TRestPage;
  const nextPage = async (page: TRestPage) => (await connection.queryMore(page.nextRecordsUrl ?? "")) as TRestPage;
  return { connection, meter, base, firstPage, nextPage };
}

/** Every object's records as REST queryAll pages (2,000 rows), one call after another, into nothing. */
export async function downloadRestPages(org: TBareOrg): Promise<TBareDownload> {
  const { meter, firstPage, nextPage } = open(org);
  let records = 0;
  for (const object of PULL_ORDER) {
    let page = await firstPage(object);
    records += page.records.length;
    while (!page.done && page.nextRecordsUrl) {
      page = await nextPage(page);
      records += page.records.length;
    }
  }
  return { apiCalls: meter.calls, records };
}

/**
 * Every object's records by the transport of Tandem's first load: REST pages for an object of at
 * most 10,000 rows, above that a Bulk API 2.0 queryAll job read in 10,000-row results pages (CSV,
 * values as strings). Each page goes to `onPage` while the next one downloads.
 */
export async function downloadLikeFirstLoad(
  org: TBareOrg,
  onPage: (object: TSyncObject, records: TBareRecord[]) => Promise<void>,
): Promise<TBareDownload> {
  const { connection, meter, firstPage, nextPage, base } = open(org);
  const jobsUrl = `${connection.instanceUrl}${base}/jobs/query`;
  let records = 0;
  const take = async (object: TSyncObject, rows: TBareRecord[]) => {
    records += rows.length;
    await onPage(object, rows);
  };

  for (const object of PULL_ORDER) {
    const first = await firstPage(object);
    if (first.done || first.totalSize <= BULK_FIRST_LOAD_ABOVE) {
      let page = first;
      for (;;) {
        const next = !page.done && page.nextRecordsUrl ? nextPage(page) : null;
        next?.catch(() => undefined);
        await take(object, page.records);
        if (!next) break;
        page = await next;
      }
      continue;
    }

    const job = (await connection.request({
      method: "POST",
      url: jobsUrl,
      body: JSON.stringify({ operation: "queryAll", query: `SELECT ${PULL_FIELDS[object].join(", ")} FROM ${object}` }),
      headers: { "content-type": "application/json" },
    })) as { id: string };
    for (let wait = FIRST_POLL_MS; ; wait = Math.min(wait * 2, MAX_POLL_MS)) {
      const { state } = (await connection.request({ method: "GET", url: `${jobsUrl}/${job.id}` })) as { state: string };
      if (state === "JobComplete") break;
      if (state === "Failed" || state === "Aborted") throw new Error(`Bulk job ${job.id}: ${state}`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const resultsPage = async (locator: string | null) => {
      const url = `${jobsUrl}/${job.id}/results?maxRecords=${BULK_RESULTS_PAGE}${locator ? `&locator=${encodeURIComponent(locator)}` : ""}`;
      const body = await connection.request({ method: "GET", url, headers: { accept: "text/csv" } });
      const next = meter.locators.get(url);
      meter.locators.delete(url);
      return {
        rows: Array.isArray(body) ? (body as TBareRecord[]) : [],
        next: next && next !== "null" ? next : null,
      };
    };
    let page = await resultsPage(null);
    for (;;) {
      const next = page.next ? resultsPage(page.next) : null;
      next?.catch(() => undefined);
      await take(object, page.rows);
      if (!next) break;
      page = await next;
    }
  }
  return { apiCalls: meter.calls, records };
}
