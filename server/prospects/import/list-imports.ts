import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { prospectImports, prospects, users } from "@/db/schema";
import type { TImportSummary } from "./schemas";

/** The latest imports, newest first, with how many of their prospects are in the CRM now. */
export async function listImports(db: TDatabase, limit = 20): Promise<TImportSummary[]> {
  const inCrm = db
    .select({ value: sql<number>`count(*)` })
    .from(prospects)
    .where(sql`${prospects.importId} = ${prospectImports.id} and ${prospects.crmRecordId} is not null`);
  const rows = await db
    .select({
      id: prospectImports.id,
      fileName: prospectImports.fileName,
      kind: prospectImports.kind,
      totalRows: prospectImports.totalRows,
      importedRows: prospectImports.importedRows,
      badRows: prospectImports.badRows,
      inCrmRows: sql<number>`(${inCrm})`,
      createdAt: prospectImports.createdAt,
      createdBy: users.name,
    })
    .from(prospectImports)
    .leftJoin(users, eq(users.id, prospectImports.createdBy))
    .orderBy(desc(prospectImports.createdAt), desc(prospectImports.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, inCrmRows: Number(row.inCrmRows) }));
}
