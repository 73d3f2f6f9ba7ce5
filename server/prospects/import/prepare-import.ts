import { AppError } from "@/server/errors";
import type { TProspectKind } from "@/server/prospects/schemas";
import { guessMapping } from "./guess-mapping";
import { parseCsv, type TCsvRow } from "./parse-csv";
import { fieldLabel, type TColumnTarget } from "./prospect-fields";
import { validateImportRows, type TValidatedRows } from "./validate-import-rows";

export type TPreparedImport = TValidatedRows & {
  headers: string[];
  rows: TCsvRow[];
  mapping: TColumnTarget[];
  /** Why no row can be imported with this mapping, or null when it can be used. */
  mappingProblem: string | null;
};

/** Rejects mappings that cannot be meant: the wrong number of columns, one field from two columns. */
function checkMapping(headers: string[], mapping: TColumnTarget[], kind: TProspectKind) {
  if (mapping.length !== headers.length) {
    throw new AppError(
      "BAD_REQUEST",
      `The column mapping has ${mapping.length} columns but the file has ${headers.length}. Upload the file again.`,
    );
  }
  const columnByField = new Map<string, string>();
  mapping.forEach((target, index) => {
    if (target === "extra" || target === "ignore") return;
    const earlier = columnByField.get(target);
    if (earlier !== undefined) {
      throw new AppError(
        "BAD_REQUEST",
        `Both "${earlier}" and "${headers[index]}" are mapped to ${fieldLabel(target, kind)}. Map one of them and set the other to another field or Ignore.`,
      );
    }
    columnByField.set(target, headers[index] ?? "");
  });
}

function mappingProblem(mapping: TColumnTarget[], kind: TProspectKind): string | null {
  if (kind === "company")
    return mapping.includes("name") ? null : "Map a column to Company name: a company cannot be imported without one.";
  return mapping.some((target) => target === "name" || target === "firstName" || target === "lastName")
    ? null
    : "Map a column to Full name, First name or Last name: a person cannot be imported without a name.";
}

/** Parses the file, applies the given mapping (or a guessed one) and sorts the rows. Pure. */
export function prepareImport(input: {
  fileName: string;
  kind: TProspectKind;
  csv: string;
  mapping?: TColumnTarget[];
}): TPreparedImport {
  const { headers, rows } = parseCsv(input.fileName, input.csv);
  const mapping = input.mapping ?? guessMapping(headers, input.kind);
  checkMapping(headers, mapping, input.kind);
  return {
    headers,
    rows,
    mapping,
    mappingProblem: mappingProblem(mapping, input.kind),
    ...validateImportRows(input.kind, headers, mapping, rows),
  };
}
