import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { activityLog, prospectImports, prospects } from "@/db/schema";
import { createTestDatabase, type TTestDatabase } from "@/db/testing/test-database";
import { AppError } from "@/server/errors";
import {
  arbitraryPeopleCsv,
  csvText,
  encodeCsv,
  PEOPLE_COLUMNS,
  rowLines,
  type TCsvModel,
} from "@/server/testing/csv-files";
import { caseCounter, fuzzParameters } from "@/server/testing/fuzz";
import { decodeCsvFile } from "./decode-csv-file";
import { getImportReport } from "./get-import-report";
import { guessMapping } from "./guess-mapping";
import { importProspects } from "./import-prospects";
import { parseCsv } from "./parse-csv";
import type { TImportResult } from "./schemas";

/*
 * The CSV import against generated people files: good rows mixed with broken and ragged ones,
 * blank lines, quoted separators and line breaks, every separator, line break and encoding a
 * spreadsheet app writes; plus random bytes, 1 MB cells and 200 columns. The file is read as the
 * import screen reads it (decodeCsvFile), its columns mapped as the screen guesses them.
 * Properties: a report, never a crash; every good row imported with its values; every broken row
 * reported on its own line with the reason it has; the counts add up.
 */

let database: TTestDatabase;
const cases = caseCounter("CSV import");
const user = { id: "user-fuzz", name: "Fuzz" };
const NOW = 1_800_000_000_000;
const encodings = new Map<string, number>();
const CODE_OF_KIND = {
  "no-name": "no-name",
  "bad-email": "bad-email",
  "duplicate-email": "duplicate-in-file",
} as const;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  cases.report();
  console.log(`[fuzz] CSV import: files by encoding ${JSON.stringify(Object.fromEntries(encodings))}`);
  await database.cleanup();
});
beforeEach(clearProspects);

async function clearProspects() {
  await database.db.delete(activityLog);
  await database.db.delete(prospects);
  await database.db.delete(prospectImports);
}

/** The file through the import as the screen runs it; a refusal is an AppError the user reads. */
async function importFile(bytes: Uint8Array): Promise<TImportResult | AppError> {
  cases.count();
  await clearProspects();
  const { text } = decodeCsvFile(bytes);
  try {
    const { headers } = parseCsv("people.csv", text);
    const mapping = guessMapping(headers, "person");
    return await importProspects(
      database.db,
      { fileName: "people.csv", kind: "person", csv: text, mapping },
      user,
      NOW,
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "BAD_REQUEST") return error;
    throw error;
  }
}

/** What the importer reads from a cell: trimmed, and absent when empty. */
const cleaned = (value: string | undefined) => value?.trim() || null;

async function expectEveryRowAccountedFor(model: TCsvModel, result: TImportResult | AppError) {
  const readRows = model.rows.filter((row) => row.kind !== "blank" && row.cells.join("").trim() !== "");
  if (result instanceof AppError) {
    // Only a file without a single row to read may be refused, and the reason says so.
    expect(readRows, result.message).toEqual([]);
    expect(result.message).toMatch(/no data rows|is empty/);
    return;
  }
  const { summary } = result;
  expect(summary.totalRows).toBe(readRows.length);
  expect(summary.importedRows + summary.badRows).toBe(summary.totalRows);

  const stored = await database.db.select().from(prospects);
  const byRef = new Map(stored.map((row) => [row.extra[PEOPLE_COLUMNS.ref], row]));
  const report = (await getImportReport(database.db, summary.id)).badRows;
  const lines = rowLines(model);
  const column = (role: keyof typeof PEOPLE_COLUMNS) => model.headers.indexOf(PEOPLE_COLUMNS[role]);
  for (const row of model.rows) {
    if (row.kind === "blank") continue;
    const ref = row.cells[column("ref")];
    const line = lines.get(row);
    if (row.kind === "good") {
      const first = cleaned(row.cells[column("firstName")]);
      const last = cleaned(row.cells[column("lastName")]);
      const extra = Object.fromEntries(
        model.headers.flatMap((header, index) => {
          const value = cleaned(row.cells[index]);
          return header === PEOPLE_COLUMNS.ref || header.startsWith("Col ") ? (value ? [[header, value]] : []) : [];
        }),
      );
      expect(byRef.get(ref), `good row on line ${line} is imported`).toMatchObject({
        name: [first, last].filter(Boolean).join(" "),
        firstName: first,
        lastName: last,
        email: cleaned(row.cells[column("email")]),
        company: cleaned(row.cells[column("company")]),
        title: cleaned(row.cells[column("title")]),
        extra,
      });
      expect(report.filter((bad) => bad.line === line)).toEqual([]);
    } else if (row.kind in CODE_OF_KIND) {
      const code = CODE_OF_KIND[row.kind as keyof typeof CODE_OF_KIND];
      expect(byRef.has(ref), `${row.kind} row on line ${line} is not imported`).toBe(false);
      expect(report.find((bad) => bad.line === line)?.code, `${row.kind} row on line ${line}`).toBe(code);
    }
  }
}

describe("CSV import, fuzzed", () => {
  it("imports every good row and reports every broken one, in every separator, line break and encoding", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryPeopleCsv(), async (model) => {
        const { bytes, encoding } = encodeCsv(csvText(model), model.encoding);
        encodings.set(encoding, (encodings.get(encoding) ?? 0) + 1);
        const effective = { ...model, encoding };
        await expectEveryRowAccountedFor(effective, await importFile(bytes));
      }),
      fuzzParameters(300),
    );
  });

  it("keeps every good row of a file with 1 MB cells and up to 200 columns", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryPeopleCsv({ maxRows: 6, maxExtraColumns: 194, bigCell: true }), async (model) => {
        const { bytes, encoding } = encodeCsv(csvText(model), model.encoding);
        await expectEveryRowAccountedFor({ ...model, encoding }, await importFile(bytes));
      }),
      fuzzParameters(12),
    );
  });

  it("answers random bytes with a report or a refusal that says what to fix, never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }),
          fc.string({ unit: "binary", maxLength: 500 }).map((value) => new TextEncoder().encode(value)),
        ),
        async (bytes) => {
          const result = await importFile(bytes);
          if (result instanceof AppError) expect(result.message.length).toBeGreaterThan(20);
          else expect(result.summary.importedRows + result.summary.badRows).toBe(result.summary.totalRows);
        },
      ),
      fuzzParameters(200),
    );
  });
});
