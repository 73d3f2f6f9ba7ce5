import { describe, expect, it } from "vitest";
import {
  compareKindOf,
  defaultMappingFor,
  isMappableField,
  mappingListProblems,
  mappingProblem,
  tandemFieldsFor,
  type TMappableField,
} from "./field-mapping";

const sf = (name: string, type: string, extra: Partial<TMappableField> = {}): TMappableField => ({
  name,
  label: name,
  type,
  length: 255,
  updateable: true,
  picklistValues: [],
  ...extra,
});
const byName = (...fields: TMappableField[]) => new Map(fields.map((f) => [f.name.toLowerCase(), f]));

describe("MAP-1: which Tandem fields map onto which Salesforce fields", () => {
  it("offers people's fields for contacts and leads, companies' for accounts, and imported columns", () => {
    const contact = tandemFieldsFor("Contact", ["Seniority", "Department", "Seniority"]).map((f) => f.name);
    expect(contact).toContain("title");
    expect(contact).not.toContain("name");
    expect(contact.slice(-2)).toEqual(["extra.Department", "extra.Seniority"]);
    const account = tandemFieldsFor("Account", []).map((f) => f.name);
    expect(account).toContain("name");
    expect(account).not.toContain("title");
  });

  it.each([
    ["title → Title (string)", "title", sf("Title", "string"), null],
    ["industry → a picklist", "industry", sf("Industry", "picklist"), null],
    ["phone → a phone field", "phone", sf("Phone", "phone"), null],
    ["linkedinUrl → a custom URL field", "linkedinUrl", sf("LinkedIn_URL__c", "url"), null],
    ["an imported column → text", "extra.Seniority", sf("Seniority__c", "string"), null],
    [
      "phone → a URL field",
      "phone",
      sf("Website", "url"),
      "Contact.Website is a url field; Phone (a phone number) fits phone, string fields.",
    ],
    ["title → a date", "title", sf("Birthdate", "date"), "Contact.Birthdate is a date field"],
    [
      "read-only field",
      "title",
      sf("Title", "string", { updateable: false }),
      "Contact.Title is read-only in Salesforce",
    ],
    ["unknown Salesforce field", "title", undefined, "Contact has no field Nope__c in Salesforce"],
    ["unknown Tandem field", "shoeSize", sf("Title", "string"), "shoeSize is not a Tandem field of people"],
    ["a company field on a person", "name", sf("Title", "string"), "name is not a Tandem field of people"],
    ["the record's identity", "title", sf("OwnerId", "string"), "identifies the record"],
  ])("%s", (_case, tandem, field, expected) => {
    const problem = mappingProblem("Contact", { tandem, salesforce: field?.name ?? "Nope__c" }, field);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });

  it("refuses a Salesforce field mapped twice in one object", () => {
    const problems = mappingListProblems(
      "Lead",
      [
        { tandem: "title", salesforce: "Title" },
        { tandem: "company", salesforce: "title" },
      ],
      byName(sf("Title", "string")),
    );
    expect(problems).toEqual([
      { index: 1, message: expect.stringContaining("Lead.title is already mapped (entry 1)") },
    ]);
  });

  it("lists only updateable fields of types Tandem can fill", () => {
    expect(isMappableField(sf("Title", "string"))).toBe(true);
    expect(isMappableField(sf("Title", "string", { updateable: false }))).toBe(false);
    expect(isMappableField(sf("AnnualRevenue", "currency"))).toBe(false);
    expect(isMappableField(sf("Name", "string"))).toBe(false);
  });

  it("compares by the Salesforce type when it says more than Tandem's", () => {
    expect(compareKindOf("text", "phone")).toBe("phone");
    expect(compareKindOf("url", "string")).toBe("url");
  });

  it("starts with sensible pairs, all off, only those the org has", () => {
    const org = byName(sf("Title", "string"), sf("Phone", "phone"), sf("MailingCity", "string"));
    expect(defaultMappingFor("Contact", org)).toEqual([
      { tandem: "title", salesforce: "Title", mode: "off" },
      { tandem: "phone", salesforce: "Phone", mode: "off" },
      { tandem: "city", salesforce: "MailingCity", mode: "off" },
    ]);
    expect(defaultMappingFor("Account", null).every((entry) => entry.mode === "off")).toBe(true);
  });
});
