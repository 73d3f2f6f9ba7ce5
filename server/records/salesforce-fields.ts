import type { TField, TFieldFormat } from "./profile-schemas";

/**
 * Turns the `fields` JSON Tandem keeps of each pulled record into labelled, typed values for the
 * profile's fields card. Pure, so the labelling and format rules are tested on their own.
 */

/** Bookkeeping Salesforce returns with every record; nothing a person reads. */
const SYSTEM_FIELDS = new Set([
  "attributes",
  "Id",
  "IsDeleted",
  "SystemModstamp",
  "MasterRecordId",
  "OwnerId",
  "Owner",
  "CreatedDate",
  "CreatedById",
  "LastModifiedDate",
  "LastModifiedById",
  "LastViewedDate",
  "LastReferencedDate",
  "CurrencyIsoCode",
]);

/** Fields already shown from Tandem's typed columns, per object. */
export const TYPED_FIELDS = {
  person: [
    "FirstName",
    "LastName",
    "Name",
    "Email",
    "Phone",
    "Title",
    "Company",
    "AccountId",
    "Account",
    "LeadSource",
    "Status",
    "IsConverted",
    "ConvertedContactId",
  ],
  account: ["Name", "Website", "Industry", "Phone", "BillingCity", "BillingCountry", "Type"],
  opportunity: ["Name", "AccountId", "Account", "StageName", "Amount", "CloseDate", "Probability", "IsClosed", "IsWon"],
} as const;

const WORD_OVERRIDES: Record<string, string> = {
  Id: "ID",
  Url: "URL",
  Api: "API",
  Sic: "SIC",
  Mql: "MQL",
  Sql: "SQL",
  Linkedin: "LinkedIn",
};

/**
 * "AnnualRevenue" → "Annual revenue", "Lead_Score__c" → "Lead score", "NumberOfEmployees" →
 * "Number of employees", "Parent__r.Name" → "Parent name"; a namespace prefix ("acme__Tier__c")
 * is dropped. Relationship fields arrive flattened with a dot (the pull stores "Parent.Name").
 */
export function labelFromApiName(apiName: string): string {
  const base = apiName
    .split(".")
    .map((segment) => segment.replace(/__(c|r)$/i, "").replace(/^[A-Za-z0-9]+__/, ""))
    .join(" ")
    // Brand names that look like two words to the splitter below.
    .replace(/LinkedIn/g, "Linkedin");
  const words = base
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/\s+/)
    .filter(Boolean);
  return words
    .map((word, index) => {
      const override = WORD_OVERRIDES[word];
      if (override) return override;
      // Keep acronyms (SLA, CEO) as written; lower-case ordinary words after the first.
      if (/^[A-Z0-9]{2,}$/.test(word)) return word;
      return index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word.toLowerCase();
    })
    .join(" ");
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function guessFormat(apiName: string, value: TField["value"]): TFieldFormat {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") {
    if (/amount|revenue|price|cost|value/i.test(apiName)) return "currency";
    if (/probability|percent|rate/i.test(apiName)) return "percent";
    return "number";
  }
  if (typeof value !== "string") return "text";
  if (ISO_DATETIME.test(value)) return "datetime";
  if (ISO_DATE.test(value)) return "date";
  if (EMAIL.test(value)) return "email";
  if (/^https?:\/\//i.test(value) || /website|url/i.test(apiName)) return "url";
  if (/phone|fax/i.test(apiName)) return "phone";
  return "text";
}

/** A related record ({ Name: "Acme" }) shows as its name; anything else nested as compact JSON. */
export function flattenValue(value: unknown): TField["value"] {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (Array.isArray(value))
    return value.length === 0 ? null : value.map((item) => String(flattenValue(item) ?? "")).join(", ");
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.Name === "string") return record.Name;
    const { attributes: _attributes, ...rest } = record;
    return Object.keys(rest).length === 0 ? null : JSON.stringify(rest);
  }
  return String(value);
}

/**
 * Every pulled field not already shown from a typed column, labelled, sorted by label. A related
 * record's fields ("Owner.Name", "Account.Name") count as the relationship they belong to.
 */
export function salesforceFieldsOf(fields: Record<string, unknown>, type: keyof typeof TYPED_FIELDS): TField[] {
  const typed = new Set<string>(TYPED_FIELDS[type]);
  const shown = (key: string) => {
    const root = key.split(".")[0] ?? key;
    return !SYSTEM_FIELDS.has(root) && !typed.has(root);
  };
  return Object.entries(fields)
    .filter(([key]) => shown(key))
    .map(([key, raw]) => {
      const value = flattenValue(raw);
      return { key, label: labelFromApiName(key), value, format: guessFormat(key, value) };
    })
    .sort((left, right) => left.label.localeCompare(right.label));
}

/** The org currency of a record, when Salesforce sent one. */
export function currencyOf(fields: Record<string, unknown>): string | null {
  const code = fields.CurrencyIsoCode;
  return typeof code === "string" && /^[A-Z]{3}$/.test(code) ? code : null;
}

/** A typed column as a field of the card. */
export function typedField(
  key: string,
  label: string,
  value: TField["value"] | undefined,
  format: TFieldFormat = "text",
): TField {
  return { key, label, value: value === undefined || value === "" ? null : value, format };
}
