/**
 * MAP-1: how Tandem's data (its prospect database) maps onto Salesforce fields, per object, and
 * which pairings can work. Pure: the settings, the planner, the mapping page and `settings import`
 * all check a mapping with these same rules.
 */

/** The objects whose fields can be mapped, and what a mapping does on each pull. */
export const MAPPED_OBJECTS = ["Contact", "Lead", "Account"] as const;
export type TMappedObject = (typeof MAPPED_OBJECTS)[number];
export const FIELD_MAPPING_MODES = ["off", "auto-fill", "auto-overwrite"] as const;
export type TFieldMappingMode = (typeof FIELD_MAPPING_MODES)[number];

export type TFieldMappingEntry = { tandem: string; salesforce: string; mode: TFieldMappingMode };
export type TFieldMapping = Record<TMappedObject, TFieldMappingEntry[]>;

export function isMappedObject(object: string): object is TMappedObject {
  return (MAPPED_OBJECTS as readonly string[]).includes(object);
}

/** How two values are compared and checked: by the kind of data they hold. */
export type TValueKind = "text" | "email" | "phone" | "url";

/** The prospect fields a mapping can read, with their words and kinds. Extras come from imports. */
export const TANDEM_MAPPING_FIELDS = {
  firstName: { label: "First name", kind: "text", for: ["person"] },
  lastName: { label: "Last name", kind: "text", for: ["person"] },
  email: { label: "Email", kind: "email", for: ["person"] },
  title: { label: "Job title", kind: "text", for: ["person"] },
  company: { label: "Company", kind: "text", for: ["person"] },
  name: { label: "Company name", kind: "text", for: ["company"] },
  website: { label: "Website", kind: "url", for: ["person", "company"] },
  phone: { label: "Phone", kind: "phone", for: ["person", "company"] },
  city: { label: "City", kind: "text", for: ["person", "company"] },
  country: { label: "Country", kind: "text", for: ["person", "company"] },
  linkedinUrl: { label: "LinkedIn URL", kind: "url", for: ["person", "company"] },
  industry: { label: "Industry", kind: "text", for: ["person", "company"] },
} as const satisfies Record<string, { label: string; kind: TValueKind; for: ReadonlyArray<"person" | "company"> }>;
export type TTandemMappingField = keyof typeof TANDEM_MAPPING_FIELDS;

/** An enrichment column an import brought, named `extra.<column header>`. */
export const EXTRA_FIELD_PREFIX = "extra.";

/** Contacts and leads read person prospects; accounts read company prospects. */
export function prospectKindOf(object: TMappedObject): "person" | "company" {
  return object === "Account" ? "company" : "person";
}

/** The CRM record type an object's records are stored as. */
export function mappedRecordType(object: TMappedObject): "person" | "account" {
  return object === "Account" ? "account" : "person";
}

/** The push kind whose switch sends an object's writes (PUSH-1). */
export function mappedPushKind(object: TMappedObject): "people" | "accounts" {
  return object === "Account" ? "accounts" : "people";
}

/** The Tandem fields an object can map from: the standard ones for its prospects, then the extras. */
export function tandemFieldsFor(
  object: TMappedObject,
  extras: readonly string[],
): Array<{ name: string; label: string; kind: TValueKind }> {
  const kind = prospectKindOf(object);
  const standard = Object.entries(TANDEM_MAPPING_FIELDS)
    .filter(([, field]) => (field.for as ReadonlyArray<string>).includes(kind))
    .map(([name, field]) => ({ name, label: field.label, kind: field.kind as TValueKind }));
  const extra = [...new Set(extras)]
    .sort((a, b) => a.localeCompare(b))
    .map((header) => ({ name: `${EXTRA_FIELD_PREFIX}${header}`, label: header, kind: "text" as const }));
  return [...standard, ...extra];
}

/** The words and kind of a Tandem field name, or null when it names nothing Tandem has. */
export function tandemFieldInfo(
  object: TMappedObject,
  name: string,
): { label: string; kind: TValueKind; extra: boolean } | null {
  if (name.startsWith(EXTRA_FIELD_PREFIX)) {
    const header = name.slice(EXTRA_FIELD_PREFIX.length);
    return header.trim() ? { label: header, kind: "text", extra: true } : null;
  }
  const field = (TANDEM_MAPPING_FIELDS as Record<string, (typeof TANDEM_MAPPING_FIELDS)[TTandemMappingField]>)[name];
  if (!field || !(field.for as ReadonlyArray<string>).includes(prospectKindOf(object))) return null;
  return { label: field.label, kind: field.kind, extra: false };
}

/** A prospect's value of a Tandem field: a column, or an extra by its header. */
export function tandemValueOf(
  prospect: Readonly<Record<string, unknown>> & { extra?: Readonly<Record<string, string>> | null },
  name: string,
): string | null {
  const raw = name.startsWith(EXTRA_FIELD_PREFIX)
    ? prospect.extra?.[name.slice(EXTRA_FIELD_PREFIX.length)]
    : prospect[name];
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  return text ? text : null;
}

/** What the mapping needs to know of a Salesforce field (from describe). */
export type TMappableField = {
  name: string;
  label: string;
  type: string;
  length: number;
  updateable: boolean;
  picklistValues: string[];
};

/** Salesforce types a Tandem value of each kind can be written to. */
const COMPATIBLE_TYPES: Record<TValueKind, readonly string[]> = {
  text: ["string", "textarea", "picklist", "combobox"],
  email: ["email", "string", "textarea"],
  phone: ["phone", "string"],
  url: ["url", "string", "textarea"],
};

/** Fields a mapping never writes: the record's identity and what Salesforce computes. */
const NEVER_MAPPED = new Set(["Id", "Name", "OwnerId", "MasterRecordId", "Tandem_Id__c"]);

/** Whether a Salesforce field holds text of some kind (read-only ones too, to explain why not). */
export function isTextLikeField(field: Pick<TMappableField, "type">): boolean {
  return Object.values(COMPATIBLE_TYPES).some((types) => types.includes(field.type));
}

/** Whether a Salesforce field is offered as a target: updateable, of a type Tandem can fill. */
export function isMappableField(field: TMappableField): boolean {
  return field.updateable && !NEVER_MAPPED.has(field.name) && isTextLikeField(field);
}

/** How a mapped pair compares its values: by the Salesforce field's type when it says more. */
export function compareKindOf(tandemKind: TValueKind, salesforceType: string | null | undefined): TValueKind {
  if (salesforceType === "phone" || salesforceType === "email" || salesforceType === "url") return salesforceType;
  return tandemKind;
}

/**
 * Why a Tandem field cannot map onto a Salesforce field, in words that say what to change; null
 * when it can. `field` is undefined when the org has no such field.
 */
export function mappingProblem(
  object: TMappedObject,
  entry: { tandem: string; salesforce: string },
  field: TMappableField | undefined,
): string | null {
  const tandem = tandemFieldInfo(object, entry.tandem);
  if (!tandem) {
    const known = tandemFieldsFor(object, [])
      .map((f) => f.name)
      .join(", ");
    return `${entry.tandem} is not a Tandem field of ${object === "Account" ? "companies" : "people"}; use one of ${known}, or extra.<column> for an imported column.`;
  }
  if (!field)
    return `${object} has no field ${entry.salesforce} in Salesforce (deleted or renamed?); choose another field.`;
  if (NEVER_MAPPED.has(field.name)) return `${object}.${field.name} identifies the record; Tandem never writes it.`;
  if (!field.updateable) return `${object}.${field.name} is read-only in Salesforce; choose a field Tandem may update.`;
  if (!COMPATIBLE_TYPES[tandem.kind].includes(field.type)) {
    return `${object}.${field.name} is a ${field.type} field; ${tandem.label} (${kindWords(tandem.kind)}) fits ${COMPATIBLE_TYPES[
      tandem.kind
    ].join(", ")} fields.`;
  }
  return null;
}

function kindWords(kind: TValueKind): string {
  return kind === "text" ? "text" : `${kind === "url" ? "a URL" : kind === "email" ? "an email" : "a phone number"}`;
}

/** Every problem of one object's mapping list: each entry's, and a Salesforce field mapped twice. */
export function mappingListProblems(
  object: TMappedObject,
  entries: ReadonlyArray<{ tandem: string; salesforce: string }>,
  fieldsByName: ReadonlyMap<string, TMappableField>,
): Array<{ index: number; message: string }> {
  const problems: Array<{ index: number; message: string }> = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const problem = mappingProblem(object, entry, fieldsByName.get(entry.salesforce.toLowerCase()));
    if (problem) problems.push({ index, message: problem });
    const key = entry.salesforce.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        index,
        message: `${object}.${entry.salesforce} is already mapped (entry ${first + 1}); a Salesforce field takes one Tandem field.`,
      });
    } else seen.set(key, index);
  });
  return problems;
}

/**
 * The pairs a new workspace starts with, every one `off` until an admin turns it on. Only the
 * ones the org has are offered (a custom LinkedIn field, for one, exists in some orgs only).
 */
const DEFAULT_PAIRS: Record<TMappedObject, Array<{ tandem: string; salesforce: string[] }>> = {
  Contact: [
    { tandem: "title", salesforce: ["Title"] },
    { tandem: "phone", salesforce: ["Phone"] },
    { tandem: "linkedinUrl", salesforce: ["LinkedIn_URL__c", "LinkedIn__c", "LinkedInUrl__c"] },
    { tandem: "city", salesforce: ["MailingCity"] },
    { tandem: "country", salesforce: ["MailingCountry"] },
  ],
  Lead: [
    { tandem: "title", salesforce: ["Title"] },
    { tandem: "phone", salesforce: ["Phone"] },
    { tandem: "linkedinUrl", salesforce: ["LinkedIn_URL__c", "LinkedIn__c", "LinkedInUrl__c"] },
    { tandem: "website", salesforce: ["Website"] },
    { tandem: "industry", salesforce: ["Industry"] },
    { tandem: "city", salesforce: ["City"] },
    { tandem: "country", salesforce: ["Country"] },
  ],
  Account: [
    { tandem: "phone", salesforce: ["Phone"] },
    { tandem: "industry", salesforce: ["Industry"] },
    { tandem: "website", salesforce: ["Website"] },
    { tandem: "city", salesforce: ["BillingCity"] },
    { tandem: "country", salesforce: ["BillingCountry"] },
  ],
};

/**
 * The default mapping of an object: every default pair whose Salesforce field the org has (all
 * of them when the org was not described yet), mode `off`.
 */
export function defaultMappingFor(
  object: TMappedObject,
  fieldsByName: ReadonlyMap<string, TMappableField> | null,
): TFieldMappingEntry[] {
  return DEFAULT_PAIRS[object].flatMap((pair) => {
    const name = fieldsByName
      ? pair.salesforce.find((candidate) => fieldsByName.has(candidate.toLowerCase()))
      : pair.salesforce[0];
    return name
      ? [{ tandem: pair.tandem, salesforce: fieldsByName?.get(name.toLowerCase())?.name ?? name, mode: "off" as const }]
      : [];
  });
}
