import { en, Faker } from "@faker-js/faker";
import { INDUSTRIES } from "../org/objects";
import { readDemoOrg, type TDemoOrg, type TDemoPerson } from "./read-demo-org";
import {
  describeTitle,
  drawCity,
  drawEmployees,
  drawPhone,
  drawTitle,
  enrichTitle,
  linkedInUrl,
  reformatPhone,
  slug,
  websiteOf,
  workEmail,
  type TTitle,
} from "./sample-prospect-values";

export type TSampleProspects = { people: string; companies: string };

export const SAMPLE_PEOPLE_HEADERS = [
  "First Name",
  "Last Name",
  "Email",
  "Title",
  "Company",
  "Website",
  "Phone",
  "City",
  "Country",
  "LinkedIn URL",
  "Industry",
  "Seniority",
  "Department",
];
export const SAMPLE_COMPANY_HEADERS = [
  "Company Name",
  "Website",
  "Phone",
  "Industry",
  "City",
  "Country",
  "Employees",
  "Founded",
];

const SEED = 20240615;
// 150 of 1,000 people and 30 of 200 companies are in the demo org: 15% each.
const MATCHED_CONTACTS = { noTitle: 45, noPhone: 30, other: 45 };
const MATCHED_LEADS = { noTitle: 12, other: 18 };
const MATCHED_ACCOUNTS = { noIndustry: 11, noPhone: 8, other: 11 };
const NEW_COMPANIES = 170;
const NEW_PEOPLE = { atNewCompanies: 700, atDemoAccounts: 125, onFreeMail: 25 };
/** Industries as enrichment vendors write them; Account.Industry's picklist refuses them. */
const NOT_IN_PICKLIST = ["Fintech", "SaaS", "Cybersecurity", "E-commerce"];
const TLDS = [
  { weight: 8, value: "com" },
  { weight: 2, value: "io" },
  { weight: 1, value: "co" },
  { weight: 1, value: "ai" },
];

/** The sample prospect database, built from the demo org it is meant to meet. */
export async function buildSampleProspects(): Promise<TSampleProspects> {
  return generateSampleProspects(await readDemoOrg());
}

/**
 * About 1,000 people and 200 companies, the same on every run. 15% of each are in the demo org
 * (same email, same web domain) with values that differ from it or fill what it left empty; the
 * rest are new people at new companies.
 */
export function generateSampleProspects(demo: TDemoOrg): TSampleProspects {
  const f = new Faker({ locale: [en] });
  f.seed(SEED);

  // Records that share an email or a domain with another are the demo's duplicate cases: left out.
  const emailCount = countBy(demo.people, (person) => person.email);
  const domainCount = countBy(demo.accounts, (account) => account.domain);
  const accounts = demo.accounts.filter((account) => domainCount.get(account.domain) === 1);
  const people = demo.people.filter(
    (person) => emailCount.get(person.email) === 1 && (domainCount.get(person.domain) ?? 0) <= 1,
  );
  const takenEmails = new Set(demo.people.map((person) => person.email));
  const takenDomains = new Set([...demo.accounts, ...demo.people].map((record) => record.domain));
  const takenNames = new Set(demo.accounts.map((account) => account.name));

  const matchedAccounts = [
    ...f.helpers.arrayElements(
      accounts.filter((account) => !account.industry),
      MATCHED_ACCOUNTS.noIndustry,
    ),
    ...f.helpers.arrayElements(
      accounts.filter((account) => account.industry && !account.phone),
      MATCHED_ACCOUNTS.noPhone,
    ),
    ...f.helpers.arrayElements(
      accounts.filter((account) => account.industry && account.phone),
      MATCHED_ACCOUNTS.other,
    ),
  ];
  const companies: TCompany[] = matchedAccounts.map((account, index) => ({
    name: account.name,
    domain: account.domain,
    website: websiteOf(f, account.domain),
    phone: account.phone && f.datatype.boolean() ? reformatPhone(f, account.phone) : drawPhone(f),
    // A few empty industries come back as values the picklist refuses, to show that rejection.
    industry:
      !account.industry && index < 3
        ? NOT_IN_PICKLIST[index]!
        : f.helpers.arrayElement(INDUSTRIES.filter((industry) => industry !== account.industry)),
    ...(account.city && f.datatype.boolean() ? { city: account.city, country: "United States" } : drawCity(f)),
    employees: drawEmployees(f),
    founded: f.number.int({ min: 1950, max: 2022 }),
  }));
  const newCompanies: TCompany[] = [];
  while (newCompanies.length < NEW_COMPANIES) {
    const name = f.company.name();
    const domain = `${domainName(name)}.${f.helpers.weightedArrayElement(TLDS)}`;
    if (takenNames.has(name) || takenDomains.has(domain)) continue;
    takenNames.add(name);
    takenDomains.add(domain);
    newCompanies.push({
      name,
      domain,
      website: websiteOf(f, domain),
      phone: drawPhone(f),
      industry:
        newCompanies.length % 40 === 7
          ? f.helpers.arrayElement(NOT_IN_PICKLIST)
          : f.helpers.arrayElement(INDUSTRIES.slice(0, -1)),
      ...drawCity(f),
      employees: drawEmployees(f),
      founded: f.number.int({ min: 1950, max: 2022 }),
    });
  }

  const contacts = people.filter((person) => person.object === "Contact");
  const leads = people.filter((person) => person.object === "Lead");
  const matchedPeople = [
    ...f.helpers.arrayElements(
      contacts.filter((person) => !person.title),
      MATCHED_CONTACTS.noTitle,
    ),
    ...f.helpers.arrayElements(
      contacts.filter((person) => person.title && !person.phone),
      MATCHED_CONTACTS.noPhone,
    ),
    ...f.helpers.arrayElements(
      contacts.filter((person) => person.title && person.phone),
      MATCHED_CONTACTS.other,
    ),
    ...f.helpers.arrayElements(
      leads.filter((person) => !person.title),
      MATCHED_LEADS.noTitle,
    ),
    ...f.helpers.arrayElements(
      leads.filter((person) => person.title),
      MATCHED_LEADS.other,
    ),
  ];
  const personRows = matchedPeople.map((person) => matchedPersonRow(f, person));

  const addNewPerson = (company: TEmployer, freeMail = false) => {
    for (;;) {
      const first = f.person.firstName();
      const last = f.person.lastName();
      const email = freeMail
        ? `${slug(first)}.${slug(last)}${f.number.int({ min: 1, max: 99 })}@gmail.com`
        : workEmail(f, first, last, company.domain);
      if (takenEmails.has(email)) continue;
      takenEmails.add(email);
      personRows.push(personRow(f, { first, last, email, company, title: drawTitle(f) }));
      return;
    }
  };
  for (let i = 0; i < NEW_PEOPLE.atNewCompanies; i++)
    addNewPerson(newCompanies[i] ?? f.helpers.arrayElement(newCompanies));
  for (let i = 0; i < NEW_PEOPLE.atDemoAccounts; i++) {
    const account = f.helpers.arrayElement(accounts);
    addNewPerson({
      name: account.name,
      domain: account.domain,
      website: websiteOf(f, account.domain),
      industry: account.industry ?? f.helpers.arrayElement(INDUSTRIES),
      ...(account.city ? { city: account.city, country: "United States" } : drawCity(f)),
    });
  }
  for (let i = 0; i < NEW_PEOPLE.onFreeMail; i++) addNewPerson(f.helpers.arrayElement(newCompanies), true);

  return {
    people: toCsv(SAMPLE_PEOPLE_HEADERS, f.helpers.shuffle(personRows)),
    companies: toCsv(
      SAMPLE_COMPANY_HEADERS,
      f.helpers
        .shuffle([...companies, ...newCompanies])
        .map((company) => [
          company.name,
          company.website,
          company.phone,
          company.industry,
          company.city,
          company.country,
          String(company.employees),
          String(company.founded),
        ]),
    ),
  };
}

type TCompany = {
  name: string;
  domain: string;
  website: string;
  phone: string;
  industry: string;
  city: string;
  country: string;
  employees: number;
  founded: number;
};
type TEmployer = Pick<TCompany, "name" | "domain" | "website" | "industry" | "city" | "country">;

/**
 * A demo person as an enrichment vendor knows them: an empty title or phone filled, and the
 * rest partly the same, partly different (a richer title, the phone written another way or a
 * direct line, another city), plus a LinkedIn profile the org never has.
 */
function matchedPersonRow(f: Faker, person: TDemoPerson): string[] {
  const title: TTitle = !person.title
    ? drawTitle(f)
    : f.helpers.arrayElement([
        () => describeTitle(person.title!),
        () => ({ ...describeTitle(person.title!), title: enrichTitle(f, person.title!) }),
        () => drawTitle(f),
      ])();
  const place = person.city && f.datatype.boolean() ? { city: person.city, country: "United States" } : drawCity(f);
  // Some addresses come back capitalised ("Ada.Lovelace12@…"): matching ignores case.
  const email =
    f.number.int({ min: 1, max: 8 }) === 1
      ? person.email.replace(/(^|\.)([a-z])/g, (_, dot: string, letter: string) => dot + letter.toUpperCase())
      : person.email;
  return [
    person.firstName,
    person.lastName,
    email,
    title.title,
    person.company,
    websiteOf(f, person.domain),
    person.phone && f.datatype.boolean() ? reformatPhone(f, person.phone) : drawPhone(f),
    place.city,
    place.country,
    linkedInUrl(f, person.firstName, person.lastName),
    person.industry ?? f.helpers.arrayElement(INDUSTRIES),
    title.seniority,
    title.department,
  ];
}

function personRow(
  f: Faker,
  person: { first: string; last: string; email: string; company: TEmployer; title: TTitle },
): string[] {
  const { city, country } = f.datatype.boolean({ probability: 0.7 }) ? person.company : drawCity(f);
  return [
    person.first,
    person.last,
    person.email,
    person.title.title,
    person.company.name,
    person.company.website,
    drawPhone(f),
    city,
    country,
    linkedInUrl(f, person.first, person.last),
    person.company.industry,
    person.title.seniority,
    person.title.department,
  ];
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** "Wiegand, Ferry and Cartwright" → "wiegandferry", "Hamill Group" → "hamill". */
function domainName(company: string): string {
  const words = company
    .split(/[\s,-]+/)
    .filter((word) => word && !["and", "inc", "llc", "group", "sons"].includes(word.toLowerCase()));
  return slug(words.slice(0, 2).join(""));
}

function toCsv(headers: string[], rows: string[][]): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [headers, ...rows].map((row) => row.map(cell).join(",")).join("\n") + "\n";
}
