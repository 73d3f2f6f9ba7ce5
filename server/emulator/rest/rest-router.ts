import { ok, type ApiRequest, type ApiResult, type ApiServices } from "../api";
import { handleBulkQuery } from "../bulk2/bulk2";
import { handleCollections } from "./collections";
import { handleBatch, handleComposite } from "./composite";
import { notFound, SfError } from "../org/errors";
import { handleQuery } from "./rest-query";
import { handleSObjects } from "./rest-sobjects";

/** `GET /limits`: the documented `{Name: {Max, Remaining}}` map. */
function limits(api: ApiServices): ApiResult {
  const max = api.usage.dailyMax;
  const used = api.usage.used();
  return ok({
    DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) },
    DailyBulkApiBatches: { Max: 15000, Remaining: 15000 },
    DailyBulkV2QueryFileStorageMB: { Max: 976562, Remaining: 976562 },
    DailyBulkV2QueryJobs: { Max: 10000, Remaining: Math.max(0, 10000 - (api.usage.byResource.get("jobs/query") ?? 0)) },
    DataStorageMB: { Max: 5, Remaining: 5 },
    FileStorageMB: { Max: 20, Remaining: 20 },
  });
}

function resources(version: string): ApiResult {
  const base = `/services/data/v${version}`;
  return ok({
    sobjects: `${base}/sobjects`,
    query: `${base}/query`,
    queryAll: `${base}/queryAll`,
    limits: `${base}/limits`,
    composite: `${base}/composite`,
    jobs: `${base}/jobs`,
  });
}

/** Dispatches one REST call below `/services/data/vNN.N/`. */
export function routeRest(api: ApiServices, req: ApiRequest): ApiResult {
  const segments = req.path
    .split("/")
    .filter(Boolean)
    .map((s) => safeDecode(s));
  const [first, second] = segments;
  switch (first) {
    case undefined:
      return resources(req.version);
    case "query":
      return handleQuery(api, req, false, second ?? null);
    case "queryAll":
      return handleQuery(api, req, true, second ?? null);
    case "sobjects":
      return handleSObjects(api, req, segments);
    case "limits":
      if (segments.length > 1) throw notFound();
      return limits(api);
    case "composite":
      if (second === undefined) return handleComposite(api, req, routeRest);
      if (second === "batch" && segments.length === 2) return handleBatch(api, req, routeRest);
      if (second === "sobjects") return handleCollections(api, req, segments);
      throw notFound();
    case "jobs":
      if (second === "query") return handleBulkQuery(api, req, segments);
      throw notFound();
    default:
      throw notFound();
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new SfError(400, "MALFORMED_ID", `malformed path segment: ${s}`);
  }
}
