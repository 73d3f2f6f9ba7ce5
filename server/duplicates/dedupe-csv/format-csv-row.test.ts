import { describe, expect, it } from "vitest";
import type { TCsvFormat } from "./csv-format";
import { formatCsvRow } from "./format-csv-row";

const COMMA: Pick<TCsvFormat, "delimiter" | "newline"> = { delimiter: ",", newline: "\n" };

describe("formatCsvRow", () => {
  it.each([
    ["plain cells as they are", ["Jane", " Doe ", ""], COMMA, "Jane, Doe ,\n"],
    ["the separator quoted", ["Doe, Jane", "x"], COMMA, '"Doe, Jane",x\n'],
    ["quotes doubled", ['say "hi"'], COMMA, '"say ""hi"""\n'],
    ["line breaks quoted", ["a\nb", "c\r\nd"], COMMA, '"a\nb","c\r\nd"\n'],
    ["a formula kept as it was", ["=1+1", "@x"], COMMA, "=1+1,@x\n"],
    [
      "a comma needs no quotes with semicolons",
      ["Doe, Jane", "x;y"],
      { delimiter: ";", newline: "\r\n" },
      'Doe, Jane;"x;y"\r\n',
    ],
    ["tabs", ["a b", "c\td"], { delimiter: "\t", newline: "\n" }, 'a b\t"c\td"\n'],
  ] as const)("%s", (_case, cells, format, line) => {
    expect(formatCsvRow(cells, format)).toBe(line);
  });
});
