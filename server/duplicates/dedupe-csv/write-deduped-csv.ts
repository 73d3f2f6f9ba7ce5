import { once } from "node:events";
import type { Writable } from "node:stream";
import { AppError } from "@/server/errors";
import type { TCsvEncoding, TCsvFormat } from "./csv-format";
import { formatCsvRow } from "./format-csv-row";
import { readCsvFile } from "./read-csv-file";

export const ADDED_COLUMNS = ["cluster_id", "match_score"] as const;

/** Text gathered before one write to the output. */
const WRITE_CHARS = 64 * 1024;

/** The output's columns: the header's, with the two added ones after them or over columns of those names. */
function outputLayout(headers: readonly string[]): TOutputLayout {
  let width = headers.length;
  const place = (name: string) => {
    const existing = headers.findIndex((header) => header.trim() === name);
    return existing >= 0 ? existing : width++;
  };
  const cluster = place(ADDED_COLUMNS[0]);
  const score = place(ADDED_COLUMNS[1]);
  return { headerWidth: headers.length, width, cluster, score };
}

type TOutputLayout = { headerWidth: number; width: number; cluster: number; score: number };

/**
 * The second read of the file: every row in order, cut or padded to the header's width, with its
 * cluster (the number of the cluster's first row, counting data rows from 1) and its best pair
 * score. A file that already has these columns (an earlier dedupe's output) gets new values in
 * them. Honours the output's backpressure, so memory stays flat whatever the file's size.
 */
export async function writeDedupedCsv(
  path: string,
  input: { format: TCsvFormat; fileName: string; clusterOf: Int32Array; bestScore: Float64Array },
  output: Writable,
): Promise<void> {
  const { format, clusterOf, bestScore } = input;
  const sink = bufferedSink(output, format.encoding);
  try {
    if (format.bom) sink.add("\uFEFF");
    let layout: TOutputLayout | null = null;
    let index = 0;
    for await (const { rows } of readCsvFile(path, { encoding: format.encoding, fileName: input.fileName, format })) {
      for (const row of rows) {
        if (!layout) {
          layout = outputLayout(row.cells);
          sink.add(formatCsvRow(withAdded(row.cells, layout, ADDED_COLUMNS), format));
          continue;
        }
        if (index >= clusterOf.length) throw changedWhileReading(input.fileName);
        const added = [String((clusterOf[index] ?? index) + 1), (bestScore[index] ?? 0).toFixed(4)] as const;
        sink.add(formatCsvRow(withAdded(row.cells, layout, added), format));
        index += 1;
      }
      await sink.flushIfFull();
    }
    await sink.flush();
    if (index !== clusterOf.length) throw changedWhileReading(input.fileName);
  } finally {
    sink.release();
  }
}

/**
 * Text gathered into large writes that wait when the output asks to. A reader that goes away
 * (`| head`) fails the output between two writes: the error is kept and thrown at the next one,
 * instead of going unheard.
 */
function bufferedSink(output: Writable, encoding: TCsvEncoding) {
  let buffered = "";
  let failure: unknown = null;
  const keepFailure = (error: unknown) => (failure ??= error);
  output.on("error", keepFailure);
  const flush = async () => {
    if (failure) throw failure;
    if (!buffered) return;
    const ready = output.write(encodeText(buffered, encoding));
    buffered = "";
    if (!ready) await once(output, "drain");
  };
  return {
    add(text: string) {
      buffered += text;
    },
    flush,
    async flushIfFull() {
      if (buffered.length >= WRITE_CHARS) await flush();
    },
    release() {
      output.off("error", keepFailure);
    },
  };
}

/** Text as bytes of the input's encoding; Node writes UTF-16 little-endian only, so big-endian is swapped. */
function encodeText(text: string, encoding: TCsvEncoding): Buffer {
  if (encoding === "utf16be") return Buffer.from(text, "utf16le").swap16();
  return Buffer.from(text, encoding);
}

function changedWhileReading(fileName: string): AppError {
  return new AppError("BAD_REQUEST", `${fileName} changed while dedupe was reading it. Run dedupe again.`);
}

function withAdded(cells: readonly string[], layout: TOutputLayout, added: readonly [string, string]): string[] {
  const out = cells.slice(0, layout.headerWidth);
  while (out.length < layout.width) out.push("");
  out[layout.cluster] = added[0];
  out[layout.score] = added[1];
  return out;
}
