import { attributes, toJsonValue } from "../org/serialize";
import type { Rec, Store } from "../org/store";
import { childRows, type SelectItem } from "./compile";
import { parentOf, type FieldPath } from "./paths";

type Json = Record<string, unknown>;

/**
 * A query row as REST returns it: `attributes` first, then the selected fields in order; parent
 * fields nest under their relationship name with their own `attributes`, and an empty lookup
 * gives `"Account": null`.
 */
export function projectRecord(store: Store, version: string, type: string, rec: Rec, items: SelectItem[]): Json {
  const out: Json = { attributes: attributes(version, type, rec.Id) };
  for (const item of items) {
    if (item.kind === "child") {
      // A subquery is a nested QueryResult, or null when the parent has no such children.
      const { child } = item;
      const rows = childRows(store, child, rec.Id as string);
      const childType = child.plan.table.def.name;
      out[child.relationshipName] =
        rows.length === 0
          ? null
          : {
              totalSize: rows.length,
              done: true,
              records: rows.map((r) => projectRecord(store, version, childType, r, child.plan.items)),
            };
      continue;
    }
    const path: FieldPath = item.path;
    if (path.hops.length === 0) {
      out[path.field.name] = toJsonValue(path.field, rec[path.field.name]);
      continue;
    }
    let container: Json = out;
    let current: Rec | null = rec;
    for (let i = 0; i < path.hops.length; i++) {
      const rel = path.relationships[i]!;
      const existing = container[rel];
      if (existing === null) {
        current = null;
        break;
      }
      if (existing && typeof existing === "object") {
        container = existing as Json;
        current = current ? (parentOf(store, current, [path.hops[i]!])?.rec ?? null) : null;
        continue;
      }
      const parent: { rec: Rec; type: string } | null = current ? parentOf(store, current, [path.hops[i]!]) : null;
      if (!parent) {
        container[rel] = null;
        current = null;
        break;
      }
      const nested: Json = { attributes: attributes(version, parent.type, parent.rec.Id) };
      container[rel] = nested;
      container = nested;
      current = parent.rec;
    }
    if (current) container[path.field.name] = toJsonValue(path.field, current[path.field.name]);
  }
  return out;
}
