import { dmlOptions, noContentResult, ok, type ApiRequest, type ApiResult, type ApiServices } from "../api";
import { describeGlobal, describeObject, objectInfo } from "./describe";
import { createRecord, deleteRecord, requireRecord, updateRecord, upsertRecord } from "../org/dml";
import { notFound, SfError } from "../org/errors";
import { isObject } from "../http";
import { normalizeId } from "../org/ids";
import { fullRecord } from "../org/serialize";
import { parseDateTimeLiteral } from "../soql/literals";
import type { FieldDef } from "../org/schema";
import type { Table } from "../org/store";
import { formatDateTime } from "../org/serialize";

const DAY = 86_400_000;
const MAX_REPLICATION_IDS = 600_000;

function bodyObject(req: ApiRequest): Record<string, unknown> {
  const body = req.json();
  if (!isObject(body))
    throw new SfError(
      400,
      "JSON_PARSER_ERROR",
      "Cannot deserialize instance of sObject from START_ARRAY value [line:1, column:1]",
    );
  return body;
}

function methodNotAllowed(req: ApiRequest, allowed: string): never {
  throw new SfError(405, "METHOD_NOT_ALLOWED", `HTTP Method '${req.method}' not allowed. Allowed are ${allowed}`);
}

/** `?fields=A,B` on a record GET; unknown names are INVALID_FIELD. */
function selectedFields(table: Table, req: ApiRequest): FieldDef[] {
  const list = req.query.get("fields");
  if (!list) return table.def.fields;
  return list.split(",").map((name) => {
    const f = table.def.byLowerName.get(name.trim().toLowerCase());
    if (!f)
      throw new SfError(
        400,
        "INVALID_FIELD",
        `No such column '${name.trim()}' on entity '${table.def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    return f;
  });
}

export function handleSObjects(api: ApiServices, req: ApiRequest, segments: string[]): ApiResult {
  const store = api.org.store;
  const [, typeName, third, fourth, ...rest] = segments;
  if (!typeName) {
    if (req.method !== "GET") methodNotAllowed(req, "GET, HEAD");
    return ok(describeGlobal(store, req.version));
  }
  const table = store.table(typeName);
  if (!table || rest.length > 0) throw notFound();
  const type = table.def.name;
  if (third === undefined) {
    if (req.method === "GET") return ok(objectInfo(store, req.version, table.def));
    if (req.method !== "POST") methodNotAllowed(req, "GET, HEAD, POST");
    const id = api.org.store.transaction(() => createRecord(api.org, type, bodyObject(req), dmlOptions(req)));
    return ok({ id, success: true, errors: [] }, 201);
  }
  if (fourth === undefined) {
    if (third === "describe") {
      if (req.method !== "GET") methodNotAllowed(req, "GET, HEAD");
      return ok(describeObject(store, req.version, table.def));
    }
    if (third === "updated" || third === "deleted") return replication(api, req, table, third);
    const id = normalizeId(third);
    if (!id || id.slice(0, 3) !== table.def.keyPrefix) {
      throw new SfError(404, "NOT_FOUND", `Provided external ID field does not exist or is not accessible: ${third}`);
    }
    return recordById(api, req, table, id);
  }
  return recordByExternalId(api, req, table, third, fourth);
}

function recordById(api: ApiServices, req: ApiRequest, table: Table, id: string): ApiResult {
  const opts = dmlOptions(req);
  switch (req.method) {
    case "GET": {
      const fields = selectedFields(table, req);
      const { rec } = requireRecord(api.org, table, id);
      return ok(fullRecord(req.version, table.def.name, fields, rec));
    }
    case "PATCH":
      api.org.store.transaction(() => updateRecord(api.org, table, id, bodyObject(req), opts));
      return noContentResult();
    case "DELETE":
      api.org.store.transaction(() => deleteRecord(api.org, table, id, opts));
      return noContentResult();
    default:
      return methodNotAllowed(req, "GET, HEAD, PATCH, DELETE");
  }
}

/** `/sobjects/T/{ExtField}/{value}`: GET, upsert (PATCH), DELETE by External Id. */
function recordByExternalId(
  api: ApiServices,
  req: ApiRequest,
  table: Table,
  fieldName: string,
  value: string,
): ApiResult {
  const f = table.def.byLowerName.get(fieldName.toLowerCase());
  if (!f || !(f.externalId || f.name === "Id")) {
    throw new SfError(404, "NOT_FOUND", `Provided external ID field does not exist or is not accessible: ${fieldName}`);
  }
  const opts = dmlOptions(req);
  if (req.method === "PATCH" || req.method === "POST") {
    const body = bodyObject(req);
    // `?updateOnly=true` turns the upsert into an update that refuses to insert.
    if (req.query.get("updateOnly") === "true" && f.name !== "Id" && !api.org.store.findByUnique(table, f.name, value))
      throw notFound();
    const result = api.org.store.transaction(() => upsertRecord(api.org, table.def.name, f.name, value, body, opts));
    if (result.created) return ok({ id: result.id, success: true, errors: [], created: true }, 201);
    // API 46.0 and later answer an update with 200 and created:false; older versions with 204.
    if (Number(req.version) < 46) return noContentResult();
    return ok({ id: result.id, success: true, errors: [], created: false }, 200);
  }
  const existing =
    f.name === "Id" ? table.byId.get(normalizeId(value) ?? "") : api.org.store.findByUnique(table, f.name, value);
  if (!existing || existing.IsDeleted === true) throw notFound();
  if (req.method === "GET") return ok(fullRecord(req.version, table.def.name, selectedFields(table, req), existing));
  if (req.method === "DELETE") {
    api.org.store.transaction(() => deleteRecord(api.org, table, existing.Id as string, opts));
    return noContentResult();
  }
  return methodNotAllowed(req, "GET, HEAD, PATCH, DELETE");
}

function parseReplicationDate(name: string, raw: string | null): number {
  if (!raw) throw new SfError(400, "MISSING_ARGUMENT", `${name} parameter is required`);
  const ms = parseDateTimeLiteral(raw) ?? Date.parse(raw);
  if (Number.isNaN(ms)) throw new SfError(400, "INVALID_REPLICATION_DATE", `${name} is not a valid dateTime: ${raw}`);
  // "The API ignores the seconds portion of the dateTime."
  return Math.floor(ms / 60_000) * 60_000;
}

/** getUpdated (30 days back) and getDeleted (15 days back), with Salesforce's window rules. */
function replication(api: ApiServices, req: ApiRequest, table: Table, kind: "updated" | "deleted"): ApiResult {
  if (req.method !== "GET") methodNotAllowed(req, "GET, HEAD");
  if (!table.def.replicateable)
    throw new SfError(400, "INVALID_TYPE_FOR_OPERATION", `entity type ${table.def.name} is not replicateable`);
  const start = parseReplicationDate("start", req.query.get("start"));
  const end = parseReplicationDate("end", req.query.get("end"));
  if (start >= end)
    throw new SfError(400, "INVALID_REPLICATION_DATE", "start date must chronologically precede end date");
  const now = api.org.clock();
  const nowMinute = Math.floor(now / 60_000) * 60_000;
  const latest = Math.min(end, nowMinute);
  const oldest = nowMinute - (kind === "updated" ? 30 : 15) * DAY;
  if (kind === "updated" && start < oldest) {
    throw new SfError(400, "INVALID_REPLICATION_DATE", "startDate cannot be more than 30 days ago");
  }
  const ids: string[] = [];
  const deletedRecords: { id: string; deletedDate: string }[] = [];
  for (const rec of api.org.store.scan(table, start)) {
    const stamp = rec.SystemModstamp as number;
    if (stamp >= latest) break;
    if (kind === "updated" && rec.IsDeleted !== true) ids.push(rec.Id as string);
    if (kind === "deleted" && rec.IsDeleted === true)
      deletedRecords.push({ id: rec.Id as string, deletedDate: formatDateTime(stamp) });
    if (ids.length + deletedRecords.length > MAX_REPLICATION_IDS) {
      throw new SfError(400, "EXCEEDED_ID_LIMIT", "record limit reached. narrow the date range");
    }
  }
  if (kind === "updated") return ok({ ids, latestDateCovered: formatDateTime(latest) });
  return ok({
    deletedRecords,
    earliestDateAvailable: formatDateTime(oldest),
    latestDateCovered: formatDateTime(latest),
  });
}
