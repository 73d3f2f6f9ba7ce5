import "server-only";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { prospectImports } from "@/db/schema";
import { AppError } from "@/server/errors";
import { chunk } from "@/server/prospects/chunk";
import { findProspectsByKey } from "@/server/prospects/find-prospects-by-key";
import { insertProspects } from "@/server/prospects/insert-prospects";
import { prepareImport } from "./prepare-import";
import type { TBadRow, TImportInput, TImportResult } from "./schemas";
import { alreadyProspectRow, type TImportCandidate } from "./validate-import-rows";

// Big enough that 10,000 rows take a handful of transactions, small enough to keep each short.
const ROWS_PER_TRANSACTION = 1000;
const REPORTED_BAD_ROWS = 100;

/**
 * Imports a CSV of people or companies. Bad rows are reported and never stop the good ones:
 * good rows are written one transaction per chunk, each chunk checked against existing
 * prospects and matched against the CRM (PULL-3). The import record keeps the counts and the
 * full bad-row report.
 */
export async function importProspects(
  db: TDatabase,
  input: TImportInput,
  user: { id: string; name: string },
  now: number,
): Promise<TImportResult> {
  const prepared = prepareImport(input);
  if (prepared.mappingProblem) throw new AppError("BAD_REQUEST", prepared.mappingProblem);

  const importId = randomUUID();
  const badRows: TBadRow[] = [...prepared.badRows];
  await db.insert(prospectImports).values({
    id: importId,
    fileName: input.fileName,
    kind: input.kind,
    totalRows: prepared.rows.length,
    importedRows: 0,
    badRows: badRows.length,
    report: badRows,
    createdBy: user.id,
    createdAt: now,
  });

  let imported = 0;
  let matched = 0;
  for (const candidates of chunk(prepared.candidates, ROWS_PER_TRANSACTION)) {
    await db.transaction(async (tx) => {
      const { fresh, duplicates } = await splitExisting(tx, input.kind, candidates);
      const inserted = fresh.length
        ? await insertProspects(
            tx,
            input.kind,
            fresh.map((candidate) => ({ draft: candidate.draft, line: candidate.line })),
            {
              source: "import",
              importId,
              fileName: input.fileName,
              createdBy: user.id,
            },
            now,
          )
        : { ids: [], matched: 0 };
      badRows.push(...duplicates);
      await tx
        .update(prospectImports)
        .set({
          importedRows: sql`${prospectImports.importedRows} + ${inserted.ids.length}`,
          badRows: badRows.length,
          ...(duplicates.length ? { report: [...badRows].sort((a, b) => a.line - b.line) } : {}),
        })
        .where(eq(prospectImports.id, importId));
      imported += inserted.ids.length;
      matched += inserted.matched;
    });
  }

  const sorted = badRows.sort((a, b) => a.line - b.line);
  return {
    summary: {
      id: importId,
      fileName: input.fileName,
      kind: input.kind,
      totalRows: prepared.rows.length,
      importedRows: imported,
      badRows: sorted.length,
      inCrmRows: matched,
      createdAt: now,
      createdBy: user.name,
    },
    badRows: sorted.slice(0, REPORTED_BAD_ROWS),
  };
}

/** Rows whose email or domain is already a prospect are reported, not imported again. */
async function splitExisting(
  db: Parameters<typeof findProspectsByKey>[0],
  kind: TImportInput["kind"],
  candidates: TImportCandidate[],
) {
  const keys = candidates.map((candidate) => candidate.draft.identityKey).filter((key): key is string => !!key);
  const existing = keys.length ? await findProspectsByKey(db, kind, keys) : new Map<string, string>();
  const fresh: TImportCandidate[] = [];
  const duplicates: TBadRow[] = [];
  for (const candidate of candidates) {
    const name = candidate.draft.identityKey ? existing.get(candidate.draft.identityKey) : undefined;
    if (name === undefined) fresh.push(candidate);
    else duplicates.push(alreadyProspectRow(candidate, name));
  }
  return { fresh, duplicates };
}
