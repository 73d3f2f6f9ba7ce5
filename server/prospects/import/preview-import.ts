import "server-only";
import type { TDatabase } from "@/db/client";
import { findCrmMatches } from "@/server/prospects/find-crm-matches";
import { findProspectsByKey } from "@/server/prospects/find-prospects-by-key";
import type { TCsvRow } from "./parse-csv";
import { prepareImport } from "./prepare-import";
import type { TImportPreview, TPreviewImportInput } from "./schemas";
import { alreadyProspectRow, mapRow } from "./validate-import-rows";

const PREVIEW_ROWS = 10;
const SAMPLES_PER_COLUMN = 3;
const SAMPLED_ROWS = 50;
const REPORTED_BAD_ROWS = 100;

/**
 * What an import would do, without writing anything: the headers and mapping (guessed unless
 * given), the first rows as they will be imported, and the counts of good, bad and in-CRM rows.
 */
export async function previewImport(db: TDatabase, input: TPreviewImportInput): Promise<TImportPreview> {
  const prepared = prepareImport(input);
  const keys = prepared.candidates
    .map((candidate) => candidate.draft.identityKey)
    .filter((key): key is string => !!key);
  const existing = await findProspectsByKey(db, input.kind, keys);
  const alreadyProspects = prepared.candidates.flatMap((candidate) => {
    const name = candidate.draft.identityKey ? existing.get(candidate.draft.identityKey) : undefined;
    return name === undefined ? [] : [alreadyProspectRow(candidate, name)];
  });
  const newKeys = keys.filter((key) => !existing.has(key));
  const inCrmKeys = new Set(
    (newKeys.length ? await findCrmMatches(db, input.kind, newKeys) : []).map((match) => match.key),
  );

  const badRows = [...prepared.badRows, ...alreadyProspects].sort((a, b) => a.line - b.line);
  const problemByLine = new Map(badRows.map((row) => [row.line, { code: row.code, reason: row.reason }]));
  return {
    headers: prepared.headers,
    columnSamples: columnSamples(prepared.headers, prepared.rows),
    mapping: prepared.mapping,
    mappingProblem: prepared.mappingProblem,
    totalRows: prepared.rows.length,
    goodRows: prepared.candidates.length - alreadyProspects.length,
    alreadyInCrm: inCrmKeys.size,
    badRowCount: badRows.length,
    badRows: badRows.slice(0, REPORTED_BAD_ROWS),
    previewRows: prepared.rows.slice(0, PREVIEW_ROWS).map((row) => ({
      line: row.line,
      ...mapRow(prepared.headers, prepared.mapping, row.cells),
      problem: problemByLine.get(row.line) ?? null,
    })),
  };
}

function columnSamples(headers: string[], rows: TCsvRow[]): string[][] {
  return headers.map((_header, index) => {
    const values = rows
      .slice(0, SAMPLED_ROWS)
      .map((row) => row.cells[index] ?? "")
      .filter(Boolean);
    return [...new Set(values)].slice(0, SAMPLES_PER_COLUMN);
  });
}
