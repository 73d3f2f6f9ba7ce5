import { noContentResult, ok, type ApiRequest, type ApiResult, type ApiServices } from "../api";
import type { QueryJob } from "./bulk2-jobs";
import { SfError } from "../org/errors";
import { isObject } from "../http";
import { formatDateTime, toTextValue } from "../org/serialize";
import { compileQuery, execute } from "../soql/compile";
import { valueAt } from "../soql/paths";

const DELIMITERS = { COMMA: ",", TAB: "\t", PIPE: "|", SEMICOLON: ";", CARET: "^", BACKQUOTE: "`" } as const;
const DEFAULT_MAX_RECORDS = 500_000;

function jobInfo(job: QueryJob, full: boolean) {
  const info: Record<string, unknown> = {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: formatDateTime(job.createdDate),
    systemModstamp: formatDateTime(job.createdDate),
    state: job.state,
    concurrencyMode: "Parallel",
    contentType: "CSV",
    apiVersion: Number(job.apiVersion),
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
  };
  if (full) {
    Object.assign(info, {
      jobType: "V2Query",
      numberRecordsProcessed: job.state === "JobComplete" ? job.rows.length : 0,
      retries: 0,
      totalProcessingTime: 0,
      isPkChunkingSupported: true,
    });
  }
  return info;
}

function createJob(api: ApiServices, req: ApiRequest): ApiResult {
  const body = req.json();
  if (!isObject(body)) throw new SfError(400, "JSON_PARSER_ERROR", "Cannot deserialize query job request");
  const operation = body.operation;
  if (operation !== "query" && operation !== "queryAll") {
    throw new SfError(400, "INVALIDJOB", `Invalid operation: ${String(operation)}. Use query or queryAll`);
  }
  if (typeof body.query !== "string") throw new SfError(400, "INVALIDJOB", "query is required");
  const lineEnding = body.lineEnding ?? "LF";
  const columnDelimiter = body.columnDelimiter ?? "COMMA";
  if (lineEnding !== "LF" && lineEnding !== "CRLF")
    throw new SfError(400, "INVALIDJOB", `Invalid lineEnding: ${String(lineEnding)}`);
  if (typeof columnDelimiter !== "string" || !(columnDelimiter in DELIMITERS))
    throw new SfError(400, "INVALIDJOB", `Invalid columnDelimiter: ${String(columnDelimiter)}`);
  const plan = compileQuery(api.org.store, body.query, api.org.clock());
  // Bulk API 2.0 refuses aggregates and OFFSET.
  if (plan.countOnly) throw new SfError(400, "INVALIDJOB", "Aggregate queries are not supported by Bulk API 2.0");
  if (plan.offset > 0) throw new SfError(400, "INVALIDJOB", "OFFSET is not supported by Bulk API 2.0");
  if (plan.items.some((i) => i.kind === "child"))
    throw new SfError(400, "INVALIDJOB", "Parent-to-child subqueries are not supported by Bulk API 2.0");
  const job: QueryJob = {
    id: api.bulkJobs.nextId(),
    operation,
    object: plan.table.def.name,
    query: body.query,
    createdById: req.userId,
    createdDate: api.org.clock(),
    state: "UploadComplete",
    apiVersion: req.version,
    lineEnding,
    columnDelimiter: columnDelimiter as QueryJob["columnDelimiter"],
    rows: execute(api.org.store, plan, operation === "queryAll"),
    select: plan.select,
  };
  api.bulkJobs.jobs.set(job.id, job);
  return ok(jobInfo(job, false));
}

function csvCell(value: string | null): string {
  return `"${(value ?? "").replace(/"/g, '""')}"`;
}

/** One results page as CSV; `Sforce-Locator` carries the next offset, or the literal `null`. */
function results(api: ApiServices, req: ApiRequest, job: QueryJob): ApiResult {
  if (job.state !== "JobComplete") throw new SfError(400, "JOB_NOT_COMPLETE", "Job is not complete");
  const locator = req.query.get("locator");
  let offset = 0;
  if (locator) {
    offset = Number(Buffer.from(locator, "base64").toString("utf8"));
    if (!Number.isInteger(offset) || offset < 0 || offset > job.rows.length)
      throw new SfError(400, "INVALID_LOCATOR", `Invalid locator: ${locator}`);
  }
  const maxRaw = req.query.get("maxRecords");
  const max = maxRaw === null ? DEFAULT_MAX_RECORDS : Number(maxRaw);
  if (!Number.isInteger(max) || max <= 0) throw new SfError(400, "INVALID_MAXRECORDS", `Invalid maxRecords: ${maxRaw}`);
  const end = Math.min(job.rows.length, offset + max);
  const sep = DELIMITERS[job.columnDelimiter];
  const eol = job.lineEnding === "CRLF" ? "\r\n" : "\n";
  const lines: string[] = [job.select.map((p) => csvCell(p.canonical)).join(sep)];
  const store = api.org.store;
  for (let i = offset; i < end; i++) {
    const rec = job.rows[i]!;
    lines.push(job.select.map((p) => csvCell(toTextValue(p.field, valueAt(store, rec, p)))).join(sep));
  }
  const next = end < job.rows.length ? Buffer.from(String(end)).toString("base64") : "null";
  return {
    status: 200,
    raw: { text: lines.join(eol) + eol, contentType: "text/csv" },
    headers: { "Sforce-Locator": next, "Sforce-NumberOfRecords": String(end - offset) },
  };
}

export function handleBulkQuery(api: ApiServices, req: ApiRequest, segments: string[]): ApiResult {
  const [, , jobId, sub, ...rest] = segments;
  if (rest.length > 0) throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
  if (!jobId) {
    if (req.method === "POST") return createJob(api, req);
    if (req.method === "GET")
      return ok({
        done: true,
        records: [...api.bulkJobs.jobs.values()].map((j) => jobInfo(j, false)),
        nextRecordsUrl: null,
      });
    throw new SfError(405, "METHOD_NOT_ALLOWED", `HTTP Method '${req.method}' not allowed. Allowed are GET, POST`);
  }
  const job = api.bulkJobs.jobs.get(jobId);
  if (!job) throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
  if (sub === "results" && req.method === "GET") return results(api, req, job);
  if (sub !== undefined) throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
  if (req.method === "GET") {
    // The query ran when the job was created; the first poll finds it complete.
    if (job.state === "UploadComplete" || job.state === "InProgress") job.state = "JobComplete";
    return ok(jobInfo(job, true));
  }
  if (req.method === "DELETE") {
    api.bulkJobs.jobs.delete(jobId);
    return noContentResult();
  }
  if (req.method === "PATCH") {
    const body = req.json();
    if (!isObject(body) || body.state !== "Aborted")
      throw new SfError(400, "INVALIDJOB", "Only state Aborted can be set on a query job");
    if (job.state === "JobComplete") throw new SfError(400, "INVALIDJOB", "Job is already complete");
    job.state = "Aborted";
    return ok(jobInfo(job, false));
  }
  throw new SfError(
    405,
    "METHOD_NOT_ALLOWED",
    `HTTP Method '${req.method}' not allowed. Allowed are GET, PATCH, DELETE`,
  );
}
