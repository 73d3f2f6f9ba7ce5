import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import type { TCsvFormat } from "./csv-format";
import { createCsvRowSplitter, MAX_ROW_CHARS, type TCsvRow } from "./csv-row-splitter";

const COMMA: Pick<TCsvFormat, "delimiter" | "newline"> = { delimiter: ",", newline: "\n" };

function split(pieces: string[], format = COMMA): TCsvRow[] {
  const splitter = createCsvRowSplitter(format, "people.csv");
  return [...pieces.flatMap((piece) => splitter.push(piece)), ...splitter.end()];
}

function splitError(pieces: string[]): string {
  try {
    split(pieces);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error("expected the split to fail");
}

const TRICKY = 'name,note\n"Doe, Jane","first\nsecond"\n\nMax,"say ""hi"""\n"Zoë",\n';

describe("createCsvRowSplitter", () => {
  it("reads rows with the line each starts on, counting line breaks in quoted cells and skipping blank lines", () => {
    expect(split([TRICKY])).toEqual([
      { line: 1, cells: ["name", "note"] },
      { line: 2, cells: ["Doe, Jane", "first\nsecond"] },
      { line: 5, cells: ["Max", 'say "hi"'] },
      { line: 6, cells: ["Zoë", ""] },
    ]);
  });

  it("gives the same rows wherever the pieces are cut, inside quotes and between \\r and \\n", () => {
    const whole = split([TRICKY]);
    for (let at = 0; at <= TRICKY.length; at += 1) {
      expect(split([TRICKY.slice(0, at), TRICKY.slice(at)])).toEqual(whole);
    }
    expect(split([...TRICKY])).toEqual(whole);
    const windows = TRICKY.replaceAll("\n", "\r\n");
    const crlf = { delimiter: ",", newline: "\r\n" } as const;
    const wholeWindows = split([windows], crlf);
    expect(wholeWindows.map((row) => row.line)).toEqual([1, 2, 5, 6]);
    for (let at = 0; at <= windows.length; at += 1) {
      expect(split([windows.slice(0, at), windows.slice(at)], crlf)).toEqual(wholeWindows);
    }
  });

  it("reads a last row without a line break, and semicolons and tabs", () => {
    expect(split(["a;b\n1;2"], { delimiter: ";", newline: "\n" }).map((row) => row.cells)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(split(["a\tb\n1\t2\n"], { delimiter: "\t", newline: "\n" }).map((row) => row.cells)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("keeps a row of empty cells (it is a row) but not an empty line", () => {
    expect(split(["a,b\n,\n\n"]).map((row) => row.cells)).toEqual([
      ["a", "b"],
      ["", ""],
    ]);
  });

  it("refuses a quote that is never closed, naming the line it opens on", () => {
    expect(splitError(['name,note\nJane,ok\nMax,"open\nmore\n'])).toContain("quote on line 3 that is never closed");
  });

  it("stops holding a row that grows past the limit, instead of reading the rest of the file into it", () => {
    const splitter = createCsvRowSplitter(COMMA, "people.csv");
    splitter.push('name,note\nJane,"');
    const piece = "x".repeat(1024 * 1024);
    expect(() => {
      for (let i = 0; i <= MAX_ROW_CHARS / piece.length; i += 1) splitter.push(piece);
    }).toThrow("quote on line 2 that is never closed");
  });
});
