import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { parseCsv } from "./parse-csv";
import { MAX_IMPORT_BYTES } from "./schemas";

function parseError(text: string): string {
  try {
    parseCsv("people.csv", text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error("expected parseCsv to reject the file");
}

describe("parseCsv", () => {
  it("reads headers and rows with the line each row starts on", () => {
    const parsed = parseCsv("people.csv", "Name,Email\nJane,jane@acme.com\n\nMax,max@globex.com\n");
    expect(parsed.headers).toEqual(["Name", "Email"]);
    expect(parsed.rows).toEqual([
      { line: 2, cells: ["Jane", "jane@acme.com"] },
      { line: 4, cells: ["Max", "max@globex.com"] },
    ]);
  });

  it("keeps commas and line breaks inside quoted fields and counts lines from where a row starts", () => {
    const parsed = parseCsv("people.csv", 'Name,Note\n"Doe, Jane","first line\nsecond line"\nMax,ok\n');
    expect(parsed.rows).toEqual([
      { line: 2, cells: ["Doe, Jane", "first line\nsecond line"] },
      { line: 4, cells: ["Max", "ok"] },
    ]);
  });

  it("drops a byte-order mark and detects semicolons and Windows line breaks", () => {
    const parsed = parseCsv("people.csv", "\uFEFFName;Email\r\nJane;jane@acme.com\r\nMax;max@globex.com\r\n");
    expect(parsed.headers).toEqual(["Name", "Email"]);
    expect(parsed.rows.map((row) => [row.line, ...row.cells])).toEqual([
      [2, "Jane", "jane@acme.com"],
      [3, "Max", "max@globex.com"],
    ]);
  });

  it("reads the separator from the header, though the rows hold unquoted commas", () => {
    const parsed = parseCsv(
      "people.csv",
      "Email;First Name;Last Name;Notes\n;Ann;Lee;,;surplus;,\nbob@acme.com;Bob;Ray;,\n",
    );
    expect(parsed.headers).toEqual(["Email", "First Name", "Last Name", "Notes"]);
    expect(parsed.rows.map((row) => row.cells)).toEqual([
      ["", "Ann", "Lee", ",", "surplus", ","],
      ["bob@acme.com", "Bob", "Ray", ","],
    ]);
  });

  it("reads pipe-separated files, and files that start with blank lines", () => {
    const parsed = parseCsv("people.csv", "\n\nName|Email\nJane|jane@acme.com\n");
    expect(parsed.headers).toEqual(["Name", "Email"]);
    expect(parsed.rows).toEqual([{ line: 4, cells: ["Jane", "jane@acme.com"] }]);
  });

  it("counts a line feed inside a quoted cell as a line in a file whose rows end in CR", () => {
    const parsed = parseCsv("people.csv", 'Name,Email\r"Jane\nDoe",jane@acme.com\rMax,max@globex.com\r');
    expect(parsed.rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it("names blank and repeated headers so every column can be kept", () => {
    expect(parseCsv("people.csv", "Email,,Email\na@b.co,x,c@d.co\n").headers).toEqual([
      "Email",
      "Column 2",
      "Email (2)",
    ]);
  });

  it.each([
    ["an empty file", "", /is empty/],
    ["a file of blank lines", "\n \n\n", /is empty/],
    ["a header without rows", "Name,Email\n", /header row but no data rows/],
    ["binary data", "PK\u0003\u0004\u0000\u0000workbook", /is not a CSV file/],
    [
      "an unclosed quote",
      'Name,Email\nJane,jane@acme.com\n"Max,max@globex.com\nAnn,ann@acme.com\n',
      /quote on line 3 that is never closed/,
    ],
  ])("rejects %s with a message that says what to do", (_name, text, message) => {
    expect(parseError(text)).toMatch(message);
  });

  it("rejects files over 10 MB and says how big the file is", () => {
    const text = `Name\n${"x".repeat(MAX_IMPORT_BYTES)}\n`;
    expect(parseError(text)).toMatch(/is 10\.0 MB; Tandem imports CSV files up to 10 MB/);
  });
});
