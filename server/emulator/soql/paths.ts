import type { FieldDef } from "../org/schema";
import type { Rec, SfValue, Store, Table } from "../org/store";
import { queryError } from "./query-error";

/** A field reached from the queried object, through zero or more parent relationships. */
export interface FieldPath {
  /** Reference fields followed, in order (`Account.Owner.Name` → AccountId, OwnerId). */
  hops: FieldDef[];
  /** Canonical relationship names, for the nested JSON objects. */
  relationships: string[];
  field: FieldDef;
  /** Canonical dotted path, e.g. `Account.Name`. */
  canonical: string;
}

/**
 * Resolves `Account.Name`, `Owner.Name`, `Who.Name` case-insensitively. Polymorphic lookups
 * (Who, What) are checked against their first target, as Salesforce limits them to common fields.
 */
export function resolvePath(store: Store, table: Table, path: string, soql: string, clause?: string): FieldPath {
  const parts = path.split(".");
  const hops: FieldDef[] = [];
  const relationships: string[] = [];
  let current = table;
  // SOQL allows prefixing fields with the object name itself: `SELECT Contact.Email FROM Contact`.
  if (
    parts.length > 1 &&
    parts[0]!.toLowerCase() === table.def.name.toLowerCase() &&
    !current.def.byRelationship.has(parts[0]!.toLowerCase())
  ) {
    parts.shift();
  }
  for (let i = 0; i < parts.length - 1; i++) {
    const rel = current.def.byRelationship.get(parts[i]!.toLowerCase());
    const target = rel ? store.table(rel.referenceTo[0] ?? "") : undefined;
    if (!rel || !target) {
      throw queryError(
        soql,
        parts[i]!,
        "INVALID_FIELD",
        `Didn't understand relationship '${parts[i]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
        clause,
      );
    }
    hops.push(rel);
    relationships.push(rel.relationshipName!);
    current = target;
  }
  const last = parts[parts.length - 1]!;
  const field = current.def.byLowerName.get(last.toLowerCase());
  if (!field) {
    throw queryError(
      soql,
      last,
      "INVALID_FIELD",
      `No such column '${last}' on entity '${current.def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      clause,
    );
  }
  return { hops, relationships, field, canonical: [...relationships, field.name].join(".") };
}

/** Follows the lookups of a path; null when any link is empty. */
export function parentOf(store: Store, rec: Rec, hops: FieldDef[]): { rec: Rec; type: string } | null {
  let current: Rec = rec;
  let type = "";
  for (const hop of hops) {
    const id = current[hop.name];
    if (typeof id !== "string") return null;
    const found = store.findById(id);
    if (!found) return null;
    current = found.rec;
    type = found.table.def.name;
  }
  return { rec: current, type };
}

export function valueAt(store: Store, rec: Rec, path: FieldPath): SfValue {
  if (path.hops.length === 0) return rec[path.field.name] ?? null;
  const parent = parentOf(store, rec, path.hops);
  return parent ? (parent.rec[path.field.name] ?? null) : null;
}
