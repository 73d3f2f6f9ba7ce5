import type { Writable } from "node:stream";
import { AppError } from "@/server/errors";
import type { TMatchEntity, TMatchField, TMatchRecord } from "@/server/sync/core/match/fields";
import { findDuplicates } from "@/server/sync/core/match/find-duplicates";
import { DEFAULT_SCORE_THRESHOLD } from "@/server/sync/core/match/model";
import { collectMatchRecords } from "./collect-match-records";
import type { TCsvEncoding } from "./csv-format";
import { displayHeader, type TColumnPlan } from "./plan-columns";
import { ADDED_COLUMNS, writeDedupedCsv } from "./write-deduped-csv";

export type TDedupeCsvOptions = {
  entity: TMatchEntity;
  /** `Header=field,…`: columns to read as the named fields; the others are guessed. */
  map?: string;
  /** The probability a pair needs to count as a duplicate; the matcher's own when absent. */
  threshold?: number;
  /** The file as messages name it. */
  fileName: string;
};

export type TDedupeCsvSummary = {
  rows: number;
  /** Clusters of more than one row, and how many rows they hold. */
  clusters: number;
  rowsInClusters: number;
  threshold: number;
  /** Each field matched on, with the columns that feed it. */
  columns: Partial<Record<TMatchField, string[]>>;
  ignoredColumns: string[];
  /** Rows with more cells than the header: written cut to the header's width. */
  badRows: number;
  /** Their lines in the file (the first 100). */
  badRowLines: number[];
  encoding: TCsvEncoding;
  /** Columns of the file named cluster_id or match_score (an earlier dedupe's output): given new values. */
  replacedColumns: string[];
};

/**
 * `dedupe FILE.csv`: reads the file once for the matcher's values, finds the clusters, and reads
 * it again to write each row with its cluster_id and match_score to `output`. Only the values and
 * two numbers per row are held, never the rows.
 */
export async function dedupeCsvFile(
  path: string,
  options: TDedupeCsvOptions,
  output: Writable,
): Promise<TDedupeCsvSummary> {
  const { records, rowOfRecord, ...file } = await collectMatchRecords(path, options);
  const { clusterOf, bestScore } = clusterRows(
    options.entity,
    { records, rowOfRecord, rowCount: file.rowCount },
    options.threshold,
    options.fileName,
  );
  // The values are not needed again: let them go before the second read.
  records.length = 0;
  await writeDedupedCsv(path, { format: file.format, fileName: options.fileName, clusterOf, bestScore }, output);
  return {
    rows: clusterOf.length,
    ...countClusters(clusterOf),
    threshold: options.threshold ?? DEFAULT_SCORE_THRESHOLD,
    columns: columnsByField(file.headers, file.plan),
    ignoredColumns: file.plan.unused,
    badRows: file.badRows.count,
    badRowLines: file.badRows.lines,
    encoding: file.format.encoding,
    replacedColumns: ADDED_COLUMNS.filter((name) => file.headers.some((header) => header.trim() === name)),
  };
}

/**
 * Each row's cluster (the row number of its first row) and best score. Only these are kept from
 * the matcher's result, so its features and pairs are freed before the second read.
 */
function clusterRows(
  entity: TMatchEntity,
  input: { records: TMatchRecord[]; rowOfRecord: readonly number[]; rowCount: number },
  threshold: number | undefined,
  fileName: string,
): { clusterOf: Int32Array; bestScore: Float64Array } {
  const found = findDuplicatesOrExplain(entity, input.records, threshold, fileName);
  const clusterOf = new Int32Array(input.rowCount);
  for (let row = 0; row < input.rowCount; row += 1) clusterOf[row] = row;
  const bestScore = new Float64Array(input.rowCount);
  input.rowOfRecord.forEach((row, record) => {
    clusterOf[row] = input.rowOfRecord[found.clusterOf[record] ?? record] ?? row;
    bestScore[row] = found.bestScore[record] ?? 0;
  });
  return { clusterOf, bestScore };
}

/**
 * The matcher's limit on a very large file said in words: it keeps candidate pairs in a Set,
 * and a JavaScript Set holds at most 2^24 entries (a RangeError past that).
 */
function findDuplicatesOrExplain(
  entity: TMatchEntity,
  records: TMatchRecord[],
  threshold: number | undefined,
  fileName: string,
) {
  try {
    return findDuplicates(entity, records, { score: threshold });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new AppError(
      "INTERNAL",
      `The matcher could not compare the ${records.length.toLocaleString("en-US")} rows of ${fileName}: too many of them share names or values (${error.message}). Split the file and dedupe each part.`,
      { cause: error },
    );
  }
}

function countClusters(clusterOf: Int32Array): { clusters: number; rowsInClusters: number } {
  const sizes = new Int32Array(clusterOf.length);
  for (const cluster of clusterOf) sizes[cluster] = (sizes[cluster] ?? 0) + 1;
  let clusters = 0;
  let rowsInClusters = 0;
  for (const size of sizes) {
    if (size < 2) continue;
    clusters += 1;
    rowsInClusters += size;
  }
  return { clusters, rowsInClusters };
}

function columnsByField(headers: readonly string[], plan: TColumnPlan): TDedupeCsvSummary["columns"] {
  const columns: TDedupeCsvSummary["columns"] = {};
  plan.fields.forEach((field, index) => {
    if (field) (columns[field] ??= []).push(displayHeader(headers[index] ?? "", index));
  });
  return columns;
}
