import { describe, expect, it } from "vitest";
import { indexCrmRecordsByKey, planProspectMarks } from "./prospect-match";

describe("indexCrmRecordsByKey", () => {
  it("PULL-3: the first record with a key wins, so callers decide the preference (contact before lead)", () => {
    const index = indexCrmRecordsByKey([
      { id: "contact-1", key: "jane@acme.com" },
      { id: "lead-1", key: "jane@acme.com" },
      { id: "lead-2", key: null },
    ]);
    expect([...index]).toEqual([["jane@acme.com", "contact-1"]]);
  });
});

describe("planProspectMarks", () => {
  const crm = indexCrmRecordsByKey([
    { id: "person-1", key: "jane@acme.com" },
    { id: "person-2", key: "max@globex.com" },
  ]);

  it.each([
    [
      "PULL-3: a prospect whose key a CRM record has is marked with that record",
      [{ id: "p1", key: "jane@acme.com" }],
      [{ prospectId: "p1", crmRecordId: "person-1", key: "jane@acme.com" }],
    ],
    ["PULL-3: a prospect without a key is never marked", [{ id: "p2", key: null }], []],
    ["PULL-3: a prospect whose key no CRM record has stays a prospect", [{ id: "p3", key: "new@initech.com" }], []],
  ])("%s", (_name, prospects, expected) => expect(planProspectMarks(prospects, crm)).toEqual(expected));
});
