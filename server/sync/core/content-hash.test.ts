import { describe, expect, it } from "vitest";
import { contentHash, diffFields } from "./content-hash";

describe("content hash", () => {
  it("ignores key order and volatile stamps", () => {
    const a = { Id: "1", Name: "Acme", SystemModstamp: "2026-01-01T00:00:00.000+0000" };
    const b = { SystemModstamp: "2026-02-01T00:00:00.000+0000", Name: "Acme", Id: "1" };
    expect(contentHash(a)).toBe(contentHash(b));
  });

  it("changes when a value changes, including to null", () => {
    expect(contentHash({ Name: "Acme" })).not.toBe(contentHash({ Name: "Acme Inc" }));
    expect(contentHash({ Name: "Acme", Phone: "1" })).not.toBe(contentHash({ Name: "Acme", Phone: null }));
  });

  it("lists changed fields old → new", () => {
    expect(
      diffFields({ Name: "A", Phone: "1", SystemModstamp: "x" }, { Name: "B", Phone: "1", SystemModstamp: "y" }),
    ).toEqual({ Name: { from: "A", to: "B" } });
  });
});
