import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@/db/testing/test-database";
import { dedupeCsvFile } from "./dedupe-csv-file";
import { readCsvFile } from "./read-csv-file";

/*
 * A ~50 MB CSV of 280,000 rows is deduplicated while the live heap is sampled. One row in 40
 * holds a person (3,500 people, each twice); the others hold only an id and a note, so the
 * matcher (whose features are its own memory) has few records and the file's bytes are almost
 * all in columns no field reads. Reading the rows into memory would hold the 50 MB; streaming
 * holds one piece of the file, the people's values and two numbers per row.
 */

const ROWS = 280_000;
const PERSON_EVERY = 40;
const PEOPLE = 3_500;
const FIRST = ["james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda", "william", "susan"];
const SYLLABLES = ["bar", "ken", "dol", "mir", "sat", "lon", "pri", "vek", "hus", "tor", "gam", "fel", "rob", "zin"];

let workDir: string;
let input: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "tandem-dedupe-large-"));
  input = join(workDir, "large.csv");
  await writeLargeCsv(input);
}, 60_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function personOf(row: number): number | null {
  return row % PERSON_EVERY === 0 ? (row / PERSON_EVERY) % PEOPLE : null;
}

function surname(person: number): string {
  const syllable = (n: number) => SYLLABLES[n % SYLLABLES.length] ?? "";
  return syllable(person) + syllable(Math.floor(person / 14)) + syllable(Math.floor(person / 196));
}

async function writeLargeCsv(file: string) {
  const out = createWriteStream(file);
  out.write("id,first_name,last_name,email,city,notes\n");
  const note = "lorem ipsum dolor sit amet ".repeat(6);
  for (let row = 0; row < ROWS; row += 1) {
    const person = personOf(row);
    const first = person === null ? "" : (FIRST[person % FIRST.length] ?? "");
    const last = person === null ? "" : surname(person);
    const line =
      person === null
        ? `${row},,,,,note ${row} ${note}\n`
        : `${row},${first},${last},${first}.${last}.${person}@example.com,Springfield,note ${row} ${note}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "close");
}

/** A full collection now; the heap it leaves is what is alive, not garbage waiting to go. */
function exposeGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

const describeOnFile = testDatabaseKind() === "sqld" ? describe.skip : describe;

describeOnFile("dedupe on a 50 MB file", () => {
  it("streams it: the live heap stays far below the file's size, and every row comes out in order", async () => {
    const fileBytes = statSync(input).size;
    expect(fileBytes).toBeGreaterThan(50_000_000);
    const gc = exposeGc();
    gc();
    const before = process.memoryUsage();
    let peakLiveHeap = before.heapUsed;
    let peakRss = before.rss;
    // Sampled between pieces of the file, during both reads (not inside the matcher, which runs
    // in one synchronous call; process.resourceUsage().maxRSS covers it).
    const sampler = setInterval(() => {
      gc();
      const now = process.memoryUsage();
      peakLiveHeap = Math.max(peakLiveHeap, now.heapUsed);
      peakRss = Math.max(peakRss, now.rss);
    }, 25);
    const output = join(workDir, "large-deduped.csv");
    const out = createWriteStream(output);
    try {
      const summary = await dedupeCsvFile(input, { entity: "people", fileName: "large.csv" }, out);
      expect(summary).toMatchObject({ rows: ROWS, clusters: PEOPLE, rowsInClusters: 2 * PEOPLE, badRows: 0 });
    } finally {
      clearInterval(sampler);
      out.end();
      await once(out, "close");
    }
    const maxRss = process.resourceUsage().maxRSS * 1024;
    const megabytes = (bytes: number) => Math.round(bytes / 1_000_000);
    console.info(
      `dedupe on ${megabytes(fileBytes)} MB (${ROWS} rows): live heap +${megabytes(peakLiveHeap - before.heapUsed)} MB ` +
        `at most while reading and writing; RSS ${megabytes(before.rss)} MB before, ${megabytes(peakRss)} MB sampled, ` +
        `${megabytes(maxRss)} MB peak (the matcher included)`,
    );
    expect(peakLiveHeap - before.heapUsed).toBeLessThan(fileBytes / 4);
    expect(maxRss - before.rss).toBeLessThan(2 * fileBytes);

    let row = 0;
    for await (const batch of readCsvFile(output, { encoding: "utf8", fileName: "large-deduped.csv" })) {
      for (const { cells } of batch.rows) {
        if (cells[0] === "id") {
          expect(cells.slice(-2)).toEqual(["cluster_id", "match_score"]);
          continue;
        }
        expect(cells[0]).toBe(String(row));
        const person = personOf(row);
        const firstRow = person === null ? row : person * PERSON_EVERY;
        expect(cells[6]).toBe(String(firstRow + 1));
        if (person === null) expect(cells[7]).toBe("0.0000");
        row += 1;
      }
    }
    expect(row).toBe(ROWS);
  }, 120_000);
});
