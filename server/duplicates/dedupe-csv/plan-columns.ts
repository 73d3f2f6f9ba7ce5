import { AppError } from "@/server/errors";
import type { TMatchEntity, TMatchField } from "@/server/sync/core/match/fields";
import { guessField, headerKey } from "./header-aliases";
import { mapTargets, parseMapOption, type TMapTarget } from "./parse-map-option";

export type TColumnPlan = {
  /** Per column of the file, the field its values feed, or null. */
  fields: ReadonlyArray<TMatchField | null>;
  /**
   * The columns that feed no field, by header, in file order: their header names none, --map
   * says `ignore`, or --map gives the field their header names to other columns.
   */
  unused: string[];
};

/** A header as messages show it; a blank one by its position. */
export function displayHeader(header: string, index: number): string {
  return header.trim() || `column ${index + 1}`;
}

/**
 * Which field each column feeds. Columns --map names get its field; the others are guessed from
 * their header (HEADER_ALIASES), except that a field --map names is read only from the columns
 * --map gives it, so `--map "Work Email=email"` is not mixed with a column called Email.
 */
export function planColumns(
  headers: readonly string[],
  entity: TMatchEntity,
  mapOption: string | undefined,
  fileName: string,
): TColumnPlan {
  const chosen = new Map<number, TMapTarget>();
  for (const entry of mapOption === undefined ? [] : parseMapOption(mapOption, entity)) {
    const columns = findColumns(headers, entry.header);
    if (columns.length === 0) {
      throw new AppError(
        "BAD_REQUEST",
        `--map: ${fileName} has no column "${entry.header}". Its columns: ${listHeaders(headers)}.`,
      );
    }
    for (const column of columns) chosen.set(column, entry.target);
  }
  const mapped = new Set([...chosen.values()]);

  const fields = headers.map((header, index): TMatchField | null => {
    const target = chosen.get(index);
    if (target !== undefined) return target === "ignore" ? null : target;
    const guess = guessField(entity, header);
    return guess && !mapped.has(guess) ? guess : null;
  });
  const unused = headers.flatMap((header, index) => (fields[index] ? [] : [displayHeader(header, index)]));

  if (!fields.some((field) => field !== null)) {
    throw new AppError(
      "BAD_REQUEST",
      `${fileName} has no column dedupe can match ${entity} on. Its columns: ${listHeaders(headers)}. ` +
        `Name the ones to use with --map "Header=field,…"; the fields: ${mapTargets(entity)
          .filter((target) => target !== "ignore")
          .join(", ")}.`,
    );
  }
  return { fields, unused };
}

/** The columns with this header: exactly, or else differing only in case and punctuation. */
function findColumns(headers: readonly string[], header: string): number[] {
  const exact = indexesWhere(headers, (candidate) => candidate.trim() === header);
  if (exact.length > 0 || !headerKey(header)) return exact;
  return indexesWhere(headers, (candidate) => headerKey(candidate) === headerKey(header));
}

function indexesWhere(headers: readonly string[], test: (header: string) => boolean): number[] {
  return headers.flatMap((header, index) => (test(header) ? [index] : []));
}

function listHeaders(headers: readonly string[]): string {
  return headers.length ? headers.map(displayHeader).join(", ") : "none";
}
