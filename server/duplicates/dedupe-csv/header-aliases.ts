import type { TMatchEntity, TMatchField } from "@/server/sync/core/match/fields";

/**
 * A header compared without case, accents, spaces or punctuation: "E-mail", "e_mail" and
 * "EMAIL" are one name, and so are "Téléphone" and "telephone".
 */
export function headerKey(header: string): string {
  return header
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const CONTACT_ALIASES = {
  email: ["email", "e_mail", "email_address"],
  phone: ["phone", "telephone", "tel", "mobile", "phone_number"],
  address: ["address", "addr", "street", "street_address", "address_1", "address_line_1", "street_number"],
  city: ["city", "town", "suburb", "locality"],
  postcode: ["zip", "zipcode", "postcode", "postal_code"],
  country: ["country"],
  website: ["website", "url", "web", "domain"],
} satisfies Partial<Record<TMatchField, string[]>>;

/**
 * The headers `dedupe` recognises without --map, per field, as USAGE in server/cli/main.ts lists
 * them. Several columns may feed one field (a street number and a street): their values are
 * joined in column order.
 */
export const HEADER_ALIASES: Record<TMatchEntity, Partial<Record<TMatchField, readonly string[]>>> = {
  people: {
    firstName: ["first_name", "given_name", "forename", "first"],
    lastName: ["last_name", "surname", "family_name"],
    fullName: ["name", "full_name", "contact_name"],
    company: ["company", "company_name", "organization", "organisation", "employer", "account", "account_name"],
    title: ["title", "job_title"],
    birthDate: ["dob", "date_of_birth", "birth_date"],
    ...CONTACT_ALIASES,
  },
  companies: {
    name: ["name", "company", "company_name", "organization", "organisation", "account", "account_name", "site_name"],
    ...CONTACT_ALIASES,
  },
};

const FIELD_BY_KEY: Record<TMatchEntity, ReadonlyMap<string, TMatchField>> = {
  people: keyIndex(HEADER_ALIASES.people),
  companies: keyIndex(HEADER_ALIASES.companies),
};

function keyIndex(aliases: Partial<Record<TMatchField, readonly string[]>>): ReadonlyMap<string, TMatchField> {
  const index = new Map<string, TMatchField>();
  for (const [field, names] of Object.entries(aliases) as Array<[TMatchField, readonly string[]]>) {
    for (const name of names) index.set(headerKey(name), field);
  }
  return index;
}

/** The field a header names, or null when it names none of the entity's fields. */
export function guessField(entity: TMatchEntity, header: string): TMatchField | null {
  return FIELD_BY_KEY[entity].get(headerKey(header)) ?? null;
}

/** The alias table as `--help` prints it: a line per field, the contact fields both entities share once. */
export function describeHeaderAliases(indent: string): string {
  const section = (title: string, aliases: Partial<Record<TMatchField, readonly string[]>>, skip: object) => [
    `${indent}${title}:`,
    ...Object.entries(aliases)
      .filter(([field]) => !(field in skip))
      .map(([field, names]) => `${indent}  ${field.padEnd(10)} ${names.join(", ")}`),
  ];
  return [
    ...section("people", HEADER_ALIASES.people, CONTACT_ALIASES),
    ...section("companies", HEADER_ALIASES.companies, CONTACT_ALIASES),
    ...section("both", CONTACT_ALIASES, {}),
  ].join("\n");
}
