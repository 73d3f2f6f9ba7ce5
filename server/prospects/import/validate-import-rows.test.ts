import { describe, expect, it } from "vitest";
import type { TCsvRow } from "./parse-csv";
import type { TColumnTarget } from "./prospect-fields";
import { validateImportRows } from "./validate-import-rows";

const rowsOf = (...cells: string[][]): TCsvRow[] => cells.map((row, index) => ({ line: index + 2, cells: row }));

describe("validateImportRows for people", () => {
  const headers = ["First", "Last", "Email", "Notes"];
  const mapping: TColumnTarget[] = ["firstName", "lastName", "email", "extra"];

  it.each([
    ["no name at all", ["", "", "jane@acme.com", ""], "no-name"],
    ["an email that is present but invalid", ["Jane", "Doe", "jane at acme", ""], "bad-email"],
    ["no name and a bad email: no name is reported", ["", "", "nope", ""], "no-name"],
  ])("rejects a row with %s", (_name, cells, code) => {
    const result = validateImportRows("person", headers, mapping, rowsOf(cells));
    expect(result.candidates).toEqual([]);
    expect(result.badRows).toEqual([expect.objectContaining({ line: 2, code })]);
  });

  it.each([
    ["a first name only", ["Jane", "", "", ""], "Jane"],
    ["a last name only", ["", "Doe", "", ""], "Doe"],
    ["no email (an email is optional)", ["Jane", "Doe", "", ""], "Jane Doe"],
  ])("imports a row with %s", (_name, cells, name) => {
    const result = validateImportRows("person", headers, mapping, rowsOf(cells));
    expect(result.badRows).toEqual([]);
    expect(result.candidates.map((candidate) => candidate.draft.name)).toEqual([name]);
  });

  it("rejects a later row with the same normalised email, naming the earlier line, and keeps the first", () => {
    const result = validateImportRows(
      "person",
      headers,
      mapping,
      rowsOf(["Jane", "Doe", "Jane@Acme.com", ""], ["J.", "Doe", " jane@acme.com ", ""]),
    );
    expect(result.candidates.map((candidate) => candidate.line)).toEqual([2]);
    expect(result.badRows).toEqual([
      {
        line: 3,
        code: "duplicate-in-file",
        reason: "Same email as line 2 (jane@acme.com).",
        values: { First: "J.", Last: "Doe", Email: " jane@acme.com ", Notes: "" },
      },
    ]);
  });

  it("never lets a bad row block a good one with the same key", () => {
    const result = validateImportRows(
      "person",
      headers,
      mapping,
      rowsOf(["", "", "jane@acme.com", ""], ["Jane", "Doe", "jane@acme.com", ""]),
    );
    expect(result.candidates.map((candidate) => candidate.line)).toEqual([3]);
    expect(result.badRows.map((row) => row.code)).toEqual(["no-name"]);
  });

  it("maps values, keeps extra columns by header and stores normalised keys", () => {
    const [candidate] = validateImportRows(
      "person",
      headers,
      mapping,
      rowsOf(["Jane", "Doe", "Jane@Acme.com", "met at expo"]),
    ).candidates;
    expect(candidate?.draft).toMatchObject({
      name: "Jane Doe",
      firstName: "Jane",
      email: "Jane@Acme.com",
      emailNormalized: "jane@acme.com",
      domainNormalized: "acme.com",
      extra: { Notes: "met at expo" },
      identityKey: "jane@acme.com",
    });
  });
});

describe("validateImportRows for companies", () => {
  const headers = ["Company", "Website", "Ignored"];
  const mapping: TColumnTarget[] = ["name", "website", "ignore"];

  it("rejects a company without a name and one whose domain repeats an earlier row", () => {
    const result = validateImportRows(
      "company",
      headers,
      mapping,
      rowsOf(
        ["Acme", "https://www.acme.com", "x"],
        ["", "initech.com", ""],
        ["Acme Inc", "acme.com/about", ""],
        ["Globex", "", ""],
      ),
    );
    expect(result.candidates.map((candidate) => [candidate.draft.name, candidate.draft.domainNormalized])).toEqual([
      ["Acme", "acme.com"],
      ["Globex", null],
    ]);
    expect(result.badRows.map((row) => [row.line, row.code, row.reason])).toEqual([
      [3, "no-name", "No company name."],
      [4, "duplicate-in-file", "Same web domain as line 2 (acme.com)."],
    ]);
  });
});
