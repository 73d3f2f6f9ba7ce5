import type { TActivityKind, TPushRecordType } from "./push-kinds";

/**
 * How Tandem's typed columns map onto Salesforce fields when pushed, per record type. An edit
 * names the Salesforce fields it changed (the outbox keeps them), and a push sends those fields
 * with the record's current values; a create sends every mapped field that has a value.
 */
export const PERSON_PUSH_FIELDS = {
  firstName: "FirstName",
  lastName: "LastName",
  email: "Email",
  phone: "Phone",
  title: "Title",
  leadSource: "LeadSource",
} as const;
/** Contacts add their account; leads their company. */
export const CONTACT_PUSH_FIELDS = { ...PERSON_PUSH_FIELDS, accountSfId: "AccountId" } as const;
export const LEAD_PUSH_FIELDS = { ...PERSON_PUSH_FIELDS, company: "Company", leadStatus: "Status" } as const;

export const ACCOUNT_PUSH_FIELDS = {
  name: "Name",
  website: "Website",
  industry: "Industry",
  phone: "Phone",
  city: "BillingCity",
  country: "BillingCountry",
  type: "Type",
} as const;

export const OPPORTUNITY_PUSH_FIELDS = {
  name: "Name",
  stageName: "StageName",
  amount: "Amount",
  closeDate: "CloseDate",
  accountSfId: "AccountId",
} as const;

export type TColumnFieldMap = Readonly<Record<string, string>>;

/** The Salesforce fields an edit changed: columns whose value differs, named as Salesforce names them. */
export function changedSalesforceFields(
  map: TColumnFieldMap,
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  const changed: string[] = [];
  for (const [column, field] of Object.entries(map)) {
    if (!(column in after)) continue;
    const from = before[column] ?? null;
    const to = after[column] ?? null;
    if (from !== to) changed.push(field);
  }
  return changed;
}

/** The Salesforce object an activity goes to. Notes depend on whether the org has enhanced notes. */
export function activitySalesforceObject(kind: TActivityKind, enhancedNotes: boolean): string {
  if (kind === "meeting") return "Event";
  if (kind === "note") return enhancedNotes ? "ContentNote" : "Note";
  return "Task";
}

/** A record type's words, for the activity log and the error log. */
export const PUSH_RECORD_WORDS: Record<TPushRecordType, string> = {
  account: "account",
  person: "person",
  opportunity: "opportunity",
  activity: "activity",
};

/** Typed columns that follow from a mapped one (a name from first and last names, a normalised key). */
const DERIVED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  firstName: ["name"],
  lastName: ["name"],
  email: ["emailNormalized"],
  website: ["domainNormalized"],
};

const PULLED_OBJECT_FIELDS: Readonly<Record<string, TColumnFieldMap>> = {
  Account: ACCOUNT_PUSH_FIELDS,
  Contact: CONTACT_PUSH_FIELDS,
  Lead: LEAD_PUSH_FIELDS,
  Opportunity: OPPORTUNITY_PUSH_FIELDS,
};

/**
 * A pull never overwrites a rep's edit that is still on its way to Salesforce: the typed columns
 * behind the pending Salesforce fields keep Tandem's values (Salesforce's copy is updated as
 * always). `"all"`: a create still pending, every mapped column is Tandem's.
 */
export function withoutPendingColumns<C extends Record<string, unknown>>(
  object: string,
  columns: C,
  pending: readonly string[] | "all",
): Partial<C> {
  const map = PULLED_OBJECT_FIELDS[object];
  if (!map) return columns;
  const kept: Record<string, unknown> = { ...columns };
  for (const [column, field] of Object.entries(map)) {
    if (pending !== "all" && !pending.includes(field)) continue;
    delete kept[column];
    for (const derived of DERIVED_COLUMNS[column] ?? []) delete kept[derived];
  }
  return kept as Partial<C>;
}
