import "server-only";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { TDatabase } from "@/db/client";
import { AppError } from "@/server/errors";
import { guessMapping } from "@/server/prospects/import/guess-mapping";
import { importProspects } from "@/server/prospects/import/import-prospects";
import { parseCsv } from "@/server/prospects/import/parse-csv";
import type { TImportSummary } from "@/server/prospects/import/schemas";
import type { TProspectKind } from "@/server/prospects/schemas";
import type { TSampleProspectsLoad } from "./schemas";

type TSampleFile = { kind: TProspectKind; file: string; fileName: string };

const COMPANIES: TSampleFile = {
  kind: "company",
  file: "prospects-companies.csv",
  fileName: "Sample prospects (companies).csv",
};
const PEOPLE: TSampleFile = { kind: "person", file: "prospects-people.csv", fileName: "Sample prospects (people).csv" };

/**
 * Imports the sample prospect database from samples/ (written by
 * server/emulator/seed/write-sample-prospects.ts, traced into the build by next.config.ts): the
 * companies, then the people, each as a CSV import with its columns guessed. About 15% of each are
 * in the demo org, so they are marked "in CRM" once it is synced (PULL-3). Loading again adds
 * nothing: the import reports rows that are already prospects instead of writing them twice.
 */
export async function loadSampleProspects(
  db: TDatabase,
  user: { id: string; name: string },
  now: number,
  directory = join(process.cwd(), "samples"),
): Promise<TSampleProspectsLoad> {
  const companies = await importSample(db, COMPANIES, user, now, directory);
  const people = await importSample(db, PEOPLE, user, now, directory);
  return { people, companies };
}

async function importSample(
  db: TDatabase,
  sample: TSampleFile,
  user: { id: string; name: string },
  now: number,
  directory: string,
): Promise<TImportSummary> {
  const csv = await readSample(join(directory, sample.file));
  const { headers } = parseCsv(sample.fileName, csv);
  const mapping = guessMapping(headers, sample.kind);
  const { summary } = await importProspects(
    db,
    { fileName: sample.fileName, kind: sample.kind, csv, mapping },
    user,
    now,
  );
  return summary;
}

async function readSample(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      throw new AppError(
        "NOT_FOUND",
        `The sample prospects are not installed here (${path} is missing). Import a CSV of your own instead.`,
      );
    }
    throw error;
  }
}
