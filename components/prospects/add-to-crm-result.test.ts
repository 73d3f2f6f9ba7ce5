import { describe, expect, it } from "vitest";
import type { TAddToCrmResult } from "@/server/records/write/form-schemas";
import { addToCrmNotes, addToCrmSummary, skippedReasons } from "./add-to-crm-result";

const result = (values: Partial<TAddToCrmResult>): TAddToCrmResult => ({
  created: 0,
  skipped: 0,
  alreadyInCrm: 0,
  accountsCreated: 0,
  withoutAccount: 0,
  problems: [],
  ...values,
});

describe("what Add to CRM reports", () => {
  it("counts what was added, what was in the CRM already and what was skipped", () => {
    expect(addToCrmSummary(result({ created: 1200, alreadyInCrm: 1, skipped: 2 }))).toBe(
      "1,200 added, 1 already in CRM, 2 skipped",
    );
    expect(addToCrmSummary(result({ created: 3 }))).toBe("3 added");
  });

  it("groups the reasons, most frequent first", () => {
    const problems = [
      { id: "a", reason: "No name." },
      { id: "b", reason: "A lead needs a company." },
      { id: "c", reason: "A lead needs a company." },
    ];
    expect(skippedReasons(result({ skipped: 3, problems }))).toEqual([
      { reason: "A lead needs a company.", count: 2 },
      { reason: "No name.", count: 1 },
    ]);
  });

  it("says which accounts were made and which contacts were left without one", () => {
    expect(addToCrmNotes(result({ accountsCreated: 1, withoutAccount: 2 }))).toEqual([
      "1 account was created for people's companies.",
      "2 contacts have no account: several accounts match the company, so none was chosen.",
    ]);
  });
});
