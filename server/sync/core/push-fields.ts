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
