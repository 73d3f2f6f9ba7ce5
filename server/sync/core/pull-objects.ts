import type { TSyncObject } from "./sync-objects";
import { normalizeDomain, normalizeEmailAddress } from "./normalize";

/**
 * What a pull asks Salesforce for, per object, and how a pulled record maps onto Tandem's typed
 * columns. Every queried field is also kept as pulled (the `fields` JSON).
 */
const SYSTEM_FIELDS = ["Id", "IsDeleted", "CreatedDate", "LastModifiedDate", "SystemModstamp", "OwnerId", "Owner.Name"];

// Contacts and leads share these; leads add their company and conversion fields.
const PERSON_FIELDS = [
  ...SYSTEM_FIELDS,
  "MasterRecordId",
  "FirstName",
  "LastName",
  "Name",
  "Email",
  "Phone",
  "Title",
  "LeadSource",
];

export const PULL_FIELDS: Record<TSyncObject, string[]> = {
  Account: [
    ...SYSTEM_FIELDS,
    "MasterRecordId",
    "Name",
    "Website",
    "Industry",
    "Phone",
    "BillingCity",
    "BillingCountry",
    "Type",
  ],
  Contact: [...PERSON_FIELDS, "AccountId"],
  Lead: [...PERSON_FIELDS, "Company", "Website", "Status", "IsConverted", "ConvertedContactId", "ConvertedAccountId"],
  // Opportunities cannot be merged, so they have no MasterRecordId.
  Opportunity: [
    ...SYSTEM_FIELDS,
    "Name",
    "AccountId",
    "StageName",
    "Amount",
    "CloseDate",
    "Probability",
    "IsClosed",
    "IsWon",
  ],
};

/** The external Id field Tandem upserts by, holding Tandem's own record id (PUSH-2). */
export const TANDEM_ID_FIELD = "Tandem_Id__c";

/**
 * What a pull asks for: the usual fields, plus Tandem_Id__c on objects whose org has it, plus the
 * fields a mapping compares (MAP-4), each once.
 */
export function pullFieldsOf(
  object: TSyncObject,
  tandemIdObjects: readonly string[] = [],
  mappedFields: readonly string[] = [],
): string[] {
  const fields = tandemIdObjects.includes(object)
    ? [...PULL_FIELDS[object], TANDEM_ID_FIELD]
    : [...PULL_FIELDS[object]];
  const seen = new Set(fields.map((field) => field.toLowerCase()));
  for (const field of mappedFields) {
    if (seen.has(field.toLowerCase())) continue;
    seen.add(field.toLowerCase());
    fields.push(field);
  }
  return fields;
}

/** Pull order within a tick: accounts before the people and deals that point at them, contacts before leads (PULL-4). */
export const PULL_ORDER: TSyncObject[] = ["Account", "Contact", "Lead", "Opportunity"];

/** Fields that change on every save, even our own pushes: left out of the content hash. */
export const VOLATILE_FIELDS = new Set([
  "SystemModstamp",
  "LastModifiedDate",
  "LastModifiedById",
  "LastViewedDate",
  "LastReferencedDate",
  "attributes",
]);

export type TPulledRecord = Record<string, unknown> & { Id: string };

export function text(record: TPulledRecord, field: string): string | null {
  const value = record[field];
  if (value === null || value === undefined || value === "") return null;
  return String(value);
}

export function bool(record: TPulledRecord, field: string): boolean {
  const value = record[field];
  return value === true || value === "true";
}

function number(record: TPulledRecord, field: string): number | null {
  const value = record[field];
  if (value === null || value === undefined || value === "") return null;
  const parsed = typeof value === "number" ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** Relationship values arrive nested over REST ({Owner: {Name}}) and flat over Bulk ("Owner.Name"). */
export function ownerName(record: TPulledRecord): string | null {
  const owner = record.Owner as { Name?: unknown } | null | undefined;
  if (owner && typeof owner === "object" && owner.Name) return String(owner.Name);
  return text(record, "Owner.Name");
}

function personName(record: TPulledRecord) {
  return (
    text(record, "Name") ??
    ([text(record, "FirstName"), text(record, "LastName")].filter(Boolean).join(" ") || "(no name)")
  );
}

export function mapPerson(record: TPulledRecord, kind: "contact" | "lead") {
  const email = text(record, "Email");
  return {
    kind,
    firstName: text(record, "FirstName"),
    lastName: text(record, "LastName"),
    name: personName(record),
    email,
    emailNormalized: normalizeEmailAddress(email),
    phone: text(record, "Phone"),
    title: text(record, "Title"),
    company: kind === "lead" ? text(record, "Company") : null,
    accountSfId: kind === "contact" ? text(record, "AccountId") : null,
    leadSource: text(record, "LeadSource"),
    leadStatus: kind === "lead" ? text(record, "Status") : null,
    isConverted: kind === "lead" ? bool(record, "IsConverted") : false,
    convertedContactSfId: kind === "lead" ? text(record, "ConvertedContactId") : null,
  };
}

export function mapAccount(record: TPulledRecord) {
  const website = text(record, "Website");
  return {
    name: text(record, "Name") ?? "(no name)",
    website,
    domainNormalized: normalizeDomain(website),
    industry: text(record, "Industry"),
    phone: text(record, "Phone"),
    city: text(record, "BillingCity"),
    country: text(record, "BillingCountry"),
    type: text(record, "Type"),
  };
}

export function mapOpportunity(record: TPulledRecord) {
  return {
    name: text(record, "Name") ?? "(no name)",
    accountSfId: text(record, "AccountId"),
    stageName: text(record, "StageName"),
    amount: number(record, "Amount"),
    closeDate: text(record, "CloseDate"),
    probability: number(record, "Probability"),
    isClosed: bool(record, "IsClosed"),
    isWon: bool(record, "IsWon"),
  };
}

/** The pulled values to keep, flattened: nested relationship objects become "Owner.Name". */
export function flattenRecord(record: TPulledRecord): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === "attributes") continue;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) {
        if (inner !== "attributes") flat[`${key}.${inner}`] = innerValue;
      }
    } else {
      flat[key] = value === "" ? null : value;
    }
  }
  return flat;
}
