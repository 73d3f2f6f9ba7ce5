import type { TField } from "@/server/records/profile-schemas";
import type { TPersonKind, TRecordType } from "@/server/records/record-schemas";
import { parseAmount } from "@/components/crm/parse-input";

/** One field of the edit form: its key in the update's `values`, and where the profile shows it. */
export type TEditField = {
  key: string;
  label: string;
  /** The profile summary's field, or "name" for the header's name. */
  source: string;
  input: "text" | "email" | "tel" | "date" | "amount" | "stage";
  required?: boolean;
  wide?: boolean;
};

const TITLE: TEditField = { key: "title", label: "Title", source: "title", input: "text", wide: true };
const EMAIL: TEditField = { key: "email", label: "Email", source: "email", input: "email", wide: true };
const PHONE: TEditField = { key: "phone", label: "Phone", source: "phone", input: "tel" };
const LEAD_SOURCE: TEditField = { key: "leadSource", label: "Lead source", source: "leadSource", input: "text" };
const FIRST_NAME: TEditField = { key: "firstName", label: "First name", source: "firstName", input: "text" };
const LAST_NAME: TEditField = {
  key: "lastName",
  label: "Last name",
  source: "lastName",
  input: "text",
  required: true,
};
const CONTACT_FIELDS = [FIRST_NAME, LAST_NAME, TITLE, EMAIL, PHONE, LEAD_SOURCE];
const LEAD_FIELDS = [
  FIRST_NAME,
  LAST_NAME,
  TITLE,
  EMAIL,
  PHONE,
  LEAD_SOURCE,
  { key: "company", label: "Company", source: "company", input: "text", required: true, wide: true },
] satisfies TEditField[];
const ACCOUNT_FIELDS: TEditField[] = [
  { key: "name", label: "Account name", source: "name", input: "text", required: true, wide: true },
  { key: "website", label: "Website", source: "website", input: "text" },
  { key: "industry", label: "Industry", source: "industry", input: "text" },
  { key: "type", label: "Type", source: "type", input: "text" },
  { key: "phone", label: "Phone", source: "phone", input: "tel" },
  { key: "city", label: "City", source: "city", input: "text" },
  { key: "country", label: "Country", source: "country", input: "text" },
];
const OPPORTUNITY_FIELDS: TEditField[] = [
  { key: "name", label: "Opportunity name", source: "name", input: "text", required: true, wide: true },
  { key: "stageName", label: "Stage", source: "stage", input: "stage", required: true },
  { key: "closeDate", label: "Close date", source: "closeDate", input: "date", required: true },
  { key: "amount", label: "Amount", source: "amount", input: "amount", wide: true },
];

/** The fields a profile shows that a rep may edit (a contact's company is its account, edited in Salesforce). */
export function editFieldsOf(type: TRecordType, personKind?: TPersonKind): TEditField[] {
  if (type === "account") return ACCOUNT_FIELDS;
  if (type === "opportunity") return OPPORTUNITY_FIELDS;
  return personKind === "lead" ? LEAD_FIELDS : CONTACT_FIELDS;
}

/** The form's starting text per field, from what the profile shows. */
export function initialValuesOf(
  fields: TEditField[],
  profile: { name: string; summary: TField[]; values?: Record<string, string | null> },
) {
  return Object.fromEntries(
    fields.map((field) => {
      if (field.source === "name") return [field.key, profile.name];
      const value =
        profile.values && field.source in profile.values
          ? profile.values[field.source]
          : profile.summary.find((shown) => shown.key === field.source)?.value;
      return [field.key, value === null || value === undefined ? "" : String(value)];
    }),
  ) as Record<string, string>;
}

/** The fields whose text changed, as the update takes them: empty clears, an amount is a number. */
export function changedValuesOf(
  fields: TEditField[],
  initial: Record<string, string>,
  current: Record<string, string>,
): Record<string, string | number | null | undefined> {
  const changed: Record<string, string | number | null | undefined> = {};
  for (const field of fields) {
    const text = (current[field.key] ?? "").trim();
    if (text === (initial[field.key] ?? "").trim()) continue;
    changed[field.key] = field.input === "amount" ? (parseAmount(text) ?? null) : text;
  }
  return changed;
}
