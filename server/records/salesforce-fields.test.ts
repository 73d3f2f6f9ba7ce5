import { describe, expect, it } from "vitest";
import { flattenValue, guessFormat, labelFromApiName, salesforceFieldsOf } from "./salesforce-fields";

describe("labelFromApiName", () => {
  it.each([
    ["AnnualRevenue", "Annual revenue"],
    ["NumberOfEmployees", "Number of employees"],
    ["Lead_Score__c", "Lead score"],
    ["acme__Tier__c", "Tier"],
    ["LinkedIn_URL__c", "LinkedIn URL"],
    ["SLA_Expiration__c", "SLA expiration"],
    ["ReportsToId", "Reports to ID"],
    ["Parent__r.Name", "Parent name"],
    ["CEOName", "CEO name"],
  ])("%s reads as %s", (apiName, label) => {
    expect(labelFromApiName(apiName)).toBe(label);
  });
});

describe("guessFormat", () => {
  it.each([
    ["IsActive__c", true, "boolean"],
    ["AnnualRevenue", 1200000, "currency"],
    ["Probability", 40, "percent"],
    ["NumberOfEmployees", 120, "number"],
    ["LastActivityDate", "2026-03-31", "date"],
    ["Last_Touch__c", "2026-03-31T10:15:00.000+0000", "datetime"],
    ["Assistant_Email__c", "pa@acme.example", "email"],
    ["Website", "acme.example", "url"],
    ["Profile__c", "https://acme.example/team", "url"],
    ["MobilePhone", "+1 415 555 0100", "phone"],
    ["Description", "Met at the trade show", "text"],
  ] as const)("%s = %s is %s", (apiName, value, format) => {
    expect(guessFormat(apiName, value)).toBe(format);
  });
});

describe("flattenValue", () => {
  it("turns blanks into null, related records into their name and other objects into JSON", () => {
    expect(flattenValue("  ")).toBeNull();
    expect(flattenValue(undefined)).toBeNull();
    expect(flattenValue(Number.NaN)).toBeNull();
    expect(flattenValue({ attributes: { type: "User" }, Name: "Priya" })).toBe("Priya");
    expect(flattenValue({ attributes: { type: "Address" }, city: "Oslo" })).toBe('{"city":"Oslo"}');
    expect(flattenValue(["a", "b"])).toBe("a, b");
  });
});

describe("salesforceFieldsOf", () => {
  it("leaves out bookkeeping and what the typed columns show, and sorts by label", () => {
    const fields = salesforceFieldsOf(
      {
        Id: "003000000000001AAA",
        SystemModstamp: "2026-01-01T00:00:00.000+0000",
        Name: "Ada",
        Email: "ada@example.com",
        "Owner.Name": "Priya",
        "Account.Name": "Acme",
        Department: "Research",
        Birthdate: null,
        Assistant_Name__c: "Charles",
      },
      "person",
    );
    expect(fields.map((field) => [field.label, field.value])).toEqual([
      ["Assistant name", "Charles"],
      ["Birthdate", null],
      ["Department", "Research"],
    ]);
  });
});
