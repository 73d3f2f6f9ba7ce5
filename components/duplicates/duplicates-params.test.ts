import { describe, expect, it } from "vitest";
import { duplicatesListInput, isDuplicatesFiltered, openPairParam } from "./duplicates-params";

describe("the review queue's URL", () => {
  it("reads a shared link's records, minimum score, later pairs, page, size and open pair", () => {
    const params = new URLSearchParams("entity=companies&min=95&later=1&page=2&size=50&pair=dp_123");
    const input = duplicatesListInput(params);
    expect(input).toEqual({ entity: "companies", minScore: 0.95, includeLater: true, page: 2, pageSize: 50 });
    expect(isDuplicatesFiltered(input)).toBe(true);
    expect(openPairParam(params)).toBe("dp_123");
  });

  it("falls back to the defaults for anything unknown or malformed instead of failing the page", () => {
    const params = { entity: "opportunities", min: "42", later: "yes", page: "-1", size: "30", pair: " " };
    const input = duplicatesListInput(params);
    expect(input).toEqual({ entity: undefined, minScore: undefined, includeLater: false, page: 1, pageSize: 25 });
    expect(isDuplicatesFiltered(input)).toBe(false);
    expect(openPairParam(params)).toBeUndefined();
    expect(openPairParam({ pair: "x".repeat(65) })).toBeUndefined();
  });

  it("takes the first of a repeated key, and does not count showing later pairs as a filter", () => {
    const input = duplicatesListInput({ min: ["99", "90"], later: "1" });
    expect(input).toMatchObject({ minScore: 0.99, includeLater: true });
    expect(isDuplicatesFiltered(input)).toBe(true);
    expect(isDuplicatesFiltered({ ...input, minScore: undefined })).toBe(false);
  });
});
