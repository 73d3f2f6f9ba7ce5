import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { TDatabaseHandle } from "@/db/client";
import { AppError } from "@/server/errors";
import { allowServerOnly } from "../server-only";
import { guessMapping, headerKey } from "@/server/prospects/import/guess-mapping";
import { decodeCsvFile } from "@/server/prospects/import/decode-csv-file";
import { parseCsv } from "@/server/prospects/import/parse-csv";
import { fieldsForKind, type TColumnTarget } from "@/server/prospects/import/prospect-fields";
import { ZImportInputSchema, type TBadRow } from "@/server/prospects/import/schemas";
import type { TProspectKind } from "@/server/prospects/schemas";

const KINDS: Record<string, TProspectKind> = { people: "person", companies: "company" };

/** Who a command-line import is recorded as: no team member, so the import history names nobody. */
export const CLI_USER = { id: "cli", name: "Command line" };

export type TCliImportResult = {
  total: number;
  imported: number;
  bad: number;
  inCrm: number;
  /** Every rejected row: its line in the file, why, and its values by header. */
  report: Array<Pick<TBadRow, "line" | "reason" | "values">>;
};

/** The counts of one import, as `import sample` prints them for people and for companies. */
type TCliImportCounts = Omit<TCliImportResult, "report">;

/**
 * `import <people|companies> FILE.csv [--map "Header=field,…"]`: the CSV import of the browser,
 * without one. Columns are mapped as the import screen guesses them; `--map` sets the named ones.
 * Prints `{ total, imported, bad, inCrm, report }`. `import sample` loads the sample prospects
 * from samples/ and prints `{ people: { total, imported, bad, inCrm }, companies: { … } }`.
 */
export async function runImportCommand(
  args: string[],
  openDb: () => Promise<Pick<TDatabaseHandle, "db" | "client">>,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { map: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const [what, file, ...more] = positionals;
  if (what === "sample") return runImportSample(positionals.length > 1 || values.map !== undefined, openDb);
  const kind = what === undefined ? undefined : KINDS[what];
  if (!kind) {
    throw new AppError(
      "BAD_REQUEST",
      "Say what to import: people or companies, then the CSV file; or sample, for the sample prospects.",
    );
  }
  if (file === undefined || more.length) {
    throw new AppError("BAD_REQUEST", `Name one CSV file to import: import ${what} FILE.csv [--map "Header=field,…"].`);
  }

  const fileName = basename(file);
  const csv = await readCsvFile(file);
  const { headers } = parseCsv(fileName, csv);
  const mapping = applyMapOption(headers, kind, values.map);
  const input = ZImportInputSchema.safeParse({ fileName, kind, csv, mapping });
  if (!input.success) throw new AppError("BAD_REQUEST", input.error.issues.map((issue) => issue.message).join("\n"));

  const { importProspects, getImportReport } = await loadImportModules();
  const handle = await openDb();
  try {
    const { summary } = await importProspects(handle.db, input.data, CLI_USER, Date.now());
    const { badRows } = await getImportReport(handle.db, summary.id);
    const result: TCliImportResult = {
      total: summary.totalRows,
      imported: summary.importedRows,
      bad: summary.badRows,
      inCrm: summary.inCrmRows,
      report: badRows.map(({ line, reason, values: rowValues }) => ({ line, reason, values: rowValues })),
    };
    console.log(JSON.stringify(result, null, 2));
    console.error(
      `Imported ${result.imported} of ${result.total} rows from ${fileName}` +
        (result.bad ? `; ${result.bad} not imported (see "report").` : "."),
    );
  } finally {
    handle.client.close();
  }
}

async function runImportSample(
  extraArguments: boolean,
  openDb: () => Promise<Pick<TDatabaseHandle, "db" | "client">>,
): Promise<void> {
  if (extraArguments) throw new AppError("BAD_REQUEST", "import sample takes no file and no --map: run import sample.");
  allowServerOnly();
  const { loadSampleProspects } = await import("@/server/prospects/sample/load-sample-prospects");
  const handle = await openDb();
  try {
    const { people, companies } = await loadSampleProspects(handle.db, CLI_USER, Date.now());
    const counts = (summary: typeof people): TCliImportCounts => ({
      total: summary.totalRows,
      imported: summary.importedRows,
      bad: summary.badRows,
      inCrm: summary.inCrmRows,
    });
    console.log(JSON.stringify({ people: counts(people), companies: counts(companies) }, null, 2));
    console.error(
      `Loaded ${people.importedRows} of ${people.totalRows} sample people and ${companies.importedRows} of ${companies.totalRows} sample companies` +
        (people.badRows + companies.badRows ? "; the others are prospects already." : "."),
    );
  } finally {
    handle.client.close();
  }
}

/**
 * The guessed mapping with the columns `--map` names set to its fields. A guessed column whose
 * field `--map` gave to another column is kept as an extra field instead.
 */
function applyMapOption(headers: string[], kind: TProspectKind, option: string | undefined): TColumnTarget[] {
  const guessed = guessMapping(headers, kind);
  if (option === undefined) return guessed;
  const targets: TColumnTarget[] = [...fieldsForKind(kind), "extra", "ignore"];
  const chosen = new Map<number, TColumnTarget>();
  for (const pair of option.split(",")) {
    if (!pair.trim()) continue;
    const at = pair.lastIndexOf("=");
    if (at < 0) throw new AppError("BAD_REQUEST", `--map takes Header=field pairs; "${pair.trim()}" has no "=".`);
    const header = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim();
    const target = targets.find((candidate) => candidate === field);
    if (!target) {
      throw new AppError(
        "BAD_REQUEST",
        `--map: "${field}" is not a field for ${kind === "person" ? "people" : "companies"}. Use one of: ${targets.join(", ")}.`,
      );
    }
    const index = findHeader(headers, header);
    if (index < 0) {
      throw new AppError(
        "BAD_REQUEST",
        `--map: the file has no column "${header}". Its columns: ${headers.join(", ")}.`,
      );
    }
    chosen.set(index, target);
  }
  const taken = new Set<TColumnTarget>(
    [...chosen.values()].filter((target) => target !== "extra" && target !== "ignore"),
  );
  return guessed.map((guess, index) => chosen.get(index) ?? (taken.has(guess) ? "extra" : guess));
}

/** The column with this header, or else the first whose header differs only in case and punctuation. */
function findHeader(headers: string[], header: string): number {
  const exact = headers.indexOf(header);
  if (exact >= 0 || !headerKey(header)) return exact;
  return headers.findIndex((candidate) => headerKey(candidate) === headerKey(header));
}

async function readCsvFile(file: string): Promise<string> {
  try {
    return decodeCsvFile(await readFile(file)).text;
  } catch (error) {
    const missing = error instanceof Error && "code" in error && error.code === "ENOENT";
    throw new AppError(
      "BAD_REQUEST",
      missing
        ? `${file} does not exist.`
        : `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function loadImportModules() {
  allowServerOnly();
  const [{ importProspects }, { getImportReport }] = await Promise.all([
    import("@/server/prospects/import/import-prospects"),
    import("@/server/prospects/import/get-import-report"),
  ]);
  return { importProspects, getImportReport };
}
