import type { DmlOptions, OrgContext } from "../context";
import { markDeleted, requireRecord, systemUpdate, updateRecord } from "../org/dml";
import { SfError, toSfError } from "../org/errors";
import { normalizeId } from "../org/ids";
import { textOf, type XmlNode } from "./soap-xml";
import type { Rec, Table } from "../org/store";

const MERGEABLE = new Set(["Lead", "Contact", "Account"]);

/** Which lookups point at a merged-away record and must move to the master (files included). */
const CHILD_LOOKUPS: Record<string, [string, string][]> = {
  Account: [
    ["Contact", "AccountId"],
    ["Opportunity", "AccountId"],
    ["Task", "WhatId"],
    ["Event", "WhatId"],
    ["Note", "ParentId"],
    ["ContentDocumentLink", "LinkedEntityId"],
    ["Account", "ParentId"],
  ],
  Contact: [
    ["Task", "WhoId"],
    ["Event", "WhoId"],
    ["Note", "ParentId"],
    ["ContentDocumentLink", "LinkedEntityId"],
  ],
  Lead: [
    ["Task", "WhoId"],
    ["Event", "WhoId"],
    ["Note", "ParentId"],
    ["ContentDocumentLink", "LinkedEntityId"],
  ],
};

export interface MergeResult {
  id: string | null;
  mergedRecordIds: string[];
  updatedRelatedIds: string[];
  success: boolean;
  errors: { fields: string[]; message: string; statusCode: string }[];
}

function soapErrors(err: unknown) {
  const e = toSfError(err);
  return [{ fields: e.fields ?? [], message: e.message, statusCode: e.errorCode }];
}

/**
 * SOAP merge(): up to three records (master included) of Lead, Contact or Account. Losers go to
 * the recycle bin with MasterRecordId set; their children move to the master.
 */
export function mergeOne(org: OrgContext, request: XmlNode, opts: DmlOptions): MergeResult {
  try {
    return org.store.transaction(() => {
      const master = (request.masterRecord ?? {}) as XmlNode;
      const type = textOf(master.type) ?? "";
      if (!MERGEABLE.has(type))
        throw new SfError(400, "INVALID_TYPE", `Merge is not supported for entity type: ${type || "(none)"}`);
      const table = org.store.requireTable(type);
      const masterId = textOf(master.Id) ?? "";
      const target = requireRecord(org, table, masterId);
      const loserIds = ((request.recordToMergeIds as unknown[] | undefined) ?? []).map((v) => textOf(v) ?? "");
      if (loserIds.length === 0)
        throw new SfError(400, "REQUIRED_FIELD_MISSING", "Required field is missing: recordToMergeIds", [
          "recordToMergeIds",
        ]);
      if (loserIds.length > 2)
        throw new SfError(400, "LIMIT_EXCEEDED", "A maximum of 3 records can be merged at a time");
      const losers = loserIds.map((raw) => {
        const id = normalizeId(raw);
        if (id === target.rec.Id) throw new SfError(400, "INVALID_ID_FIELD", "Cannot merge a record with itself");
        return requireRecord(org, table, raw).rec;
      });
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(master)) {
        if (k === "type" || k === "Id" || k.startsWith("@") || k === "fieldsToNull") continue;
        fields[k] = textOf(v);
      }
      for (const f of (master.fieldsToNull as unknown[] | undefined) ?? []) fields[textOf(f) ?? ""] = null;
      if (Object.keys(fields).length > 0)
        updateRecord(org, table, masterId, coerceTextFields(table, fields), { ...opts, allowSave: true });
      else systemUpdate(org, table, target.rec, {}, opts.userId);
      const updatedRelatedIds = reparent(
        org,
        type,
        losers.map((l) => l.Id as string),
        target.rec.Id as string,
        opts.userId,
      );
      for (const loser of losers) markDeleted(org, table, loser, opts.userId, target.rec.Id as string);
      return {
        id: target.rec.Id as string,
        mergedRecordIds: losers.map((l) => l.Id as string),
        updatedRelatedIds,
        success: true,
        errors: [],
      };
    });
  } catch (err) {
    return { id: null, mergedRecordIds: [], updatedRelatedIds: [], success: false, errors: soapErrors(err) };
  }
}

/** SOAP text → JSON-like values: the partner API sends every scalar as text. */
export function coerceTextFields(table: Table, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    const f = table.def.byLowerName.get(k.toLowerCase());
    if (!f || v === null || typeof v !== "string") {
      out[k] = v;
      continue;
    }
    if (f.type === "boolean") out[k] = v === "true";
    else if (f.type === "int" || f.type === "double" || f.type === "currency") out[k] = v === "" ? null : Number(v);
    else out[k] = v;
  }
  return out;
}

function reparent(org: OrgContext, type: string, loserIds: string[], masterId: string, userId: string): string[] {
  const losers = new Set(loserIds);
  const updated: string[] = [];
  for (const [childName, fieldName] of CHILD_LOOKUPS[type] ?? []) {
    const child = org.store.table(childName);
    if (!child) continue;
    const hits: Rec[] = [];
    for (const loser of losers) {
      for (const id of org.store.lookup(child, [fieldName], { [fieldName]: loser })) hits.push(child.byId.get(id)!);
    }
    for (const rec of hits) {
      systemUpdate(org, child, rec, { [fieldName]: masterId }, userId);
      updated.push(rec.Id as string);
    }
  }
  return updated;
}
