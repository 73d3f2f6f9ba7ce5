import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { guessMapping } from "@/server/prospects/import/guess-mapping";
import { prepareImport } from "@/server/prospects/import/prepare-import";
import { normalizeDomain, normalizeEmailAddress } from "@/server/sync/core/normalize";
import { INDUSTRIES } from "../org/objects";
import { readDemoOrg, type TDemoOrg } from "./read-demo-org";
import { generateSampleProspects, type TSampleProspects } from "./sample-prospects";

let demo: TDemoOrg;
let sample: TSampleProspects;

beforeAll(async () => {
  demo = await readDemoOrg();
  sample = generateSampleProspects(demo);
});

/** The rows as Tandem's CSV import reads them, by the fields its guessed mapping gives. */
function imported(kind: "person" | "company", csv: string) {
  const prepared = prepareImport({ fileName: `${kind}.csv`, kind, csv });
  return { prepared, drafts: prepared.candidates.map((candidate) => candidate.draft) };
}

describe("the sample prospect database", () => {
  it("is the same on every run, and samples/ holds exactly what it generates", () => {
    expect(generateSampleProspects(demo)).toEqual(sample);
    const committed = (file: string) => readFileSync(join(process.cwd(), "samples", file), "utf8");
    expect(committed("prospects-people.csv")).toBe(sample.people);
    expect(committed("prospects-companies.csv")).toBe(sample.companies);
  });

  it("imports whole: recognised headers, the enrichment extras kept, no bad or duplicate row", () => {
    const people = imported("person", sample.people);
    expect(people.prepared.mapping).toEqual([
      "firstName",
      "lastName",
      "email",
      "title",
      "company",
      "website",
      "phone",
      "city",
      "country",
      "linkedinUrl",
      "industry",
      "extra",
      "extra",
    ]);
    expect(people.prepared.badRows).toEqual([]);
    expect(people.drafts).toHaveLength(1000);
    expect(people.drafts[0]?.extra).toEqual({ Seniority: expect.any(String), Department: expect.any(String) });

    const companies = imported("company", sample.companies);
    expect(companies.prepared.mapping).toEqual([
      "name",
      "website",
      "phone",
      "industry",
      "city",
      "country",
      "extra",
      "extra",
    ]);
    expect(companies.prepared.badRows).toEqual([]);
    expect(companies.drafts).toHaveLength(200);
    expect(guessMapping(["Employees", "Founded"], "company")).toEqual(["extra", "extra"]);
  });

  it("PULL-3: about 15% of people and of companies are in the demo org, many with its empty fields to fill", () => {
    const demoPeople = new Map(demo.people.map((person) => [normalizeEmailAddress(person.email), person]));
    const matchedPeople = imported("person", sample.people)
      .drafts.map((draft) => demoPeople.get(draft.emailNormalized))
      .filter((person) => person !== undefined);
    expect(matchedPeople.length / 1000).toBeGreaterThanOrEqual(0.13);
    expect(matchedPeople.length / 1000).toBeLessThanOrEqual(0.17);
    expect(matchedPeople.filter((person) => person.object === "Lead").length).toBeGreaterThan(0);
    expect(matchedPeople.filter((person) => !person.title).length).toBeGreaterThanOrEqual(40);
    expect(matchedPeople.filter((person) => !person.phone).length).toBeGreaterThanOrEqual(20);

    const demoAccounts = new Map(demo.accounts.map((account) => [normalizeDomain(account.domain), account]));
    const companies = imported("company", sample.companies).drafts;
    const matchedAccounts = companies
      .map((draft) => demoAccounts.get(draft.domainNormalized))
      .filter((account) => account !== undefined);
    expect(matchedAccounts.length / 200).toBeGreaterThanOrEqual(0.13);
    expect(matchedAccounts.length / 200).toBeLessThanOrEqual(0.17);
    expect(matchedAccounts.filter((account) => !account.industry).length).toBeGreaterThanOrEqual(8);
    expect(matchedAccounts.filter((account) => !account.phone).length).toBeGreaterThanOrEqual(5);
  });

  it("gives companies Account.Industry picklist values, and a few that the picklist refuses", () => {
    const industries = imported("company", sample.companies).drafts.map((draft) => draft.industry);
    const refused = industries.filter((industry) => !INDUSTRIES.includes(industry ?? ""));
    expect(refused.length).toBeGreaterThanOrEqual(3);
    expect(refused.length).toBeLessThanOrEqual(10);
    expect(refused).toContain("Fintech");
  });

  it("meets a demo org that leaves Title, Phone or Industry empty on some records", () => {
    const contacts = demo.people.filter((person) => person.object === "Contact");
    const leads = demo.people.filter((person) => person.object === "Lead");
    expect(contacts.filter((person) => !person.title).length).toBeGreaterThan(250);
    expect(contacts.filter((person) => !person.phone).length).toBeGreaterThan(150);
    expect(leads.filter((person) => !person.title).length).toBeGreaterThan(50);
    expect(demo.accounts.filter((account) => !account.industry).length).toBeGreaterThan(30);
    expect(demo.accounts.filter((account) => !account.phone).length).toBeGreaterThan(30);
  });
});
