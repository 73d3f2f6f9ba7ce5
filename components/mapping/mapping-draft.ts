import { EXTRA_FIELD_PREFIX, type TFieldMappingMode } from "@/server/sync/core/field-mapping";

export type TMappingEntry = { tandem: string; salesforce: string; mode: TFieldMappingMode };

/** A row on screen: an entry being edited, with a key that survives adding and removing rows. */
export type TDraftRow = TMappingEntry & { key: string };

/** The rows of a saved mapping; their keys are their positions, so a first edit keeps them. */
export function rowsOf(entries: ReadonlyArray<TMappingEntry>): TDraftRow[] {
  return entries.map(({ tandem, salesforce, mode }, index) => ({ key: `saved-${index}`, tandem, salesforce, mode }));
}

export function entriesOf(rows: ReadonlyArray<TDraftRow>): TMappingEntry[] {
  return rows.map(({ tandem, salesforce, mode }) => ({ tandem, salesforce, mode }));
}

/** Whether two mappings are the same list, in the same order (the order is what the server stores). */
export function sameEntries(a: ReadonlyArray<TMappingEntry>, b: ReadonlyArray<TMappingEntry>): boolean {
  return (
    a.length === b.length &&
    a.every(
      (entry, index) =>
        entry.tandem === b[index]!.tandem && entry.salesforce === b[index]!.salesforce && entry.mode === b[index]!.mode,
    )
  );
}

/** Both sides chosen: only then can the server preview or save the row. */
export function isComplete(entry: TMappingEntry): boolean {
  return entry.tandem.trim() !== "" && entry.salesforce.trim() !== "";
}

/** Salesforce compares field names without case; so does the page. */
export function pairKey(entry: Pick<TMappingEntry, "tandem" | "salesforce">): string {
  return `${entry.tandem}\u0000${entry.salesforce.toLowerCase()}`;
}

/**
 * The server's problems (by row index of the entries it was sent) by pair, so they stay on their
 * row while rows are added, removed or moved and a newer preview is on its way.
 */
export function problemsByPair(
  entries: ReadonlyArray<Pick<TMappingEntry, "tandem" | "salesforce">>,
  problems: ReadonlyArray<{ index: number; message: string }>,
): Map<string, string[]> {
  const byPair = new Map<string, string[]>();
  for (const problem of problems) {
    const entry = entries[problem.index];
    if (!entry) continue;
    const key = pairKey(entry);
    byPair.set(key, [...(byPair.get(key) ?? []), problem.message]);
  }
  return byPair;
}

/**
 * A Salesforce field takes one Tandem field: every row after the first that names it, by row key,
 * with the row that has it. The server refuses such a mapping; the page says so before saving.
 */
export function duplicateRows(rows: ReadonlyArray<TDraftRow>): Map<string, string> {
  const first = new Map<string, number>();
  const duplicates = new Map<string, string>();
  rows.forEach((row, index) => {
    if (!row.salesforce) return;
    const name = row.salesforce.toLowerCase();
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, index);
    else
      duplicates.set(
        row.key,
        `${row.salesforce} is already mapped in row ${earlier + 1}; a Salesforce field takes one Tandem field.`,
      );
  });
  return duplicates;
}

/** The Tandem fields in two groups: the prospect's own fields, and the columns imports brought. */
export function groupTandemFields<T extends { name: string }>(
  fields: ReadonlyArray<T>,
): { standard: T[]; imported: T[] } {
  return {
    standard: fields.filter((field) => !field.name.startsWith(EXTRA_FIELD_PREFIX)),
    imported: fields.filter((field) => field.name.startsWith(EXTRA_FIELD_PREFIX)),
  };
}
