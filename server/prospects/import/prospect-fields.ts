/**
 * The Tandem fields a CSV column can be mapped to, with the header names that suggest each one.
 * Pure and free of server imports: the import screen shows the same labels.
 */
import type { TProspectKind } from "@/server/prospects/schemas";

export const PROSPECT_FIELDS = [
  "name",
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
] as const;
export type TProspectField = (typeof PROSPECT_FIELDS)[number];

/** A column is mapped to a field, kept as an extra field under its header, or ignored. */
export type TColumnTarget = TProspectField | "extra" | "ignore";

export const FIELD_LABELS: Record<TProspectField, string> = {
  name: "Full name",
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  title: "Job title",
  company: "Company",
  website: "Website",
  phone: "Phone",
  city: "City",
  country: "Country",
  linkedinUrl: "LinkedIn URL",
  industry: "Industry",
};

/** A company is one record: it has no first or last name, no job title, no employer. */
const PERSON_ONLY = new Set<TProspectField>(["firstName", "lastName", "title", "company", "email"]);

export function fieldsForKind(kind: TProspectKind): TProspectField[] {
  return PROSPECT_FIELDS.filter((field) => kind === "person" || !PERSON_ONLY.has(field));
}

export function fieldLabel(field: TProspectField, kind: TProspectKind): string {
  if (kind === "company" && field === "name") return "Company name";
  return FIELD_LABELS[field];
}
