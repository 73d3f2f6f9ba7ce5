/**
 * The fields the duplicate matcher reads, per entity. Tandem's own records fill the subset they
 * have; `dedupe` maps any CSV's columns onto them (--map "Header=field,…").
 */

export const MATCH_ENTITIES = ["people", "companies"] as const;
export type TMatchEntity = (typeof MATCH_ENTITIES)[number];

export const PERSON_MATCH_FIELDS = [
  "firstName",
  "lastName",
  "fullName",
  "email",
  "phone",
  "company",
  "title",
  "address",
  "city",
  "postcode",
  "country",
  "birthDate",
  "website",
] as const;
export const COMPANY_MATCH_FIELDS = [
  "name",
  "website",
  "email",
  "phone",
  "address",
  "city",
  "postcode",
  "country",
] as const;

export type TPersonMatchField = (typeof PERSON_MATCH_FIELDS)[number];
export type TCompanyMatchField = (typeof COMPANY_MATCH_FIELDS)[number];
export type TMatchField = TPersonMatchField | TCompanyMatchField;

export const MATCH_FIELDS: Record<TMatchEntity, readonly TMatchField[]> = {
  people: PERSON_MATCH_FIELDS,
  companies: COMPANY_MATCH_FIELDS,
};

/** A record as the matcher receives it: an id and the values it has for the entity's fields. */
export type TMatchRecord = { id: string; values: Partial<Record<TMatchField, string | null | undefined>> };
