import { describe, expect, it } from "vitest";
import { advanceCursor, buildPullQuery, parseCursor, pullLowerBound, toIsoDatetime } from "./cursor";

describe("PULL-5 cursors", () => {
  it("PULL-5: the first pull reads everything in (SystemModstamp, Id) order", () => {
    expect(buildPullQuery("Account", null)).toMatch(
      /^SELECT Id, IsDeleted, .* FROM Account ORDER BY SystemModstamp ASC, Id ASC$/,
    );
  });

  const cursor = { systemModstamp: "2026-01-01T10:05:00.500+00:00", lastId: "003000000000001AAA" };
  const minutes = (value: number) => value * 60_000;
  const at = (iso: string) => Date.parse(iso);

  it("PULL-5: right after a change, a pull re-reads the overlap before the previous query", () => {
    // Previous query at 10:06:00.900: rows stamped from 10:01:00 on could still commit late.
    expect(pullLowerBound(cursor, at("2026-01-01T10:06:00.900Z"), minutes(5))).toBe(at("2026-01-01T10:01:00Z"));
    expect(buildPullQuery("Contact", cursor, at("2026-01-01T10:06:00Z"), minutes(5))).toContain(
      "WHERE SystemModstamp >= 2026-01-01T10:01:00Z ORDER BY SystemModstamp ASC, Id ASC",
    );
  });

  it("PULL-5: once the org has been quiet longer than the overlap, a pull asks only for what came after the cursor's second", () => {
    expect(pullLowerBound(cursor, at("2026-01-01T11:00:00Z"), minutes(5))).toBe(at("2026-01-01T10:05:01Z"));
    expect(buildPullQuery("Contact", cursor, at("2026-01-01T11:00:00Z"), minutes(5))).toContain(
      ">= 2026-01-01T10:05:01Z",
    );
  });

  it("PULL-5: a previous query in the cursor's own second re-reads that second", () => {
    expect(pullLowerBound(cursor, at("2026-01-01T10:10:00.800Z"), minutes(5))).toBe(at("2026-01-01T10:05:00Z"));
  });

  it("PULL-5: without a recorded query time, the overlap counts back from the cursor", () => {
    expect(pullLowerBound(cursor, null, minutes(5))).toBe(at("2026-01-01T10:00:00Z"));
  });

  it("PULL-5: the cursor moves to the last row and never backwards", () => {
    const page = [
      { Id: "001000000000002AAA", SystemModstamp: "2026-01-01T10:00:00.000+0000" },
      { Id: "001000000000003AAA", SystemModstamp: "2026-01-01T10:00:00.000+0000" },
    ];
    const advanced = advanceCursor(null, page);
    expect(advanced).toEqual({ systemModstamp: "2026-01-01T10:00:00.000+00:00", lastId: "001000000000003AAA" });
    const older = [{ Id: "001000000000001AAA", SystemModstamp: "2025-12-31T00:00:00.000+0000" }];
    expect(advanceCursor(advanced, older)).toEqual(advanced);
  });

  it("parses stored cursors strictly", () => {
    expect(parseCursor({ systemModstamp: null, lastId: null })).toBeNull();
    expect(() => parseCursor({ systemModstamp: "yesterday", lastId: "001" })).toThrow(/malformed/);
    expect(toIsoDatetime("2024-01-01T00:00:00.000+0000")).toBe("2024-01-01T00:00:00.000+00:00");
  });
});
