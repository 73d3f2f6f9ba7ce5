import "server-only";
import { asc, count, desc, sql, type SQL } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { prospects } from "@/db/schema";
import { prospectFilter } from "./prospect-filters";
import { ZListProspectsInputSchema, type TListProspectsInput, type TProspectPage } from "./schemas";
import { toProspectDto } from "./to-prospect-dto";

const SORT_COLUMNS = {
  name: prospects.name,
  company: prospects.company,
  email: prospects.email,
  domain: prospects.domainNormalized,
  createdAt: prospects.createdAt,
} as const;

/** One page of prospects, searched, filtered and sorted in the database. */
export async function listProspects(db: TDatabase, rawInput: TListProspectsInput): Promise<TProspectPage> {
  const input = ZListProspectsInputSchema.parse(rawInput);
  const where = prospectFilter({
    kind: input.kind,
    search: input.search,
    inCrm: input.includeInCrm ? "include" : "exclude",
  });
  const order = input.direction === "asc" ? asc : desc;
  const column = SORT_COLUMNS[input.sort];
  // Empty values last in either direction; names compared without case.
  const orderBy: SQL[] =
    input.sort === "createdAt"
      ? [order(column), order(prospects.id)]
      : [asc(sql`${column} is null`), order(sql`${column} collate nocase`), order(prospects.id)];
  const [rows, [totalRow], [hiddenRow]] = await Promise.all([
    db
      .select()
      .from(prospects)
      .where(where)
      .orderBy(...orderBy)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ value: count() }).from(prospects).where(where),
    input.includeInCrm
      ? Promise.resolve([{ value: 0 }])
      : db
          .select({ value: count() })
          .from(prospects)
          .where(prospectFilter({ kind: input.kind, search: input.search, inCrm: "only" })),
  ]);
  return {
    rows: rows.map(toProspectDto),
    total: totalRow?.value ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    hiddenInCrm: hiddenRow?.value ?? 0,
  };
}
