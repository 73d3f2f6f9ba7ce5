/**
 * The public duplicate-detection data sets with ground truth (../shared/data/dedup, README there):
 * Febrl3 (people) and the Chicago early-childhood providers (companies), read into matcher records
 * with the columns the fair-scoring notes say to hide left out.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import type { TMatchRecord } from "@/server/sync/core/match/fields";

export type TLabelledSet = { name: string; records: TMatchRecord[]; truth: string[] };

export const PUBLIC_DATA_FILES = ["febrl3.csv", "chicago-providers-with-true-ids.csv"] as const;

/** ../shared/data/dedup beside the project root, wherever the command runs from. */
export function defaultDataDir(): string {
  const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));
  return path.resolve(projectRoot, "..", "shared", "data", "dedup");
}

/** The data files missing from `dir` (all of them when the folder is absent). */
export function missingDataFiles(dir: string): string[] {
  return PUBLIC_DATA_FILES.filter((file) => !existsSync(path.join(dir, file)));
}

type TRow = Record<string, string | undefined>;

function readCsv(file: string): TRow[] {
  const text = readFileSync(file, "utf8");
  const parsed = Papa.parse<TRow>(text, {
    header: true,
    skipEmptyLines: true,
    transformHeader: (header) => header.trim(),
  });
  return parsed.data;
}

/** Febrl3 without `soc_sec_id` (a CRM has no national id). Truth: `rec-N-…` share N. */
export function febrl3(dir = defaultDataDir()): TLabelledSet {
  const rows = readCsv(path.join(dir, "febrl3.csv"));
  return {
    name: "Febrl3 (people)",
    records: rows.map((row) => ({
      id: (row.rec_id ?? "").trim(),
      values: {
        firstName: row.given_name?.trim(),
        lastName: row.surname?.trim(),
        address: `${row.street_number?.trim() ?? ""} ${row.address_1?.trim() ?? ""}`.trim(),
        city: row.suburb?.trim(),
        postcode: row.postcode?.trim(),
        birthDate: row.date_of_birth?.trim(),
      },
    })),
    truth: rows.map((row) => (row.rec_id ?? "").trim().split("-")[1] ?? ""),
  };
}

/** The Chicago providers without `True Id` and `Source`; with `hideAddress`, without Address and Zip too. */
export function chicagoProviders(dir = defaultDataDir(), hideAddress = false): TLabelledSet {
  const rows = readCsv(path.join(dir, "chicago-providers-with-true-ids.csv"));
  return {
    name: hideAddress ? "Chicago providers, no Address or Zip (companies)" : "Chicago providers (companies)",
    records: rows.map((row) => ({
      id: row.Id ?? "",
      values: {
        name: row["Site name"],
        address: hideAddress ? undefined : row.Address,
        postcode: hideAddress ? undefined : row.Zip,
        phone: row.Phone,
        website: row.Website,
        email: row["Email Address"],
      },
    })),
    truth: rows.map((row) => row["True Id"] ?? ""),
  };
}
