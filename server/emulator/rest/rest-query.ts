import { ok, type ApiRequest, type ApiResult, type ApiServices } from "../api";
import { SfError } from "../org/errors";
import { compileQuery, execute } from "../soql/compile";
import { projectRecord } from "../soql/project";

const DEFAULT_BATCH = 2000;

/** `Sforce-Query-Options: batchSize=N`: default 2,000, minimum 200, maximum 2,000. */
export function batchSizeOf(req: ApiRequest): number {
  const m = /batchSize\s*=\s*(\d+)/i.exec(req.headers["sforce-query-options"] ?? "");
  if (!m) return DEFAULT_BATCH;
  return Math.min(2000, Math.max(200, Number(m[1])));
}

/** GET query / queryAll with `q`, and queryMore through `query/<locator>` or `queryAll/<locator>`. */
export function handleQuery(api: ApiServices, req: ApiRequest, all: boolean, locator: string | null): ApiResult {
  if (req.method !== "GET")
    throw new SfError(405, "METHOD_NOT_ALLOWED", `HTTP Method '${req.method}' not allowed. Allowed are GET`);
  if (locator !== null) return queryMore(api, req, locator);
  const soql = req.query.get("q");
  if (soql === null) {
    if (req.query.has("explain"))
      throw new SfError(400, "MALFORMED_QUERY", "Query plans are not available on this org");
    throw new SfError(400, "MALFORMED_QUERY", "A query string must be provided");
  }
  const store = api.org.store;
  const plan = compileQuery(store, soql, api.org.clock());
  const rows = execute(store, plan, all);
  if (plan.countOnly) return ok({ totalSize: rows.length, done: true, records: [] });
  const type = plan.table.def.name;
  const batch = batchSizeOf(req);
  const page = rows.length > batch ? rows.slice(0, batch) : rows;
  const records = page.map((r) => projectRecord(store, req.version, type, r, plan.items));
  if (rows.length <= batch) return ok({ totalSize: rows.length, done: true, records });
  const id = api.cursors.create({ type, rows, items: plan.items, batchSize: batch });
  return ok({
    totalSize: rows.length,
    done: false,
    nextRecordsUrl: `/services/data/v${req.version}/query/${id}-${batch}`,
    records,
  });
}

function queryMore(api: ApiServices, req: ApiRequest, locator: string): ApiResult {
  const m = /^([A-Za-z0-9]{15,18})-(\d+)$/.exec(locator);
  const cursor = m ? api.cursors.get(m[1]!) : undefined;
  if (!m || !cursor) throw new SfError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
  const offset = Number(m[2]);
  if (offset > cursor.rows.length) throw new SfError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
  const batch = req.headers["sforce-query-options"] ? batchSizeOf(req) : cursor.batchSize;
  const end = Math.min(cursor.rows.length, offset + batch);
  const store = api.org.store;
  const records: unknown[] = [];
  for (let i = offset; i < end; i++)
    records.push(projectRecord(store, req.version, cursor.type, cursor.rows[i]!, cursor.items));
  const done = end >= cursor.rows.length;
  if (done) {
    api.cursors.close(m[1]!);
    return ok({ totalSize: cursor.rows.length, done: true, records });
  }
  return ok({
    totalSize: cursor.rows.length,
    done: false,
    nextRecordsUrl: `/services/data/v${req.version}/query/${m[1]}-${end}`,
    records,
  });
}
