import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { badRowsCsv } from "@/components/prospects/import/bad-rows-csv";
import { escapeCsvCell, escapeCsvRows } from "./csv-cell";
import { toCsv } from "./export-records";

describe("CSV cells a spreadsheet would run", () => {
  it.each([
    { cell: '=HYPERLINK("http://evil.example","x")', escaped: '\'=HYPERLINK("http://evil.example","x")' },
    { cell: "+1+cmd|' /C calc'!A0", escaped: "'+1+cmd|' /C calc'!A0" },
    { cell: "-2+3", escaped: "'-2+3" },
    { cell: "@SUM(A1:A2)", escaped: "'@SUM(A1:A2)" },
    { cell: "\t=1+1", escaped: "'\t=1+1" },
    { cell: "\r=1+1", escaped: "'\r=1+1" },
    { cell: "Ada Lovelace", escaped: "Ada Lovelace" },
    { cell: "a=b", escaped: "a=b" },
    { cell: " =1", escaped: " =1" },
    { cell: "", escaped: "" },
    { cell: -5, escaped: -5 },
    { cell: null, escaped: null },
    { cell: true, escaped: true },
  ])("$cell → $escaped", ({ cell, escaped }) => {
    expect(escapeCsvCell(cell)).toEqual(escaped);
  });

  it("escapes header names and values of whole rows", () => {
    const csv = Papa.unparse(escapeCsvRows([{ "=Name": "=cmd", amount: -5 }]), { newline: "\n" });
    expect(csv).toBe("'=Name,amount\n'=cmd,-5");
  });

  it("every CSV Tandem writes escapes them: the CLI export and the bad-row report", () => {
    expect(toCsv([{ name: "=1+1", email: "ada@example.com" }])).toBe("name,email\n'=1+1,ada@example.com");
    const report = badRowsCsv([
      { line: 2, code: "no-name", reason: "No name.", values: { Name: "@SUM(A1)", "=Evil": "x" } },
    ]);
    expect(report.split("\r\n")).toEqual(["Line,Reason,Name,'=Evil", "2,No name.,'@SUM(A1),x"]);
  });
});
