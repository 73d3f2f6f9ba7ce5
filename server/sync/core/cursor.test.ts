import { describe, expect, it } from "vitest";
import { advanceCursor, buildPullQuery, parseCursor, toIsoDatetime } from "./cursor";

describe("PULL-5 cursors", () => {
  it("PULL-5: the first pull reads everything in (SystemModstamp, Id) order", () => {
    expect(buildPullQuery("Account", null)).toMatch(/^SELECT Id, IsDeleted, .* FROM Account ORDER BY SystemModstamp ASC, Id ASC$/);
  });

  it("PULL-5: later pulls start an overlap window before the cursor", () => {
    const query = buildPullQuery("Contact", { systemModstamp: "2026-01-01T10:05:00.000+00:00", lastId: "003000000000001AAA" }, 5 * 60_000);
    expect(query).toContain("WHERE SystemModstamp >= 2026-01-01T10:00:00Z ORDER BY SystemModstamp ASC, Id ASC");
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
