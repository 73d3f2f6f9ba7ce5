import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, resolve } from "node:path";
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { dedupeCsvFile, type TDedupeCsvSummary } from "@/server/duplicates/dedupe-csv/dedupe-csv-file";
import { describeDedupeSummary } from "@/server/duplicates/dedupe-csv/describe-dedupe-summary";
import { AppError } from "@/server/errors";
import { MATCH_ENTITIES, type TMatchEntity } from "@/server/sync/core/match/fields";
import { DEFAULT_SCORE_THRESHOLD } from "@/server/sync/core/match/model";

export type TCommandStreams = { stdout: Writable; stderr: Writable };

const SYNOPSIS = 'dedupe FILE.csv --kind people|companies [--map "Header=field,…"] [--threshold T] [--out FILE]';

/**
 * `dedupe FILE.csv --kind people|companies [--map …] [--threshold T] [--out FILE]`: the rows of
 * any CSV with `cluster_id` and `match_score` added, found by Tandem's duplicate matcher. The CSV
 * goes to stdout and its summary to stderr; with --out the CSV goes to FILE and the summary, as
 * JSON, to stdout. Needs no database.
 */
export async function runDedupeCommand(
  args: string[],
  streams: TCommandStreams = { stdout: process.stdout, stderr: process.stderr },
): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      kind: { type: "string" },
      map: { type: "string" },
      threshold: { type: "string" },
      out: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...more] = positionals;
  if (file === undefined || more.length) throw new AppError("BAD_REQUEST", `Name one CSV file: ${SYNOPSIS}.`);
  const options = {
    entity: parseKind(values.kind),
    map: values.map,
    threshold: values.threshold === undefined ? undefined : parseThreshold(values.threshold),
    fileName: basename(file),
  };

  if (values.out === undefined) {
    const summary = await dedupeCsvFile(file, options, streams.stdout).catch((error: unknown) => {
      // The reader stopped reading (`| head`): nothing is wrong, and nobody is left to tell.
      if (error instanceof Error && "code" in error && error.code === "EPIPE") return null;
      throw error;
    });
    if (summary) streams.stderr.write(`${describeDedupeSummary(summary, options.entity, options.fileName)}\n`);
    return;
  }
  const out = resolve(values.out);
  const summary = await writeOutFile(out, (output) => dedupeCsvFile(file, options, output));
  streams.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  streams.stderr.write(`${describeDedupeSummary(summary, options.entity, options.fileName)}\nWrote ${out}.\n`);
}

function parseKind(kind: string | undefined): TMatchEntity {
  const entity = MATCH_ENTITIES.find((candidate) => candidate === kind);
  if (!entity) {
    throw new AppError(
      "BAD_REQUEST",
      kind === undefined
        ? `Say what the rows are: --kind people or --kind companies (${SYNOPSIS}).`
        : `--kind is people or companies, not "${kind}".`,
    );
  }
  return entity;
}

/** A probability strictly between 0 and 1: at 0 every pair would match, at 1 none. */
function parseThreshold(text: string): number {
  const value = Number(text);
  if (!(value > 0 && value < 1)) {
    throw new AppError(
      "BAD_REQUEST",
      `--threshold is the probability a pair needs to count as duplicates: a number between 0 and 1 (not 0 or 1), such as ${DEFAULT_SCORE_THRESHOLD}, the default. "${text}" is not.`,
    );
  }
  return value;
}

/**
 * Writes next to `out` and renames when done, so `out` is never left half written and may even
 * be the input file.
 */
async function writeOutFile(
  out: string,
  write: (output: Writable) => Promise<TDedupeCsvSummary>,
): Promise<TDedupeCsvSummary> {
  const partial = `${out}.${process.pid}.partial`;
  const output = createWriteStream(partial);
  try {
    await once(output, "open");
    const summary = await write(output);
    output.end();
    await once(output, "close");
    await rename(partial, out);
    return summary;
  } catch (error) {
    output.destroy();
    await rm(partial, { force: true });
    // Reading errors arrive as AppErrors; a system error here is the output's (no folder, disk full).
    if (!(error instanceof Error && "syscall" in error)) throw error;
    const reason = "code" in error && error.code === "ENOENT" ? "its folder does not exist" : error.message;
    throw new AppError("BAD_REQUEST", `Cannot write ${out}: ${reason}.`, { cause: error });
  }
}
