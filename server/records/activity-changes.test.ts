import { describe, expect, it } from "vitest";
import { fieldChangesOf } from "./activity-changes";

describe("fieldChangesOf (DUP-2: what a pull changed, old → new)", () => {
  it("reads the { Field: { from, to } } shape the pull writes", () => {
    expect(
      fieldChangesOf({ changes: { Title: { from: "CTO", to: "CEO" }, MobilePhone: { from: null, to: "+1 555" } } }),
    ).toEqual([
      { field: "Title", label: "Title", from: "CTO", to: "CEO" },
      { field: "MobilePhone", label: "Mobile phone", from: null, to: "+1 555" },
    ]);
  });

  it("reads a list of { field, from, to } as well", () => {
    expect(fieldChangesOf({ changes: [{ field: "Amount", from: 1000, to: 2500 }] })).toEqual([
      { field: "Amount", label: "Amount", from: "1000", to: "2500" },
    ]);
  });

  it("shows booleans and related records as words", () => {
    expect(
      fieldChangesOf({
        changes: {
          HasOptedOutOfEmail: { from: false, to: true },
          "Owner.Name": { from: "Priya", to: { Name: "Marcus" } },
        },
      }),
    ).toEqual([
      { field: "HasOptedOutOfEmail", label: "Has opted out of email", from: "No", to: "Yes" },
      { field: "Owner.Name", label: "Owner name", from: "Priya", to: "Marcus" },
    ]);
  });

  it("returns nothing for entries without changes or with another shape", () => {
    expect(fieldChangesOf(null)).toEqual([]);
    expect(fieldChangesOf({ sfId: "003" })).toEqual([]);
    expect(fieldChangesOf({ changes: "Title" })).toEqual([]);
  });
});
