import type { Connection } from "jsforce";
import { z } from "zod";
import { isAppError, SalesforceError } from "@/server/errors";
import { classifySyncError } from "@/server/sync/core/classify-error";
import type { TApiMeter } from "./api-meter";
import type { SalesforcePort, TBulkPage, TQueryOutcome, TQueryPage, TSalesforceRecord } from "./port";

const ZQueryPageSchema = z.object({
  totalSize: z.number(),
  done: z.boolean(),
  nextRecordsUrl: z.string().optional(),
  records: z.array(z.looseObject({ Id: z.string() })),
});

const ZCompositeResponseSchema = z.object({
  compositeResponse: z.array(z.object({ referenceId: z.string(), httpStatusCode: z.number(), body: z.unknown() })),
});

const ZBulkJobSchema = z.object({ id: z.string(), state: z.string(), errorMessage: z.string().optional() });

const ZLimitsSchema = z.object({
  DailyApiRequests: z.object({ Max: z.number(), Remaining: z.number() }).optional(),
});

/** Salesforce accepts at most 5 subrequests of a composite call that are queries. */
const COMPOSITE_QUERIES = 5;
/** Ids per targeted query: short enough for a GET URL, and under a query page (2,000 rows). */
const IDS_PER_QUERY = 200;

/** Any failure on the way to Salesforce, as the one classified error type. */
export function toSalesforceError(error: unknown): SalesforceError {
  if (error instanceof SalesforceError) return error;
  if (isAppError(error)) {
    return new SalesforceError(
      { salesforceCode: error.code, retryable: false, connectionBroken: false, message: error.message },
      { cause: error },
    );
  }
  const classified = classifySyncError((error ?? {}) as Error);
  return new SalesforceError(
    {
      salesforceCode: classified.code,
      retryable: classified.retryable,
      connectionBroken: classified.connection,
      message: classified.message,
    },
    { cause: error },
  );
}

function toPage(body: unknown): TQueryPage {
  const parsed = ZQueryPageSchema.parse(body);
  return {
    totalSize: parsed.totalSize,
    done: parsed.done,
    nextRecordsUrl: parsed.nextRecordsUrl ?? null,
    records: parsed.records as TSalesforceRecord[],
  };
}

/** Quotes an Id for SOQL; Ids are 15 or 18 alphanumerics, anything else is dropped. */
function soqlIdList(ids: readonly string[]): string {
  return ids.map((id) => `'${id.replace(/[^a-zA-Z0-9]/g, "")}'`).join(", ");
}

/**
 * The Salesforce port over a jsforce connection. jsforce refreshes an expired access token by
 * itself; `meter` counts calls and keeps Sforce-Limit-Info; `pendingWrites` are token saves the
 * caller started from jsforce's refresh event, awaited by `flush()`.
 */
export function createJsforcePort(input: {
  connection: Connection;
  meter: TApiMeter;
  orgId: string;
  pendingWrites: () => Promise<void>;
}): SalesforcePort {
  const { connection, meter } = input;
  const base = () => `/services/data/v${connection.version}`;
  const jobsUrl = () => `${connection.instanceUrl}${base()}/jobs/query`;

  async function call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toSalesforceError(error);
    }
  }

  async function composite(queries: ReadonlyArray<{ referenceId: string; soql: string }>) {
    if (queries.length > COMPOSITE_QUERIES)
      throw new Error(`A composite request holds at most ${COMPOSITE_QUERIES} queries.`);
    const response = await call(() =>
      connection.request({
        method: "POST",
        url: `${base()}/composite`,
        body: JSON.stringify({
          allOrNone: false,
          compositeRequest: queries.map((query) => ({
            method: "GET",
            url: `${base()}/queryAll?q=${encodeURIComponent(query.soql)}`,
            referenceId: query.referenceId,
          })),
        }),
        headers: { "content-type": "application/json" },
      }),
    );
    const outcomes = new Map<string, TQueryOutcome>();
    for (const item of ZCompositeResponseSchema.parse(response).compositeResponse) {
      if (item.httpStatusCode >= 200 && item.httpStatusCode < 300) {
        outcomes.set(item.referenceId, { ok: true, page: toPage(item.body) });
        continue;
      }
      const detail = Array.isArray(item.body) ? (item.body[0] as { errorCode?: string; message?: string }) : undefined;
      const error = toSalesforceError({
        errorCode: detail?.errorCode ?? `ERROR_HTTP_${item.httpStatusCode}`,
        message: detail?.message ?? "no message",
        statusCode: item.httpStatusCode,
      });
      outcomes.set(item.referenceId, { ok: false, error });
    }
    for (const query of queries) {
      if (!outcomes.has(query.referenceId)) {
        const error = toSalesforceError({
          errorCode: "UNKNOWN_EXCEPTION",
          message: "Salesforce did not answer a query.",
        });
        outcomes.set(query.referenceId, { ok: false, error });
      }
    }
    return outcomes;
  }

  return {
    orgId: input.orgId,
    get apiCalls() {
      return meter.calls;
    },
    get apiLimit() {
      return meter.limit;
    },

    async compositeQueryAll(queries) {
      if (queries.length === 0) return new Map();
      return composite(queries);
    },

    async queryAll(soql) {
      return toPage(
        await call(() =>
          connection.request({ method: "GET", url: `${base()}/queryAll?q=${encodeURIComponent(soql)}` }),
        ),
      );
    },

    async queryMore(nextRecordsUrl) {
      return toPage(await call(async () => connection.queryMore(nextRecordsUrl)));
    },

    async queryAllByIds(requests) {
      const subrequests: Array<{ referenceId: string; object: string; ids: string[]; soql: string }> = [];
      for (const request of requests) {
        for (let start = 0; start < request.ids.length; start += IDS_PER_QUERY) {
          const ids = request.ids.slice(start, start + IDS_PER_QUERY);
          const soql = `SELECT ${request.fields.join(", ")} FROM ${request.object} WHERE Id IN (${soqlIdList(ids)})`;
          subrequests.push({ referenceId: `q${subrequests.length}`, object: request.object, ids, soql });
        }
      }
      const results: Array<{ object: string; ids: string[]; outcome: TQueryOutcome }> = [];
      for (let start = 0; start < subrequests.length; start += COMPOSITE_QUERIES) {
        const group = subrequests.slice(start, start + COMPOSITE_QUERIES);
        // A refused call fails only its own chunks: the caller retries them later, the rest go on.
        const outcomes = await composite(group).catch((error: unknown) => {
          const failure = toSalesforceError(error);
          if (failure.connectionBroken) throw failure;
          return new Map(group.map((subrequest) => [subrequest.referenceId, { ok: false as const, error: failure }]));
        });
        for (const subrequest of group) {
          results.push({
            object: subrequest.object,
            ids: subrequest.ids,
            outcome: outcomes.get(subrequest.referenceId)!,
          });
        }
      }
      return results;
    },

    async startBulkQuery(soql) {
      const body = await call(() =>
        connection.request({
          method: "POST",
          url: jobsUrl(),
          body: JSON.stringify({ operation: "queryAll", query: soql }),
          headers: { "content-type": "application/json" },
        }),
      );
      return ZBulkJobSchema.parse(body).id;
    },

    async getBulkJob(jobId) {
      const job = ZBulkJobSchema.parse(
        await call(() => connection.request({ method: "GET", url: `${jobsUrl()}/${jobId}` })),
      );
      return { id: job.id, state: job.state, errorMessage: job.errorMessage ?? null };
    },

    /*
     * Pages are read here rather than through jsforce's bulk2 client, which pipes every page into
     * one parser at once and corrupts results longer than one page. The next locator comes from
     * the Sforce-Locator header ("null" after the last page), which only the meter sees.
     */
    async getBulkResults(jobId, locator, maxRecords): Promise<TBulkPage> {
      const url = `${jobsUrl()}/${jobId}/results?maxRecords=${maxRecords}${locator ? `&locator=${encodeURIComponent(locator)}` : ""}`;
      const body = await call(() => connection.request({ method: "GET", url, headers: { accept: "text/csv" } }));
      const next = meter.locators.get(url);
      meter.locators.delete(url);
      if (!next) {
        throw toSalesforceError({
          errorCode: "BULK_JOB_FAILED",
          message: "Salesforce sent a Bulk API results page without a Sforce-Locator header.",
        });
      }
      // jsforce parses text/csv into records; an empty page comes back as an empty string.
      const records = Array.isArray(body) ? (body as Array<Record<string, string>>) : [];
      return { records, nextLocator: next === "null" ? null : next };
    },

    async getDailyApiUsage() {
      const limits = ZLimitsSchema.parse(await call(() => connection.limits()));
      const daily = limits.DailyApiRequests;
      if (!daily) {
        throw toSalesforceError({
          errorCode: "LIMITS_UNAVAILABLE",
          message: 'Salesforce did not report the daily API limit (the user may lack "View Setup and Configuration").',
        });
      }
      return { used: daily.Max - daily.Remaining, max: daily.Max };
    },

    flush: input.pendingWrites,
  };
}
