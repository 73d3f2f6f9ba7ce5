import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import fc from "fast-check";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import {
  arbitraryPeopleCsv,
  csvText,
  encodeCsv,
  singleByte,
  type TCsvEncodingName,
  type TCsvModel,
} from "@/server/testing/csv-files";
import { fuzzParameters } from "@/server/testing/fuzz";
import { dedupeCsvFile, type TDedupeCsvSummary } from "./dedupe-csv-file";

/*
 * `dedupe` against generated people files (every separator, line break and encoding, ragged and
 * blank rows, quoted separators and line breaks, 1 MB cells, 200 columns) and random bytes. The
 * property: a summary or a refusal that says what to fix, never a crash; and the output holds
 * every input row exactly once, in order, with its cells as they were, cut or padded to the
 * header's width, and a cluster_id and match_score, written in the input's own encoding.
 *
 * Runs are bounded for CI (a few seconds); a longer run by hand: `FUZZ_RUNS=2000 vitest run <this
 * file>`, and `FUZZ_SEED=<seed>` tries other cases (CI keeps one seed, server/testing/fuzz.ts).
 */

let workDir: string;
let fileNumber = 0;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), "tandem-dedupe-fuzz-"));
});
afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** Runs dedupe on the bytes; a refusal is an AppError the user reads. */
async function dedupe(bytes: Uint8Array): Promise<{ summary: TDedupeCsvSummary; output: Buffer } | AppError> {
  const path = join(workDir, `people-${(fileNumber += 1)}.csv`);
  writeFileSync(path, bytes);
  const chunks: Buffer[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  try {
    const summary = await dedupeCsvFile(path, { entity: "people", fileName: "people.csv" }, output);
    return { summary, output: Buffer.concat(chunks) };
  } catch (error) {
    if (error instanceof AppError && error.code === "BAD_REQUEST") return error;
    throw error;
  } finally {
    rmSync(path, { force: true });
  }
}

/** The output's text, read in the encoding the input was written in (its byte-order mark checked). */
function outputText(output: Buffer, encoding: TCsvEncodingName): string {
  const marks: Partial<Record<TCsvEncodingName, number[]>> = {
    "utf-8-bom": [0xef, 0xbb, 0xbf],
    "utf-16le": [0xff, 0xfe],
    "utf-16be": [0xfe, 0xff],
  };
  const mark = marks[encoding] ?? [];
  expect([...output.subarray(0, mark.length)], "the output keeps the input's byte-order mark").toEqual(mark);
  const body = output.subarray(mark.length);
  if (encoding === "utf-16le") return body.toString("utf16le");
  if (encoding === "utf-16be") return Buffer.from(body).swap16().toString("utf16le");
  if (encoding === "latin1" || encoding === "windows-1252") return body.toString("latin1");
  return new TextDecoder("utf-8", { fatal: true }).decode(body);
}

/** A cell as the input's bytes read in the output's encoding (Latin-1 keeps every byte as it is). */
function asWritten(cell: string, encoding: TCsvEncodingName): string {
  if (encoding !== "latin1" && encoding !== "windows-1252") return cell;
  return Buffer.from(singleByte(cell, encoding) ?? []).toString("latin1");
}

function expectEveryRowOnce(model: TCsvModel, result: Awaited<ReturnType<typeof dedupe>>) {
  if (result instanceof AppError) throw new Error(`dedupe refused a file it can read: ${result.message}`);
  const rows = model.rows.filter((row) => row.kind !== "blank");
  expect(result.summary.rows).toBe(rows.length);
  // The output ends its lines as the input's header line ends, or the blank lines before it; a
  // header alone, with no line break at all, leaves nothing to keep: LF.
  const newline = /[\r\n]/.test(csvText(model)) ? model.newline : "\n";
  const parsed = Papa.parse<string[]>(outputText(result.output, model.encoding), {
    delimiter: model.separator,
    newline,
  });
  const [header, ...written] = parsed.data.filter(
    (cells, index) => !(index === parsed.data.length - 1 && cells.length === 1 && cells[0] === ""),
  );
  const width = model.headers.length;
  expect(header).toEqual(
    [...model.headers, "cluster_id", "match_score"].map((cell) => asWritten(cell, model.encoding)),
  );
  expect(written.length, "one output row per input row").toBe(rows.length);
  written.forEach((cells, index) => {
    const row = rows[index]!;
    const expected = Array.from({ length: width }, (_, column) => asWritten(row.cells[column] ?? "", model.encoding));
    expect(cells.slice(0, width), `row ${index + 1}, in order, cells as they were`).toEqual(expected);
    const [clusterId, score] = cells.slice(width);
    expect(clusterId).toMatch(/^[1-9][0-9]*$/);
    expect(score).toMatch(/^[01]\.[0-9]{4}$/);
    // A cluster is named by its first row, which names itself.
    const first = Number(clusterId);
    expect(first).toBeLessThanOrEqual(index + 1);
    expect(written[first - 1]?.[width]).toBe(clusterId);
  });
}

describe("dedupe FILE.csv, fuzzed", () => {
  it("writes every row exactly once, in order, with cluster_id and match_score, in every separator, line break and encoding", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryPeopleCsv({ maxRows: 16 }), async (model) => {
        const { bytes, encoding } = encodeCsv(csvText(model), model.encoding);
        const effective = { ...model, encoding };
        expectEveryRowOnce(effective, await dedupe(bytes));
      }),
      fuzzParameters(300),
    );
  });

  it("writes every row of a file with 1 MB cells and up to 200 columns", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryPeopleCsv({ maxRows: 6, maxExtraColumns: 194, bigCell: true }), async (model) => {
        const { bytes, encoding } = encodeCsv(csvText(model), model.encoding);
        expectEveryRowOnce({ ...model, encoding }, await dedupe(bytes));
      }),
      fuzzParameters(12),
    );
  });

  it("answers random bytes with a summary or a refusal that says what to fix, never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }),
          fc
            .string({ unit: "binary", maxLength: 500 })
            .map((value) => new TextEncoder().encode(`first_name,email\n${value}`)),
        ),
        async (bytes) => {
          const result = await dedupe(bytes);
          if (result instanceof AppError) expect(result.message).toMatch(/people\.csv/);
          else expect(result.summary.rows).toBeGreaterThanOrEqual(0);
        },
      ),
      fuzzParameters(200),
    );
  });
});
