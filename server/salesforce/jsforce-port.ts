import type { Connection } from "jsforce";
import { z } from "zod";
import type { TApiMeter } from "./api-meter";
import { createSoapCalls } from "./jsforce-soap";
import type {
  SalesforcePort,
  TBulkPage,
  TDuplicateMatches,
  TObjectDescribe,
  TQueryOutcome,
  TQueryPage,
  TSalesforceRecord,
  TSaveItemResult,
  TSaveOutcome,
} from "./port";
import { toSalesforceError, withTimeout } from "./salesforce-errors";

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

const ZSaveErrorSchema = z.looseObject({
  statusCode: z.string().optional(),
  errorCode: z.string().optional(),
  message: z.string().default(""),
  fields: z.array(z.string()).default([]),
});
const ZSaveResultsSchema = z.array(
  z.looseObject({
    id: z.string().nullish(),
    success: z.boolean(),
    created: z.boolean().optional(),
    errors: z.array(ZSaveErrorSchema).default([]),
  }),
);

const ZDescribeSchema = z.looseObject({
  name: z.string(),
  label: z.string().default(""),
  createable: z.boolean().default(true),
  fields: z.array(
    z.looseObject({
      name: z.string(),
      label: z.string().default(""),
      type: z.string(),
      length: z.number().default(0),
      createable: z.boolean().default(false),
      updateable: z.boolean().default(false),
      nillable: z.boolean().default(true),
      defaultedOnCreate: z.boolean().default(false),
      externalId: z.boolean().default(false),
      picklistValues: z
        .array(
          z.looseObject({
            value: z.string(),
            label: z.string().nullish(),
            active: z.boolean().default(true),
            defaultValue: z.boolean().default(false),
          }),
        )
        .default([]),
    }),
  ),
});

const ZDuplicateErrorSchema = z.looseObject({
  duplicateResult: z.looseObject({
    allowSave: z.boolean().default(false),
    duplicateRule: z.string().nullish(),
    matchResults: z
      .array(
        z.looseObject({
          entityType: z.string().default(""),
          matchRecords: z.array(z.looseObject({ record: z.looseObject({ Id: z.string() }) })).default([]),
        }),
      )
      .default([]),
  }),
});

/** Salesforce accepts at most 5 subrequests of a composite call that are queries or collections. */
const COMPOSITE_QUERIES = 5;
/** Subrequests of any kind in one composite call. */
const COMPOSITE_SUBREQUESTS = 25;
/** How long a write may take before its outcome counts as unknown. */
const DEFAULT_WRITE_TIMEOUT_MS = 120_000;
/** Ids per targeted query: short enough for a GET URL, and under a query page (2,000 rows). */
const IDS_PER_QUERY = 200;

/** A composite subrequest's error body, as the classified error type. */
function subrequestError(status: number, body: unknown) {
  const detail = Array.isArray(body) ? (body[0] as { errorCode?: string; message?: string }) : undefined;
  return toSalesforceError({
    errorCode: detail?.errorCode ?? `ERROR_HTTP_${status}`,
    message: detail?.message ?? "no message",
    statusCode: status,
  });
}

function toSaveResults(body: unknown): TSaveItemResult[] {
  return ZSaveResultsSchema.parse(body).map((item) =>
    item.success && item.id
      ? { success: true as const, id: item.id, created: item.created ?? null }
      : {
          success: false as const,
          id: item.id ?? null,
          // Collections name the code `statusCode`; single-record answers `errorCode`.
          errors: item.errors.map((error) => ({
            code: error.statusCode ?? error.errorCode ?? "UNKNOWN_EXCEPTION",
            message: error.message,
            fields: error.fields,
          })),
        },
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
  const soapCalls = createSoapCalls(connection, { timeoutMs: DEFAULT_WRITE_TIMEOUT_MS });

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
      outcomes.set(item.referenceId, { ok: false, error: subrequestError(item.httpStatusCode, item.body) });
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

    async saveCollections(requests, options = {}) {
      if (requests.length === 0) return new Map();
      if (requests.length > COMPOSITE_QUERIES)
        throw new Error(`A composite request holds at most ${COMPOSITE_QUERIES} collections.`);
      const compositeRequest = requests.map((request) => {
        const records = request.records.map((record) => ({ attributes: { type: request.object }, ...record }));
        const url =
          request.operation === "upsert"
            ? `${base()}/composite/sobjects/${request.object}/${request.externalIdField ?? "Id"}`
            : `${base()}/composite/sobjects`;
        return {
          method: request.operation === "create" ? "POST" : "PATCH",
          url,
          referenceId: request.referenceId,
          body: { allOrNone: false, records },
          ...(request.allowSave ? { httpHeaders: { "Sforce-Duplicate-Rule-Header": "allowSave=true" } } : {}),
        };
      });
      const response = await call(() =>
        withTimeout(
          connection.request({
            method: "POST",
            url: `${base()}/composite`,
            body: JSON.stringify({ allOrNone: false, compositeRequest }),
            headers: { "content-type": "application/json" },
          }),
          options.timeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS,
        ),
      );
      const outcomes = new Map<string, TSaveOutcome>();
      for (const item of ZCompositeResponseSchema.parse(response).compositeResponse) {
        const ok = item.httpStatusCode >= 200 && item.httpStatusCode < 300;
        outcomes.set(
          item.referenceId,
          ok
            ? { ok: true, results: toSaveResults(item.body) }
            : { ok: false, error: subrequestError(item.httpStatusCode, item.body) },
        );
      }
      for (const request of requests) {
        if (!outcomes.has(request.referenceId)) {
          const error = toSalesforceError({ errorCode: "UNKNOWN_EXCEPTION", message: "Salesforce did not answer." });
          outcomes.set(request.referenceId, { ok: false, error });
        }
      }
      return outcomes;
    },

    async describeObjects(objects) {
      const described = new Map<string, TObjectDescribe | null>();
      for (let start = 0; start < objects.length; start += COMPOSITE_SUBREQUESTS) {
        const group = objects.slice(start, start + COMPOSITE_SUBREQUESTS);
        const response = await call(() =>
          connection.request({
            method: "POST",
            url: `${base()}/composite`,
            body: JSON.stringify({
              allOrNone: false,
              compositeRequest: group.map((object) => ({
                method: "GET",
                url: `${base()}/sobjects/${object}/describe`,
                referenceId: object,
              })),
            }),
            headers: { "content-type": "application/json" },
          }),
        );
        for (const item of ZCompositeResponseSchema.parse(response).compositeResponse) {
          if (item.httpStatusCode >= 200 && item.httpStatusCode < 300) {
            const parsed = ZDescribeSchema.parse(item.body);
            described.set(item.referenceId, {
              name: parsed.name,
              label: parsed.label,
              createable: parsed.createable,
              fields: parsed.fields.map((field) => ({
                name: field.name,
                label: field.label,
                type: field.type,
                length: field.length,
                createable: field.createable,
                updateable: field.updateable,
                nillable: field.nillable,
                defaultedOnCreate: field.defaultedOnCreate,
                externalId: field.externalId,
                picklistValues: field.picklistValues.map((value) => ({
                  value: value.value,
                  label: value.label ?? value.value,
                  active: value.active,
                  defaultValue: value.defaultValue,
                })),
              })),
            });
          } else if (item.httpStatusCode === 404) {
            described.set(item.referenceId, null);
          } else {
            throw subrequestError(item.httpStatusCode, item.body);
          }
        }
      }
      return described;
    },

    async findDuplicates(object, record): Promise<TDuplicateMatches | { createdId: string }> {
      try {
        const body = await connection.request({
          method: "POST",
          url: `${base()}/sobjects/${object}`,
          body: JSON.stringify(record),
          headers: { "content-type": "application/json" },
        });
        const created = z.looseObject({ id: z.string() }).safeParse(body);
        if (created.success) return { createdId: created.data.id };
        throw toSalesforceError({
          errorCode: "UNKNOWN_EXCEPTION",
          message: "Salesforce answered a create without an id.",
        });
      } catch (error) {
        const data = (error as { data?: unknown }).data;
        const duplicate = ZDuplicateErrorSchema.safeParse(data);
        if (!duplicate.success) throw toSalesforceError(error);
        const result = duplicate.data.duplicateResult;
        return {
          allowSave: result.allowSave,
          rule: result.duplicateRule ?? null,
          records: result.matchResults.flatMap((match) =>
            match.matchRecords.map((entry) => ({ id: entry.record.Id, object: match.entityType || object })),
          ),
        };
      }
    },

    mergeRecords: soapCalls.mergeRecords,
    convertLead: soapCalls.convertLead,

    flush: input.pendingWrites,
  };
}
