import { describe, expect, it } from "vitest";
import { fieldOptions, objectOptions, ownerOptions } from "./enrichment-facets";

const facets = {
  objects: [
    { object: "Contact" as const, records: 12 },
    { object: "Account" as const, records: 1 },
  ],
  fields: [
    { object: "Contact" as const, field: "Title", label: "Title", records: 9 },
    { object: "Contact" as const, field: "Phone", label: "Business Phone", records: 4 },
    { object: "Account" as const, field: "Phone", label: "Account Phone", records: 1 },
  ],
  owners: [{ sfId: "005A", name: "Grace Hopper", records: 7 }],
};

describe("the Enrichment page's filter options", () => {
  it("counts records per object and per owner", () => {
    expect(objectOptions(facets)).toEqual([
      { value: "Contact", label: "Contacts (12)" },
      { value: "Account", label: "Accounts (1)" },
    ]);
    expect(ownerOptions(facets)).toEqual([{ value: "005A", label: "Grace Hopper (7)" }]);
  });

  it("offers a field name once, naming the objects that share it, with their records added up", () => {
    expect(fieldOptions(facets)).toEqual([
      { value: "Title", label: "Title · Contact (9)" },
      { value: "Phone", label: "Business Phone · Contact, Account (5)" },
    ]);
  });
});
