import { dmlOptions, ok, type ApiRequest, type ApiResult, type ApiServices } from "../api";
import { createRecord, deleteRecord, requireWritableTable, updateRecord, upsertRecord } from "../org/dml";
import { notFound, rolledBack, SfError, toSfError } from "../org/errors";
import { isObject } from "../http";
import { normalizeId } from "../org/ids";
import { fullRecord } from "../org/serialize";

const MAX_RECORDS = 200;
const MAX_RETRIEVE = 2000;

interface ItemResult {
  id?: string;
  success: boolean;
  errors: ReturnType<SfError["toCollectionError"]>[];
  created?: boolean;
}

const tooMany = () =>
  new SfError(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records into this call");

/**
 * Runs one operation per record. allOrNone=false: each record commits on its own. allOrNone=true:
 * all or nothing; the failing records keep their own error and every other one reports
 * ALL_OR_NONE_OPERATION_ROLLED_BACK (keeping its id on update and delete, as the docs show).
 */
function runAll<T>(
  api: ApiServices,
  items: T[],
  allOrNone: boolean,
  keepIdOnRollback: boolean,
  op: (item: T) => { id: string; created?: boolean },
): ItemResult[] {
  const attempt = (item: T): ItemResult => {
    try {
      const r = api.org.store.transaction(() => op(item));
      return r.created === undefined
        ? { id: r.id, success: true, errors: [] }
        : { id: r.id, success: true, errors: [], created: r.created };
    } catch (err) {
      return { success: false, errors: [toSfError(err).toCollectionError()] };
    }
  };
  if (!allOrNone) return items.map(attempt);
  return api.org.store.transaction(
    () => {
      const results = items.map(attempt);
      if (results.every((r) => r.success)) return results;
      return results.map((r) =>
        r.success
          ? {
              ...(keepIdOnRollback && r.id ? { id: r.id } : {}),
              success: false,
              errors: [rolledBack().toCollectionError()],
            }
          : r,
      );
    },
    (results) => results.some((r) => !r.success),
  );
}

function recordsOf(req: ApiRequest): { allOrNone: boolean; records: Record<string, unknown>[] } {
  const body = req.json();
  if (!isObject(body) || !Array.isArray(body.records)) {
    throw new SfError(
      400,
      "JSON_PARSER_ERROR",
      "Cannot deserialize instance of SObjectCollectionRequest: records is required",
    );
  }
  if (body.records.length > MAX_RECORDS) throw tooMany();
  if (!body.records.every(isObject))
    throw new SfError(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of sObject from a non-object value");
  return { allOrNone: body.allOrNone === true, records: body.records as Record<string, unknown>[] };
}

function typeOf(rec: Record<string, unknown>): string {
  const attrs = rec.attributes;
  const type = isObject(attrs) && typeof attrs.type === "string" ? attrs.type : "";
  if (!type) throw new SfError(400, "INVALID_TYPE", "Must specify a type in attributes for each record");
  return type;
}

export function handleCollections(api: ApiServices, req: ApiRequest, segments: string[]): ApiResult {
  const [, , typeName, extField, ...rest] = segments;
  if (rest.length > 0) throw notFound();
  const opts = dmlOptions(req);
  if (typeName === undefined) {
    if (req.method === "POST") {
      const { allOrNone, records } = recordsOf(req);
      return ok(
        runAll(api, records, allOrNone, false, (rec) => {
          if (rec.id !== undefined || rec.Id !== undefined)
            throw new SfError(400, "INVALID_FIELD", "cannot specify Id in an insert call", ["Id"]);
          return { id: createRecord(api.org, typeOf(rec), rec, opts) };
        }),
      );
    }
    if (req.method === "PATCH") {
      const { allOrNone, records } = recordsOf(req);
      return ok(
        runAll(api, records, allOrNone, true, (rec) => {
          const { id, Id, ...fields } = rec;
          const rawId = typeof id === "string" ? id : typeof Id === "string" ? Id : null;
          if (!rawId) throw new SfError(400, "MISSING_ARGUMENT", "Id not specified in an update call", []);
          const table = requireWritableTable(api.org, typeOf(rec));
          return { id: updateRecord(api.org, table, rawId, fields, opts) };
        }),
      );
    }
    if (req.method === "DELETE") {
      const ids = (req.query.get("ids") ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      if (ids.length === 0) throw new SfError(400, "MISSING_ARGUMENT", "ids parameter is required");
      if (ids.length > MAX_RECORDS) throw tooMany();
      const allOrNone = req.query.get("allOrNone") === "true";
      return ok(
        runAll(api, ids, allOrNone, true, (raw) => {
          if (!normalizeId(raw)) throw new SfError(400, "MALFORMED_ID", `malformed id ${raw}`, []);
          return { id: deleteRecord(api.org, null, raw, opts) };
        }),
      );
    }
    throw new SfError(
      405,
      "METHOD_NOT_ALLOWED",
      `HTTP Method '${req.method}' not allowed. Allowed are POST, PATCH, DELETE`,
    );
  }
  const table = requireWritableTable(api.org, typeName);
  if (extField !== undefined) {
    if (req.method !== "PATCH")
      throw new SfError(405, "METHOD_NOT_ALLOWED", `HTTP Method '${req.method}' not allowed. Allowed are PATCH`);
    const f = table.def.byLowerName.get(extField.toLowerCase());
    if (!f || !f.externalId)
      throw new SfError(
        404,
        "NOT_FOUND",
        `Provided external ID field does not exist or is not accessible: ${extField}`,
      );
    const { allOrNone, records } = recordsOf(req);
    return ok(
      runAll(api, records, allOrNone, true, (rec) => {
        const entry = Object.entries(rec).find(([k]) => k.toLowerCase() === f.name.toLowerCase());
        const value = entry?.[1];
        if (value === undefined || value === null || value === "") {
          throw new SfError(400, "MISSING_ARGUMENT", `${f.name} not specified`, [f.name]);
        }
        const { attributes: _attrs, ...fields } = rec;
        return upsertRecord(api.org, table.def.name, f.name, String(value), fields, opts);
      }),
    );
  }
  // Retrieve: GET ?ids=&fields= or POST {ids, fields}; missing records come back as null.
  let ids: unknown;
  let fields: unknown;
  if (req.method === "POST") {
    const body = req.json();
    if (!isObject(body)) throw new SfError(400, "JSON_PARSER_ERROR", "Cannot deserialize retrieve request");
    ids = body.ids;
    fields = body.fields;
  } else if (req.method === "GET") {
    ids = req.query.get("ids")?.split(",");
    fields = req.query.get("fields")?.split(",");
  } else {
    throw new SfError(405, "METHOD_NOT_ALLOWED", `HTTP Method '${req.method}' not allowed. Allowed are GET, POST`);
  }
  if (!Array.isArray(ids) || ids.length === 0) throw new SfError(400, "MISSING_ARGUMENT", "ids is required");
  if (!Array.isArray(fields) || fields.length === 0) throw new SfError(400, "MISSING_ARGUMENT", "fields is required");
  if (ids.length > MAX_RETRIEVE)
    throw new SfError(
      400,
      "EXCEEDED_ID_LIMIT",
      "record limit reached. cannot submit more than 2000 records into this call",
    );
  const defs = fields.map((name) => {
    const f = table.def.byLowerName.get(String(name).trim().toLowerCase());
    if (!f)
      throw new SfError(
        400,
        "INVALID_FIELD",
        `No such column '${String(name)}' on entity '${table.def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    return f;
  });
  return ok(
    ids.map((raw) => {
      const id = normalizeId(String(raw));
      const rec = id ? table.byId.get(id) : undefined;
      if (!id) throw new SfError(400, "MALFORMED_ID", `malformed id ${String(raw)}`);
      return rec && rec.IsDeleted !== true ? fullRecord(req.version, table.def.name, defs, rec) : null;
    }),
  );
}
