import { describe, expect, it } from "vitest";
import type { TImportSummary } from "@/server/prospects/import/schemas";
import { sampleLoadSummary } from "./sample-load-summary";

const summary = (kind: TImportSummary["kind"], values: Partial<TImportSummary>): TImportSummary => ({
  id: kind,
  fileName: `Sample prospects (${kind}).csv`,
  kind,
  totalRows: 0,
  importedRows: 0,
  badRows: 0,
  inCrmRows: 0,
  createdAt: 0,
  createdBy: "Ada",
  ...values,
});

describe("what loading the sample prospects reports", () => {
  it("counts the people and companies loaded and those already in the CRM", () => {
    expect(
      sampleLoadSummary({
        people: summary("person", { importedRows: 1000, inCrmRows: 150 }),
        companies: summary("company", { importedRows: 200, inCrmRows: 1 }),
      }),
    ).toEqual({
      title: "Loaded 1,000 people and 200 companies.",
      description:
        "150 people and 1 company are already in the CRM, so they are marked “In CRM” and hidden from the list.",
    });
  });

  it("says when none is in the CRM yet, and when a second load added nothing", () => {
    const fresh = sampleLoadSummary({
      people: summary("person", { importedRows: 1 }),
      companies: summary("company", { importedRows: 200 }),
    });
    expect(fresh.title).toBe("Loaded 1 person and 200 companies.");
    expect(fresh.description).toContain("None of them is in the CRM yet");
    const again = sampleLoadSummary({
      people: summary("person", { badRows: 1000 }),
      companies: summary("company", { badRows: 200 }),
    });
    expect(again.title).toBe("The sample prospects are already loaded.");
  });
});
