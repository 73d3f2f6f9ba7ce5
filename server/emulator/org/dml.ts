import { coerceValue } from "./coerce";
import type { DmlOptions, OrgContext } from "../context";
import { SfError } from "./errors";
import { normalizeId } from "./ids";
import { deriveFields, requiredByObject } from "./derived-fields";
import type { Rec, Table } from "./store";

export function requireWritableTable(ctx: OrgContext, name: string): Table {
  const table = ctx.store.table(name);
  if (!table) {
    throw new SfError(
      400,
      "INVALID_TYPE",
      `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  return table;
}

/** Maps a request body onto field names, refusing unknown and read-only fields as Salesforce does. */
function applyInput(
  ctx: OrgContext,
  table: Table,
  input: Record<string, unknown>,
  mode: "create" | "update",
  existingId?: string,
): Rec {
  const out: Rec = {};
  const readOnly: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (key === "attributes") continue;
    const f = table.def.byLowerName.get(key.toLowerCase());
    if (!f) throw new SfError(400, "INVALID_FIELD", `No such column '${key}' on sobject of type ${table.def.name}`, []);
    if (f.name === "Id" && mode === "update" && existingId && normalizeId(String(value)) === existingId) continue;
    if (mode === "create" ? !f.createable : !f.updateable) {
      readOnly.push(f.name);
      continue;
    }
    out[f.name] = coerceValue(ctx.store, f, value);
  }
  if (readOnly.length > 0) {
    throw new SfError(
      400,
      "INVALID_FIELD_FOR_INSERT_UPDATE",
      `Unable to create/update fields: ${readOnly.join(", ")}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      readOnly,
    );
  }
  return out;
}

function checkRequired(table: Table, rec: Rec): void {
  const missing = table.def.fields
    .filter(
      (f) => f.createable && !f.nillable && !f.defaultedOnCreate && (rec[f.name] === null || rec[f.name] === undefined),
    )
    .map((f) => f.name);
  missing.push(...requiredByObject(table, rec));
  if (missing.length > 0)
    throw new SfError(400, "REQUIRED_FIELD_MISSING", `Required fields are missing: [${missing.join(", ")}]`, missing);
}

function checkUnique(ctx: OrgContext, table: Table, rec: Rec): void {
  for (const f of table.def.fields) {
    if (!(f.externalId || f.unique)) continue;
    const other = ctx.store.findByUnique(table, f.name, rec[f.name] ?? null);
    if (other && other.Id !== rec.Id) {
      // The message quotes the 15-character Id of the record that already holds the value.
      throw new SfError(
        400,
        "DUPLICATE_VALUE",
        `duplicate value found: ${f.name} duplicates value on record with id: ${String(other.Id).slice(0, 15)}`,
        [f.name],
      );
    }
  }
}

function defaults(table: Table, opts: DmlOptions): Rec {
  const rec: Rec = {};
  for (const f of table.def.fields) {
    if (f.type === "boolean") rec[f.name] = false;
    const dflt = f.picklistValues.find((p) => p.defaultValue);
    if (dflt) rec[f.name] = dflt.value;
  }
  if (table.def.byLowerName.has("ownerid")) rec.OwnerId = opts.userId;
  return rec;
}

/** Runs the org's save-time checks, in Salesforce's order: system validation, rules, duplicates. */
function validate(ctx: OrgContext, table: Table, rec: Rec, opts: DmlOptions): void {
  checkRequired(table, rec);
  ctx.rules.checkValidation(table.def.name, rec);
  checkUnique(ctx, table, rec);
  ctx.rules.checkDuplicates(table.def.name, rec, opts.allowSave, opts.version);
}

export function createRecord(
  ctx: OrgContext,
  objectName: string,
  input: Record<string, unknown>,
  opts: DmlOptions,
): string {
  const table = requireWritableTable(ctx, objectName);
  if (!table.def.createable)
    throw new SfError(400, "INVALID_TYPE_FOR_OPERATION", `entity type ${table.def.name} does not support insert`);
  const fields = applyInput(ctx, table, input, "create");
  const rec: Rec = { ...defaults(table, opts), ...fields };
  deriveFields(ctx, table, rec);
  validate(ctx, table, rec, opts);
  const stamp = ctx.store.nextStamp();
  rec.Id = ctx.store.ids.next(table.def.keyPrefix);
  rec.IsDeleted = false;
  stampFields(table, rec, stamp, opts.userId, true);
  ctx.store.write(table, stripNulls(rec), "insert");
  return rec.Id;
}

function stampFields(table: Table, rec: Rec, stamp: number, userId: string, created: boolean): void {
  const has = (n: string) => table.def.byLowerName.has(n);
  if (created && has("createddate")) rec.CreatedDate = stamp;
  if (created && has("createdbyid")) rec.CreatedById = userId;
  if (has("lastmodifieddate")) rec.LastModifiedDate = stamp;
  if (has("lastmodifiedbyid")) rec.LastModifiedById = userId;
  rec.SystemModstamp = stamp;
}

/** Absent keys read as null; dropping nulls keeps a million rows affordable. */
function stripNulls(rec: Rec): Rec {
  for (const k of Object.keys(rec)) if (rec[k] === null || rec[k] === undefined) delete rec[k];
  return rec;
}

/** Finds a live record of `table` by an Id from a URL or body; wrong prefixes are MALFORMED_ID. */
export function requireRecord(ctx: OrgContext, table: Table | null, rawId: string): { table: Table; rec: Rec } {
  const id = normalizeId(rawId);
  if (!id) throw new SfError(400, "MALFORMED_ID", `malformed id ${rawId}`, ["Id"]);
  const owner = ctx.store.tableForId(id);
  if (!owner || (table && owner !== table)) {
    throw new SfError(400, "MALFORMED_ID", `${table?.def.name ?? "Record"} ID: id value of incorrect type: ${rawId}`, [
      "Id",
    ]);
  }
  const rec = owner.byId.get(id);
  if (!rec) throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
  if (rec.IsDeleted === true) throw new SfError(404, "ENTITY_IS_DELETED", "entity is deleted", []);
  return { table: owner, rec };
}

export function updateRecord(
  ctx: OrgContext,
  table: Table | null,
  rawId: string,
  input: Record<string, unknown>,
  opts: DmlOptions,
): string {
  const found = requireRecord(ctx, table, rawId);
  if (found.table.def.name === "Lead" && found.rec.IsConverted === true) {
    throw new SfError(400, "CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead", []);
  }
  if (!found.table.def.updateable)
    throw new SfError(400, "INVALID_TYPE_FOR_OPERATION", `entity type ${found.table.def.name} does not support update`);
  const fields = applyInput(ctx, found.table, input, "update", found.rec.Id as string);
  const rec: Rec = { ...found.rec, ...fields };
  deriveFields(ctx, found.table, rec);
  validate(ctx, found.table, rec, opts);
  stampFields(found.table, rec, ctx.store.nextStamp(), opts.userId, false);
  ctx.store.write(found.table, stripNulls(rec), "update");
  return rec.Id as string;
}

/** Soft delete to the recycle bin; an Account takes its Contacts and Opportunities with it. */
export function deleteRecord(ctx: OrgContext, table: Table | null, rawId: string, opts: DmlOptions): string {
  const found = requireRecord(ctx, table, rawId);
  if (!found.table.def.deletable)
    throw new SfError(400, "INVALID_TYPE_FOR_OPERATION", `entity type ${found.table.def.name} does not support delete`);
  markDeleted(ctx, found.table, found.rec, opts.userId, null);
  if (found.table.def.name === "Account") {
    for (const childName of ["Contact", "Opportunity"]) {
      const child = ctx.store.table(childName);
      if (!child) continue;
      const victims = ctx.store.lookup(child, ["AccountId"], { AccountId: found.rec.Id as string });
      for (const id of victims) markDeleted(ctx, child, child.byId.get(id)!, opts.userId, null);
    }
  }
  return found.rec.Id as string;
}

export function markDeleted(
  ctx: OrgContext,
  table: Table,
  rec: Rec,
  userId: string,
  masterRecordId: string | null,
): void {
  const next: Rec = { ...rec, IsDeleted: true };
  if (masterRecordId) next.MasterRecordId = masterRecordId;
  stampFields(table, next, ctx.store.nextStamp(), userId, false);
  ctx.store.write(table, next, "delete");
}

export interface UpsertOutcome {
  id: string;
  created: boolean;
}

/** Upsert by an External Id field: insert when no live record holds the value, else update it. */
export function upsertRecord(
  ctx: OrgContext,
  objectName: string,
  fieldName: string,
  value: string,
  input: Record<string, unknown>,
  opts: DmlOptions,
): UpsertOutcome {
  const table = requireWritableTable(ctx, objectName);
  const f = table.def.byLowerName.get(fieldName.toLowerCase());
  if (!f || !(f.externalId || f.name === "Id")) {
    throw new SfError(404, "NOT_FOUND", `Provided external ID field does not exist or is not accessible: ${fieldName}`);
  }
  if (f.name === "Id") {
    const id = normalizeId(value);
    if (id && table.byId.has(id)) return { id: updateRecord(ctx, table, id, input, opts), created: false };
    return { id: createRecord(ctx, table.def.name, input, opts), created: true };
  }
  const existing = ctx.store.findByUnique(table, f.name, value);
  const body = { ...input };
  for (const k of Object.keys(body)) if (k.toLowerCase() === f.name.toLowerCase()) delete body[k];
  if (existing) return { id: updateRecord(ctx, table, existing.Id as string, body, opts), created: false };
  return { id: createRecord(ctx, table.def.name, { ...body, [f.name]: value }, opts), created: true };
}

/** A write the org itself makes (conversion, merge reparenting): no field-level checks, stamps move. */
export function systemUpdate(ctx: OrgContext, table: Table, rec: Rec, changes: Rec, userId: string): Rec {
  const next: Rec = { ...rec, ...changes };
  deriveFields(ctx, table, next);
  stampFields(table, next, ctx.store.nextStamp(), userId, false);
  ctx.store.write(table, stripNulls(next), "update");
  return next;
}
