import type { OrgContext, DmlOptions } from "./context";
import type { Cursors } from "./rest/cursors";
import { parseJson } from "./http";
import type { BulkJobs } from "./bulk2/bulk2-jobs";
import type { ApiUsage } from "./org/usage";

/** Everything a REST handler may reach. */
export interface ApiServices {
  org: OrgContext;
  cursors: Cursors;
  usage: ApiUsage;
  bulkJobs: BulkJobs;
  baseUrl: () => string;
}

/** One REST call, from HTTP or from a composite subrequest. */
export interface ApiRequest {
  method: string;
  /** Path after `/services/data/vNN.N/`, without a leading slash. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  version: string;
  userId: string;
  /** Parsed JSON body; throws JSON_PARSER_ERROR when malformed. */
  json(): unknown;
  rawBody: string;
}

export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Non-JSON answers (Bulk CSV). */
  raw?: { text: string; contentType: string };
}

export const ok = (body: unknown, status = 200, headers?: Record<string, string>): ApiResult => ({
  status,
  body,
  headers,
});
export const noContentResult = (): ApiResult => ({ status: 204 });

export function jsonBody(rawBody: string): () => unknown {
  let cached: { v: unknown } | null = null;
  return () => {
    if (!cached) cached = { v: parseJson(rawBody) };
    return cached.v;
  };
}

/** `Sforce-Duplicate-Rule-Header: allowSave=true` lets alert-level duplicate rules pass. */
export function dmlOptions(req: ApiRequest): DmlOptions {
  const dup = req.headers["sforce-duplicate-rule-header"] ?? "";
  return { userId: req.userId, allowSave: /allowSave\s*=\s*true/i.test(dup), version: req.version };
}
