import { describe, expect, it } from "vitest";
import { enrichmentListInput, isEnrichmentFiltered } from "./enrichment-params";

describe("the Enrichment page's URL", () => {
  it("reads a shared link's object, field, owner, status, kept values, page and size", () => {
    const input = enrichmentListInput(
      new URLSearchParams("object=Lead&field=Phone&owner=005A00000001&status=empty&kept=1&page=3&size=100"),
    );
    expect(input).toEqual({
      object: "Lead",
      field: "Phone",
      ownerSfId: "005A00000001",
      status: "empty",
      includeKept: true,
      page: 3,
      pageSize: 100,
    });
    expect(isEnrichmentFiltered(input)).toBe(true);
  });

  it("falls back to the defaults for anything unknown or malformed instead of failing the page", () => {
    const input = enrichmentListInput({
      object: "Opportunity",
      field: "x".repeat(201),
      owner: "  ",
      status: "broken",
      kept: "yes",
      page: "-4",
      size: "30",
    });
    expect(input).toEqual({
      object: undefined,
      field: undefined,
      ownerSfId: undefined,
      status: "all",
      includeKept: false,
      page: 1,
      pageSize: 25,
    });
    expect(isEnrichmentFiltered(input)).toBe(false);
  });

  it("takes the first of a repeated key, and does not count showing kept values as a filter", () => {
    const input = enrichmentListInput({ status: ["differs", "empty"], kept: "1" });
    expect(input).toMatchObject({ status: "differs", includeKept: true });
    expect(isEnrichmentFiltered({ ...input, status: "all" })).toBe(false);
  });
});
