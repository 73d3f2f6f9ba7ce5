import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { dedupeCsvFile } from "./dedupe-csv-file";

const workDir = mkdtempSync(join(tmpdir(), "tandem-dedupe-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function dedupe(name: string, bytes: Uint8Array) {
  const path = join(workDir, name);
  writeFileSync(path, bytes);
  const chunks: Buffer[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const summary = await dedupeCsvFile(path, { entity: "people", fileName: name }, output);
  return { summary, output: Buffer.concat(chunks) };
}

const ROWS = "first_name\tlast_name\temail\nJane\tDoe\tjane@acme.com\nJane\tDoe\tjane@acme.com\n";
const WRITTEN = [
  "first_name\tlast_name\temail\tcluster_id\tmatch_score",
  "Jane\tDoe\tjane@acme.com\t1\t",
  "Jane\tDoe\tjane@acme.com\t1\t",
];

describe("dedupe FILE.csv: the files spreadsheets write", () => {
  it("reads UTF-16LE with its byte-order mark (Excel's Unicode Text) and writes it back the same way", async () => {
    const { summary, output } = await dedupe(
      "unicode.txt",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ROWS, "utf16le")]),
    );
    expect(summary).toMatchObject({ rows: 2, clusters: 1, encoding: "utf16le" });
    expect([...output.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const lines = output.subarray(2).toString("utf16le").split("\n");
    expect(lines.slice(0, 3).map((line) => line.replace(/[0-9.]+$/, ""))).toEqual(WRITTEN);
  });

  it("reads UTF-16BE with its byte-order mark and writes it back the same way", async () => {
    const big = Buffer.from(ROWS, "utf16le").swap16();
    const { summary, output } = await dedupe("unicode-be.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), big]));
    expect(summary).toMatchObject({ rows: 2, clusters: 1, encoding: "utf16be" });
    expect([...output.subarray(0, 2)]).toEqual([0xfe, 0xff]);
    expect(Buffer.from(output.subarray(2)).swap16().toString("utf16le").split("\n")[0]).toBe(WRITTEN[0]);
  });

  it("reads pipe-separated files, and files that start with a blank line", async () => {
    const { summary, output } = await dedupe("pipes.csv", Buffer.from(`\n${ROWS.replaceAll("\t", "|")}`));
    expect(summary).toMatchObject({ rows: 2, clusters: 1, columns: { firstName: ["first_name"] } });
    expect(output.toString("utf8").split("\n")[0]).toBe(WRITTEN[0]!.replaceAll("\t", "|"));
  });
});
