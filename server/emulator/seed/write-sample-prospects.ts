/**
 * Writes the sample prospect database to samples/ (run from the repository root):
 * `npx tsx server/emulator/seed/write-sample-prospects.ts`. The files are committed;
 * sample-prospects.test.ts fails when they differ from what this writes.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildSampleProspects } from "./sample-prospects";

const SAMPLE_DIRECTORY = "samples";
const SAMPLE_PEOPLE_FILE = "prospects-people.csv";
const SAMPLE_COMPANIES_FILE = "prospects-companies.csv";

async function main() {
  const directory = join(process.cwd(), SAMPLE_DIRECTORY);
  const { people, companies } = await buildSampleProspects();
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, SAMPLE_PEOPLE_FILE), people);
  await writeFile(join(directory, SAMPLE_COMPANIES_FILE), companies);
  console.log(
    `Wrote ${join(SAMPLE_DIRECTORY, SAMPLE_PEOPLE_FILE)} and ${join(SAMPLE_DIRECTORY, SAMPLE_COMPANIES_FILE)}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
