import { describe, expect, it } from "vitest";
import { checksumSuffix, IdGenerator, makeId, normalizeId, to18 } from "./ids";

describe("Salesforce Ids", () => {
  it("computes the case-safe suffix of documented Ids", () => {
    // Both Ids appear verbatim in salesforce-api.md (REST query sample and outbound-message sample).
    expect(to18("003RO0000035WQg")).toBe("003RO0000035WQgYAM");
    expect(to18("0031I0000081tbP")).toBe("0031I0000081tbPQAQ");
    expect(checksumSuffix("04l1I000000fztE")).toBe("QAQ");
  });

  it("normalises 15- and 18-character Ids and refuses the rest", () => {
    expect(normalizeId("003RO0000035WQg")).toBe("003RO0000035WQgYAM");
    expect(normalizeId("003RO0000035WQgyam")).toBe("003RO0000035WQgYAM");
    expect(normalizeId("003RO0000035WQgAAA")).toBeNull();
    expect(normalizeId("003-bad")).toBeNull();
  });

  it("generates Ids in creation order with the key prefix", () => {
    const gen = new IdGenerator();
    const ids = Array.from({ length: 200 }, () => gen.next("003"));
    expect(ids.every((id) => /^0035g[0-9A-Za-z]{13}$/.test(id) && normalizeId(id) === id)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(makeId("001", 62)).toBe(to18("0015g0000000010"));
  });
});
