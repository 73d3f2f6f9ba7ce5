import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@/db/testing/test-database";
import { AppError } from "@/server/errors";
import { runDedupeCommand } from "./commands/dedupe-command";

/*
 * `dedupe` runs in this process through the command's own entry point, with stdout and stderr
 * captured; two runs through main.ts check its wiring and exit codes. It needs no database, so
 * these run once, on the file project.
 */

const root = process.cwd();
let workDir: string;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), "tandem-dedupe-"));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function collector() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

/** Runs `dedupe …` in this process: what it wrote to stdout (as bytes and as text) and stderr. */
async function dedupe(args: string[]) {
  const stdout = collector();
  const stderr = collector();
  await runDedupeCommand(args, { stdout: stdout.stream, stderr: stderr.stream });
  return { bytes: stdout.bytes(), stdout: stdout.bytes().toString("utf8"), stderr: stderr.bytes().toString("utf8") };
}

async function dedupeError(args: string[]): Promise<string> {
  const error: unknown = await dedupe(args).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).message;
}

function writeCsv(name: string, content: string | Buffer): string {
  const file = join(workDir, name);
  writeFileSync(file, content);
  return file;
}

function parse(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
}

/** Each data row's cluster_id and match_score (the last two cells). */
function clusters(text: string): Array<[string, string]> {
  return parse(text)
    .slice(1)
    .map((row) => [row.at(-2) ?? "", row.at(-1) ?? ""]);
}

// The matcher's own known duplicates (server/sync/core/match/find-duplicates.test.ts), as a CSV.
const PEOPLE = [
  "Id,First Name,Last Name,Email,Phone,Notes",
  "1,Jon,Smyth,jon.smith@acme.com,312 542 1640,met at the fair",
  "2,Bill,Gates,bill@gates.org,,",
  "3,Ada,Lovelace,ada@engine.io,,",
  "4,John,Smith,jon.smith@acme.com,(312) 542-1640,",
  "5,William,Gates,bill@gates.org,,",
  "6,Grace,Hopper,grace@navy.mil,,",
  "7,Grace,Jones,grace@island.com,,",
].join("\n");

const describeOnFile = testDatabaseKind() === "sqld" ? describe.skip : describe;

describeOnFile("dedupe FILE.csv", () => {
  it("writes every row in order with the cluster of its first row and its best score", async () => {
    const file = writeCsv("people.csv", PEOPLE);
    const { stdout, stderr } = await dedupe([file, "--kind", "people"]);
    const rows = parse(stdout);
    expect(rows[0]).toEqual(["Id", "First Name", "Last Name", "Email", "Phone", "Notes", "cluster_id", "match_score"]);
    expect(rows.map((row) => row.slice(0, 6))).toEqual(parse(PEOPLE));
    const found = clusters(stdout);
    expect(found.map(([cluster]) => cluster)).toEqual(["1", "2", "3", "1", "2", "6", "7"]);
    for (const row of [0, 1, 3, 4]) expect(Number(found[row]?.[1])).toBeGreaterThanOrEqual(0.9);
    for (const [, score] of found) expect(score).toMatch(/^[01]\.\d{4}$/);
    expect(found.slice(5)).toEqual([
      ["6", "0.0000"],
      ["7", "0.0000"],
    ]);
    expect(stderr).toContain(
      "Matched people on firstName (First Name), lastName (Last Name), email (Email), phone (Phone).",
    );
    expect(stderr).toContain("Ignored columns: Id, Notes.");
    expect(stderr).toContain("7 rows: 2 clusters of more than one row, holding 4 rows (threshold 0.9).");
  });

  it("with --out writes the CSV there and prints only the summary as JSON on stdout", async () => {
    const file = writeCsv("people-out.csv", PEOPLE);
    const out = join(workDir, "people-deduped.csv");
    const { stdout, stderr } = await dedupe([file, "--kind", "people", "--out", out, "--threshold", "0.5"]);
    expect(JSON.parse(stdout)).toEqual({
      rows: 7,
      clusters: 2,
      rowsInClusters: 4,
      threshold: 0.5,
      columns: { firstName: ["First Name"], lastName: ["Last Name"], email: ["Email"], phone: ["Phone"] },
      ignoredColumns: ["Id", "Notes"],
      badRows: 0,
      badRowLines: [],
      encoding: "utf8",
      replacedColumns: [],
    });
    expect(clusters(readFileSync(out, "utf8")).map(([cluster]) => cluster)).toEqual([
      "1",
      "2",
      "3",
      "1",
      "2",
      "6",
      "7",
    ]);
    expect(stderr).toContain(`Wrote ${out}.`);
  });

  it("reads the columns --map names, joins several columns into one field, and guesses the rest", async () => {
    const file = writeCsv(
      "french.csv",
      [
        "Prénom,Nom,Courriel,Tél,street_number,address_1",
        "Jon,Smyth,jon.smith@acme.com,312 542 1640,12,High Street",
        "Ada,Lovelace,ada@engine.io,,,",
        "John,Smith,jon.smith@acme.com,(312) 542-1640,12,High Street",
      ].join("\n"),
    );
    const out = join(workDir, "french-deduped.csv");
    const map = "Prénom=firstName,nom=lastName,Courriel=email,Tél=phone";
    const { stdout } = await dedupe([file, "--kind", "people", "--out", out, "--map", map]);
    const summary = JSON.parse(stdout) as { columns: Record<string, string[]> };
    expect(summary.columns).toEqual({
      firstName: ["Prénom"],
      lastName: ["Nom"],
      email: ["Courriel"],
      phone: ["Tél"],
      address: ["street_number", "address_1"],
    });
    expect(clusters(readFileSync(out, "utf8")).map(([cluster]) => cluster)).toEqual(["1", "2", "1"]);
  });

  it("keeps a byte-order mark, semicolons, Windows line breaks and quoted line breaks", async () => {
    const input =
      '\uFEFFName;Email;Note\r\nJane Doe;jane@acme.com;"two\r\nlines; here"\r\nMax Power;max@globex.com;\r\n';
    const { stdout } = await dedupe([writeCsv("excel.csv", input), "--kind", "people"]);
    expect(stdout).toBe(
      '\uFEFFName;Email;Note;cluster_id;match_score\r\nJane Doe;jane@acme.com;"two\r\nlines; here";1;0.0000\r\n' +
        "Max Power;max@globex.com;;2;0.0000\r\n",
    );
  });

  it("reads tab-separated files", async () => {
    const { stdout } = await dedupe([writeCsv("tabs.tsv", "name\twebsite\nAcme\tacme.com\n"), "--kind", "companies"]);
    expect(stdout).toBe("name\twebsite\tcluster_id\tmatch_score\nAcme\tacme.com\t1\t0.0000\n");
  });

  it("pads short rows, cuts long ones to the header and reports them, and keeps every row", async () => {
    const input = [
      "name,email,city",
      "Jane Doe,jane@acme.com",
      "Max Power,max@globex.com,Paris,oops,more",
      "Ann Lee,ann@x.org,Rome,",
      "",
    ];
    const { stdout, stderr } = await dedupe([writeCsv("ragged.csv", input.join("\n")), "--kind", "people"]);
    expect(parse(stdout)).toEqual([
      ["name", "email", "city", "cluster_id", "match_score"],
      ["Jane Doe", "jane@acme.com", "", "1", "0.0000"],
      ["Max Power", "max@globex.com", "Paris", "2", "0.0000"],
      ["Ann Lee", "ann@x.org", "Rome", "3", "0.0000"],
    ]);
    expect(stderr).toContain("1 bad row with more cells than the header (line 3)");
  });

  it("writes the header alone for a file without rows, and refuses an empty file", async () => {
    const { stdout, stderr } = await dedupe([writeCsv("header.csv", "name,email\n"), "--kind", "people"]);
    expect(stdout).toBe("name,email,cluster_id,match_score\n");
    expect(stderr).toContain("0 rows: 0 clusters");
    expect(await dedupeError([writeCsv("empty.csv", ""), "--kind", "people"])).toBe(
      "empty.csv is empty. dedupe needs a CSV file with a header row naming its columns.",
    );
    expect(await dedupeError([writeCsv("bom-only.csv", "\uFEFF"), "--kind", "people"])).toContain("is empty");
  });

  it("reads a file that is not UTF-8 as Latin-1 and writes its bytes back unchanged", async () => {
    const input = Buffer.from("name,email\nJos\xe9 Garc\xeda,jose@example.com\nZo\xeb,zoe@example.com\n", "latin1");
    const { bytes, stderr } = await dedupe([writeCsv("latin1.csv", input), "--kind", "people"]);
    expect(bytes.toString("latin1")).toBe(
      "name,email,cluster_id,match_score\nJos\xe9 Garc\xeda,jose@example.com,1,0.0000\nZo\xeb,zoe@example.com,2,0.0000\n",
    );
    expect(stderr).toContain("latin1.csv is not valid UTF-8: it was read, and is written, as Latin-1.");
  });

  it("gives new values to the columns of an earlier run, so its output can be deduped again", async () => {
    const first = await dedupe([writeCsv("again.csv", PEOPLE), "--kind", "people"]);
    const second = await dedupe([writeCsv("again-deduped.csv", first.stdout), "--kind", "people"]);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toContain("cluster_id and match_score already in the file: their values are replaced.");
  });

  it("matches companies, at the --threshold given", async () => {
    const input = [
      "Company Name,Website,Phone,Address",
      "Acme Robotics Inc,https://www.acme-robotics.com,+1 312 555 0100,12 Main Street",
      "Globex,globex.com,,",
      "ACME Robotics,acme-robotics.com,(312) 555-0100,12 Main St",
    ].join("\n");
    const { stdout } = await dedupe([writeCsv("companies.csv", input), "--kind", "companies", "--threshold", "0.5"]);
    expect(clusters(stdout).map(([cluster]) => cluster)).toEqual(["1", "2", "1"]);
  });

  it.each([
    [["people.csv"], "Say what the rows are: --kind people or --kind companies"],
    [["people.csv", "--kind", "leads"], '--kind is people or companies, not "leads".'],
    [["--kind", "people"], "Name one CSV file: dedupe FILE.csv --kind people|companies"],
    [
      ["people.csv", "--kind", "people", "--threshold", "abc"],
      '--threshold is the probability a pair needs to count as duplicates: a number between 0 and 1 (not 0 or 1), such as 0.9, the default. "abc" is not.',
    ],
    [["people.csv", "--kind", "people", "--threshold", "0"], '"0" is not.'],
    [["people.csv", "--kind", "people", "--threshold", "1.5"], '"1.5" is not.'],
    [["people.csv", "--kind", "people", "--threshold", ""], '"" is not.'],
    [
      ["people.csv", "--kind", "people", "--map", "Emial=email"],
      '--map: people.csv has no column "Emial". Its columns: Id, First Name, Last Name, Email, Phone, Notes.',
    ],
    [
      ["people.csv", "--kind", "people", "--map", "Email=mail"],
      '--map: "mail" is not a field dedupe matches people on.',
    ],
    [["missing.csv", "--kind", "people"], "missing.csv does not exist."],
  ])("refuses %j: %s", async (args, message) => {
    writeCsv("people.csv", PEOPLE);
    const resolved = args.map((arg) => (arg.endsWith(".csv") ? join(workDir, arg) : arg));
    expect(await dedupeError(resolved)).toContain(message.replace("missing.csv", join(workDir, "missing.csv")));
  });

  it("refuses a file with no column to match on, naming its columns and the fields", async () => {
    const message = await dedupeError([writeCsv("ids.csv", "Id,Notes\n1,x\n"), "--kind", "companies"]);
    expect(message).toBe(
      'ids.csv has no column dedupe can match companies on. Its columns: Id, Notes. Name the ones to use with --map "Header=field,…"; the fields: name, website, email, phone, address, city, postcode, country.',
    );
  });
});

/** Runs `npm run tandem -- …` in a new process. */
function runCli(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(root, "node_modules", "tsx", "dist", "cli.mjs"),
        "--tsconfig",
        join(root, "tsconfig.json"),
        join(root, "server", "cli", "main.ts"),
        ...args,
      ],
      {
        cwd: workDir,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describeOnFile("npm run tandem -- dedupe", { timeout: 60_000 }, () => {
  it("runs without a database; with --out, stdout holds only the JSON summary", async () => {
    const file = writeCsv("cli.csv", PEOPLE);
    const result = await runCli(["dedupe", file, "--kind", "people", "--out", join(workDir, "cli-out.csv")]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: 7, clusters: 2 });
    expect(result.stderr).toContain("Wrote ");
  });

  it("exits 1 with the reason on stderr and nothing on stdout", async () => {
    const result = await runCli(["dedupe", writeCsv("cli.csv", PEOPLE), "--kind", "people", "--threshold", "1.5"]);
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toContain("--threshold is the probability a pair needs to count as duplicates");
  });
});
