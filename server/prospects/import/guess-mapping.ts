import type { TProspectKind } from "@/server/prospects/schemas";
import { fieldsForKind, type TColumnTarget, type TProspectField } from "./prospect-fields";

/** Header names compared without case, spaces or punctuation: "E-mail" and "email" are one. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const EXACT: Record<TProspectKind, Partial<Record<TProspectField, string[]>>> = {
  person: {
    name: ["name", "fullname", "contactname", "personname", "leadname"],
    firstName: ["firstname", "first", "givenname", "forename", "fname"],
    lastName: ["lastname", "last", "surname", "familyname", "lname"],
    email: ["email", "emailaddress", "mail", "workemail", "businessemail", "emailid", "primaryemail"],
    title: ["title", "jobtitle", "position", "role", "designation"],
    company: [
      "company",
      "companyname",
      "organization",
      "organisation",
      "employer",
      "account",
      "accountname",
      "business",
    ],
    website: ["website", "web", "url", "site", "domain", "companywebsite", "companydomain", "websiteurl", "homepage"],
  },
  company: {
    name: [
      "name",
      "company",
      "companyname",
      "account",
      "accountname",
      "organization",
      "organisation",
      "business",
      "businessname",
    ],
    website: ["website", "web", "url", "site", "domain", "companywebsite", "companydomain", "websiteurl", "homepage"],
  },
};

const SHARED: Partial<Record<TProspectField, string[]>> = {
  phone: ["phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone", "workphone", "directphone"],
  city: ["city", "town", "locality"],
  country: ["country", "countrycode", "nation"],
  linkedinUrl: ["linkedin", "linkedinurl", "linkedinprofile", "linkedinprofileurl"],
  industry: ["industry", "sector", "vertical"],
};

/** Looser hints for headers such as "Contact Email" or "Company LinkedIn page". */
const CONTAINS: Array<[string, TProspectField]> = [
  ["linkedin", "linkedinUrl"],
  ["email", "email"],
  ["phone", "phone"],
  ["website", "website"],
  ["domain", "website"],
  ["jobtitle", "title"],
  ["firstname", "firstName"],
  ["lastname", "lastName"],
  ["industry", "industry"],
  ["country", "country"],
  ["city", "city"],
];

function guessField(key: string, kind: TProspectKind, allowed: Set<TProspectField>): TProspectField | null {
  const aliases = { ...SHARED, ...EXACT[kind] };
  for (const [field, names] of Object.entries(aliases) as Array<[TProspectField, string[]]>) {
    if (allowed.has(field) && names.includes(key)) return field;
  }
  for (const [fragment, field] of CONTAINS) {
    if (allowed.has(field) && key.includes(fragment)) return field;
  }
  return null;
}

/**
 * One target per column. Each field is taken by the first column that suggests it; columns that
 * suggest nothing (or a field already taken) are kept as extra fields so no enrichment data is
 * lost unless the user chooses to ignore it.
 */
export function guessMapping(headers: string[], kind: TProspectKind): TColumnTarget[] {
  const allowed = new Set(fieldsForKind(kind));
  const taken = new Set<TProspectField>();
  return headers.map((header) => {
    const key = headerKey(header);
    if (!key) return "ignore";
    const field = guessField(key, kind, allowed);
    if (!field || taken.has(field)) return "extra";
    taken.add(field);
    return field;
  });
}
