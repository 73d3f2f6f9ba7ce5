import { buildProspectDraft, type TProspectDraft, type TProspectValues } from "@/server/prospects/build-prospect-draft";
import type { TProspectKind } from "@/server/prospects/schemas";
import type { TCsvRow } from "./parse-csv";
import type { TColumnTarget } from "./prospect-fields";
import type { TBadRow } from "./schemas";

export type TImportCandidate = { line: number; values: Record<string, string>; draft: TProspectDraft };
export type TValidatedRows = { candidates: TImportCandidate[]; badRows: TBadRow[] };

/** The row's values by header, as the user wrote them: what the bad-row report shows. */
export function rowValues(headers: string[], cells: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  headers.forEach((header, index) => {
    values[header] = cells[index] ?? "";
  });
  return values;
}

/** Applies the column mapping to one row. */
export function mapRow(
  headers: string[],
  mapping: TColumnTarget[],
  cells: string[],
): { fields: TProspectValues; extra: Record<string, string> } {
  const fields: TProspectValues = {};
  const extra: Record<string, string> = {};
  mapping.forEach((target, index) => {
    const value = cells[index]?.trim();
    const header = headers[index];
    if (!value || target === "ignore" || header === undefined) return;
    if (target === "extra") extra[header] = value;
    else fields[target] = value;
  });
  return { fields, extra };
}

/**
 * Sorts rows into prospects to import and rows to report. A row is rejected for the first of:
 * no name, an email that is present but invalid, the same email (people) or web domain
 * (companies) as an earlier row. Every other row is imported.
 */
export function validateImportRows(
  kind: TProspectKind,
  headers: string[],
  mapping: TColumnTarget[],
  rows: TCsvRow[],
): TValidatedRows {
  const candidates: TImportCandidate[] = [];
  const badRows: TBadRow[] = [];
  const firstLineByKey = new Map<string, number>();
  for (const row of rows) {
    const values = rowValues(headers, row.cells);
    const { fields, extra } = mapRow(headers, mapping, row.cells);
    const draft = buildProspectDraft(kind, fields, extra);
    const reject = (code: TBadRow["code"], reason: string) => badRows.push({ line: row.line, code, reason, values });
    if (!draft.name) {
      reject(
        "no-name",
        kind === "person" ? "No name: give a first name, a last name or a full name." : "No company name.",
      );
      continue;
    }
    if (draft.email && !draft.emailNormalized) {
      reject("bad-email", `"${draft.email}" is not a valid email address.`);
      continue;
    }
    const earlierLine = draft.identityKey ? firstLineByKey.get(draft.identityKey) : undefined;
    if (draft.identityKey && earlierLine !== undefined) {
      const what = kind === "person" ? "email" : "web domain";
      reject("duplicate-in-file", `Same ${what} as line ${earlierLine} (${draft.identityKey}).`);
      continue;
    }
    if (draft.identityKey) firstLineByKey.set(draft.identityKey, row.line);
    candidates.push({ line: row.line, values, draft });
  }
  return { candidates, badRows };
}

/** The reason for a row whose key an existing prospect already has. */
export function alreadyProspectRow(candidate: TImportCandidate, existingName: string): TBadRow {
  return {
    line: candidate.line,
    code: "already-a-prospect",
    reason: `${candidate.draft.identityKey} is already a prospect (${existingName}).`,
    values: candidate.values,
  };
}
