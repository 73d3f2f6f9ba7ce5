import { childRelationshipName } from "../org/schema";
import type { Store, Table } from "../org/store";

/** Resolves a child relationship name (`Contacts` on Account) to the child object and its lookup. */
export function findChildRelationship(
  store: Store,
  parent: Table,
  name: string,
): { table: Table; lookupField: string; relationshipName: string } | null {
  const wanted = name.toLowerCase();
  for (const child of store.tables.values()) {
    for (const f of child.def.fields) {
      if (f.type !== "reference" || f.calculated || !f.referenceTo.includes(parent.def.name)) continue;
      const rel = childRelationshipName(child.def, f.name);
      if (rel && rel.toLowerCase() === wanted) return { table: child, lookupField: f.name, relationshipName: rel };
    }
  }
  return null;
}
