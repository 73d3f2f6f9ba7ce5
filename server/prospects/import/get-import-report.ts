import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { prospectImports } from "@/db/schema";
import { AppError } from "@/server/errors";
import { ZBadRowSchema, type TImportReport } from "./schemas";

/** Every rejected row of one import, for the report and its CSV download. */
export async function getImportReport(db: TDatabase, importId: string): Promise<TImportReport> {
  const [row] = await db
    .select({ id: prospectImports.id, fileName: prospectImports.fileName, report: prospectImports.report })
    .from(prospectImports)
    .where(eq(prospectImports.id, importId));
  if (!row)
    throw new AppError(
      "NOT_FOUND",
      "This import no longer exists. Open the import history to see the imports there are.",
    );
  return { id: row.id, fileName: row.fileName, badRows: z.array(ZBadRowSchema).parse(row.report) };
}
