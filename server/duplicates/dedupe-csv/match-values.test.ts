import { describe, expect, it } from "vitest";
import { matchValuesOf } from "./match-values";
import type { TColumnPlan } from "./plan-columns";

const plan: TColumnPlan = { fields: [null, "firstName", "address", "address", "email"], unused: [] };

describe("matchValuesOf", () => {
  it.each([
    [
      "reads each field's cell, trimmed",
      ["7", " Jane ", "", "", "jane@acme.com"],
      { firstName: "Jane", email: "jane@acme.com" },
    ],
    [
      "joins the columns of one field in column order",
      ["7", "Jane", "12", "High St", ""],
      { firstName: "Jane", address: "12 High St" },
    ],
    ["skips empty cells in a join", ["7", "", "  ", "High St", ""], { address: "High St" }],
    ["reads a short row as far as it goes", ["7", "Jane"], { firstName: "Jane" }],
    ["ignores cells past the header", ["7", "Jane", "", "", "", "extra"], { firstName: "Jane" }],
    ["has nothing for a row of empty cells", ["", "", "", "", ""], {}],
  ])("%s", (_case, cells, values) => {
    expect(matchValuesOf(plan, cells)).toEqual(values);
  });
});
