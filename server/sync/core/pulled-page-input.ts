import type { TShownLead } from "./lead-suppression";
import { normalizeDomain, normalizeEmailAddress } from "./normalize";
import type { TUnlinkedProspect } from "./plan-prospect-marks";
import { bool, TANDEM_ID_FIELD, text, type TPulledRecord } from "./pull-objects";
import { SYNC_OBJECT_SPECS, type TRecordState, type TSyncObject } from "./sync-objects";

/**
 * What planning a pulled page needs from the database, read before the plan (no query of its
 * own, no transaction held open): the keys to look up, and what the lookups found.
 */

/** A Tandem row already stored for one of the page's Salesforce Ids. */
export type TStoredRecord = {
  id: string;
  /** Null only for a record created in Tandem whose push outcome is not stored (PUSH-2). */
  sfId: string | null;
  state: TRecordState;
  contentHash: string | null;
  systemModstamp: string | null;
  fields: Record<string, unknown>;
  name: string;
  /** Salesforce fields of a rep's edit not yet pushed ("all": a create not yet pushed). */
  pendingFields?: readonly string[] | "all";
};

export type TLeadSuppressionReason = "converted" | "email-match";

export type TPulledPageExisting = {
  /** The stored rows for the page's Salesforce Ids, by Salesforce Id. */
  records: ReadonlyMap<string, TStoredRecord>;
  /** Tandem ids of the masters the page's merged records name (MasterRecordId), by Salesforce Id. */
  masterIdBySfId: ReadonlyMap<string, string>;
  /** Lead pages: the page's leads already suppressed (PULL-4 remembers them). */
  suppressedLeads: ReadonlyMap<string, { reason: TLeadSuppressionReason; contactSfId: string | null }>;
  /** Lead pages: active contacts having one of the page's emails, by email. */
  activeContactSfIdByEmail: ReadonlyMap<string, string>;
  /** Lead pages: the Tandem ids of the contacts a lead may give way to, by Salesforce Id. */
  contactIdBySfId: ReadonlyMap<string, string>;
  /** Contact pages: active leads having one of the page's emails, or converted into one of its contacts. */
  shownLeads: readonly TShownLead[];
  /** PULL-3: prospects not yet in the CRM whose key one of the page's records has. */
  unlinkedProspects: readonly TUnlinkedProspect[];
  /**
   * PUSH-2: records created in Tandem and not yet linked to Salesforce, by Tandem id, for the
   * page's `Tandem_Id__c` values: a pulled record carrying one is that record, never a second one.
   */
  tandemRecords: ReadonlyMap<string, TStoredRecord>;
};

export function emptyPageExisting(): TPulledPageExisting {
  return {
    records: new Map(),
    masterIdBySfId: new Map(),
    suppressedLeads: new Map(),
    activeContactSfIdByEmail: new Map(),
    contactIdBySfId: new Map(),
    shownLeads: [],
    unlinkedProspects: [],
    tandemRecords: new Map(),
  };
}

/** The keys the read phase looks up for a page, each list without repeats. */
export type TPulledPageKeys = {
  sfIds: string[];
  masterSfIds: string[];
  /** People pages: normalised emails (PULL-4 on both orders, PULL-3). */
  emails: string[];
  /** Account pages: normalised web domains (PULL-3). */
  domains: string[];
  /** Lead pages: the contacts the leads were converted into (PULL-4). */
  convertedContactSfIds: string[];
  /** Tandem ids the page's records carry in `Tandem_Id__c` (PUSH-2). */
  tandemIds: string[];
};

export function pulledPageKeys(object: TSyncObject, records: readonly TPulledRecord[]): TPulledPageKeys {
  const people = SYNC_OBJECT_SPECS[object].recordType === "person";
  const masterOf = (record: TPulledRecord) => (bool(record, "IsDeleted") ? text(record, "MasterRecordId") : null);
  return {
    sfIds: unique(records.map((record) => record.Id)),
    masterSfIds: unique(records.map(masterOf)),
    emails: people ? unique(records.map((record) => normalizeEmailAddress(text(record, "Email")))) : [],
    domains: object === "Account" ? unique(records.map((record) => normalizeDomain(text(record, "Website")))) : [],
    convertedContactSfIds: object === "Lead" ? unique(records.map((record) => text(record, "ConvertedContactId"))) : [],
    tandemIds: unique(records.map((record) => text(record, TANDEM_ID_FIELD))),
  };
}

function unique(values: Array<string | null>): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))];
}
