import { and, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { prospects } from "@/db/schema";
import type { TProspectKind } from "./schemas";

/** `%` and `_` typed in a search box are literal characters, not wildcards. */
function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export function searchCondition(search: string | undefined): SQL | undefined {
  if (!search) return undefined;
  const pattern = containsPattern(search);
  const contains = (column: AnySQLiteColumn) => sql`${column} like ${pattern} escape '\\'`;
  return or(
    contains(prospects.name),
    contains(prospects.email),
    contains(prospects.company),
    contains(prospects.domainNormalized),
  );
}

/** PULL-3: prospects in the CRM are not offered for prospecting unless asked for. */
export function prospectFilter(options: {
  kind?: TProspectKind;
  search?: string;
  inCrm: "exclude" | "include" | "only";
}): SQL | undefined {
  const crm =
    options.inCrm === "exclude"
      ? isNull(prospects.crmRecordId)
      : options.inCrm === "only"
        ? isNotNull(prospects.crmRecordId)
        : undefined;
  return and(options.kind ? eq(prospects.kind, options.kind) : undefined, searchCondition(options.search), crm);
}
