import { and, eq, inArray } from "drizzle-orm";
import type { TDatabaseOrTransaction } from "@/db/client";
import { prospects } from "@/db/schema";
import { chunk, KEYS_PER_QUERY } from "./chunk";
import type { TProspectKind } from "./schemas";

/** Existing prospects of a kind by identity key (email of a person, domain of a company) → name. */
export async function findProspectsByKey(
  db: TDatabaseOrTransaction,
  kind: TProspectKind,
  keys: string[],
): Promise<Map<string, string>> {
  const column = kind === "person" ? prospects.emailNormalized : prospects.domainNormalized;
  const found = new Map<string, string>();
  for (const slice of chunk([...new Set(keys)], KEYS_PER_QUERY)) {
    const rows = await db
      .select({ key: column, name: prospects.name })
      .from(prospects)
      .where(and(eq(prospects.kind, kind), inArray(column, slice)));
    for (const row of rows) if (row.key && !found.has(row.key)) found.set(row.key, row.name);
  }
  return found;
}
