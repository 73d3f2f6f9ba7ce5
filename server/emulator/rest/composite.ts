import { ok, type ApiRequest, type ApiResult, type ApiServices } from "../api";
import { SfError, toSfError } from "../org/errors";
import { isObject } from "../http";

export type RestRouter = (api: ApiServices, req: ApiRequest) => ApiResult;

const MAX_SUBREQUESTS = 25;
const HALTED_MESSAGE = "The transaction was rolled back since another operation in the same transaction failed.";

interface SubResponse {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

/** Splits `/services/data/v62.0/sobjects/Account?x=1` into version, path and query. */
function parseSubUrl(url: string): { version: string; path: string; query: URLSearchParams } {
  const m = /^\/?(?:services\/data\/)?v(\d+\.\d+)\/([^?]*)(?:\?(.*))?$/.exec(url);
  if (!m) throw new SfError(400, "INVALID_URL", `The URL must start with /services/data/vXX.X/: ${url}`);
  return { version: m[1]!, path: m[2]!.replace(/\/$/, ""), query: new URLSearchParams(m[3] ?? "") };
}

/** Resolves `@{ref.field}` and `@{ref.records[0].Id}` against earlier responses. */
function lookupReference(expr: string, results: Map<string, SubResponse>): unknown {
  const [refId, ...rest] = expr.split(".");
  const prior = results.get(refId ?? "");
  if (!prior || prior.httpStatusCode >= 400) return undefined;
  let value: unknown = prior.body;
  for (const part of rest.join(".").split(".").filter(Boolean)) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    value = isObject(value) ? value[m[1]!] : undefined;
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) value = Array.isArray(value) ? value[Number(idx[1])] : undefined;
  }
  return value;
}

function substitute(value: unknown, results: Map<string, SubResponse>): unknown {
  if (typeof value === "string") {
    return value.replace(/@\{([^}]+)\}/g, (_, expr: string) => {
      const v = lookupReference(expr, results);
      if (v === undefined || v === null) {
        throw new SfError(
          400,
          "PROCESSING_HALTED",
          `Invalid reference specified. No value for ${expr} found in ${expr.split(".")[0]}. Provided referenceId ('${expr.split(".")[0]}') must be a reference to a successful response.`,
        );
      }
      return String(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, results));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, results)]));
  return value;
}

/** A subrequest's own `httpHeaders` (string values only), lower-cased like Node's incoming headers. */
function subHeaders(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === "string") out[k.toLowerCase()] = v;
  return out;
}

/**
 * A subrequest inherits the outer request's headers; its own `httpHeaders` win, so one subrequest
 * can send `Sforce-Duplicate-Rule-Header: allowSave=true` without the others.
 */
function subRequest(
  parent: ApiRequest,
  method: string,
  url: string,
  body: unknown,
  headers: Record<string, string>,
): ApiRequest {
  const { version, path, query } = parseSubUrl(url);
  return {
    method: method.toUpperCase(),
    path,
    query,
    version,
    userId: parent.userId,
    rawBody: "",
    headers: { ...parent.headers, ...headers },
    json: () => {
      if (body === undefined)
        throw new SfError(400, "JSON_PARSER_ERROR", "No content to map to Object due to end of input");
      return body;
    },
  };
}

function run(router: RestRouter, api: ApiServices, req: ApiRequest): ApiResult {
  try {
    return router(api, req);
  } catch (err) {
    const e = toSfError(err);
    return { status: e.status, body: [e.toRestBody()] };
  }
}

/** POST /composite: up to 25 subrequests, `@{ref}` references, one API call, optional allOrNone. */
export function handleComposite(api: ApiServices, req: ApiRequest, router: RestRouter): ApiResult {
  if (req.method !== "POST")
    throw new SfError(405, "METHOD_NOT_ALLOWED", `HTTP Method '${req.method}' not allowed. Allowed are POST`);
  const body = req.json();
  if (!isObject(body) || !Array.isArray(body.compositeRequest)) {
    throw new SfError(
      400,
      "JSON_PARSER_ERROR",
      "Cannot deserialize instance of CompositeRequest: compositeRequest is required",
    );
  }
  const subs = body.compositeRequest;
  if (subs.length > MAX_SUBREQUESTS)
    throw new SfError(400, "INVALID_FIELD", `Limit Exceeded. A maximum of ${MAX_SUBREQUESTS} subrequests is allowed.`);
  const allOrNone = body.allOrNone === true;
  const results = new Map<string, SubResponse>();
  const ordered: SubResponse[] = [];
  const execute = (): SubResponse[] => {
    for (const raw of subs) {
      if (
        !isObject(raw) ||
        typeof raw.url !== "string" ||
        typeof raw.method !== "string" ||
        typeof raw.referenceId !== "string"
      ) {
        throw new SfError(400, "JSON_PARSER_ERROR", "Each subrequest needs method, url and referenceId");
      }
      let response: SubResponse;
      try {
        const url = substitute(raw.url, results) as string;
        const subBody = raw.body === undefined ? undefined : substitute(raw.body, results);
        const result = run(router, api, subRequest(req, raw.method, url, subBody, subHeaders(raw.httpHeaders)));
        const httpHeaders: Record<string, string> = {};
        if (result.status === 201 && isObject(result.body) && typeof result.body.id === "string") {
          const { version, path } = parseSubUrl(url);
          httpHeaders.Location = `/services/data/v${version}/${path}/${result.body.id}`;
        }
        response = {
          body: result.body ?? null,
          httpHeaders,
          httpStatusCode: result.status,
          referenceId: raw.referenceId,
        };
      } catch (err) {
        const e = toSfError(err);
        response = {
          body: [{ errorCode: e.errorCode, message: e.message }],
          httpHeaders: {},
          httpStatusCode: e.status,
          referenceId: raw.referenceId,
        };
      }
      results.set(raw.referenceId, response);
      ordered.push(response);
      if (allOrNone && response.httpStatusCode >= 400) break;
    }
    return ordered;
  };
  const failed = (list: SubResponse[]) => allOrNone && list.some((r) => r.httpStatusCode >= 400);
  const list = api.org.store.transaction(execute, failed);
  if (!failed(list)) return ok({ compositeResponse: list });
  // allOrNone: the failing subrequest keeps its error, every other one was rolled back or never ran.
  const halted = subs.map((raw, i) => {
    const done = list[i];
    if (done && done.httpStatusCode >= 400) return done;
    return {
      body: [{ errorCode: "PROCESSING_HALTED", message: HALTED_MESSAGE }],
      httpHeaders: {},
      httpStatusCode: 400,
      referenceId: isObject(raw) ? String(raw.referenceId) : "",
    };
  });
  return ok({ compositeResponse: halted });
}

/** POST /composite/batch: independent subrequests, each counted as an API call. */
export function handleBatch(api: ApiServices, req: ApiRequest, router: RestRouter): ApiResult {
  if (req.method !== "POST")
    throw new SfError(405, "METHOD_NOT_ALLOWED", `HTTP Method '${req.method}' not allowed. Allowed are POST`);
  const body = req.json();
  if (!isObject(body) || !Array.isArray(body.batchRequests)) {
    throw new SfError(
      400,
      "JSON_PARSER_ERROR",
      "Cannot deserialize instance of BatchRequest: batchRequests is required",
    );
  }
  if (body.batchRequests.length > MAX_SUBREQUESTS)
    throw new SfError(400, "INVALID_FIELD", `Limit Exceeded. A maximum of ${MAX_SUBREQUESTS} subrequests is allowed.`);
  let halted = false;
  let hasErrors = false;
  const results = body.batchRequests.map((raw) => {
    if (halted)
      return {
        statusCode: 412,
        result: [{ errorCode: "BATCH_PROCESSING_HALTED", message: "Batch processing halted per request" }],
      };
    if (!isObject(raw) || typeof raw.url !== "string" || typeof raw.method !== "string") {
      hasErrors = true;
      return {
        statusCode: 400,
        result: [{ errorCode: "JSON_PARSER_ERROR", message: "Each batch subrequest needs method and url" }],
      };
    }
    api.usage.record(resourceOf(raw.url));
    let result: ApiResult;
    try {
      result = run(router, api, subRequest(req, raw.method, raw.url, raw.richInput, {}));
    } catch (err) {
      const e = toSfError(err);
      result = { status: e.status, body: [e.toRestBody()] };
    }
    if (result.status >= 400) {
      hasErrors = true;
      if (body.haltOnError === true) halted = true;
    }
    return { statusCode: result.status, result: result.body ?? null };
  });
  return ok({ hasErrors, results });
}

export function resourceOf(url: string): string {
  try {
    const { path } = parseSubUrl(url);
    return restResourceName(path);
  } catch {
    return "unknown";
  }
}

/** The usage bucket for a REST path: `query`, `sobjects`, `composite/sobjects`, `jobs/query`… */
export function restResourceName(path: string): string {
  const parts = path.split("/").filter(Boolean);
  const first = parts[0] ?? "";
  if (first === "composite" && parts[1] && ["sobjects", "batch", "tree"].includes(parts[1]))
    return `composite/${parts[1]}`;
  if (first === "jobs" && parts[1]) return `jobs/${parts[1]}`;
  return first || "versions";
}
