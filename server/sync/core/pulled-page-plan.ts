import type { TActivityEntry } from "./activity-events";
import type { TLeadRetirement } from "./plan-lead-retirement";
import type { TPlannedProspectMark } from "./plan-prospect-marks";
import type { mapAccount, mapOpportunity, mapPerson } from "./pull-objects";
import type { TLeadSuppressionReason } from "./pulled-page-input";
import type { TSyncObject } from "./sync-objects";

/** What planning a pulled page decides (plan-pulled-page.ts), for the applier to write as it is. */

export type TApplySource = "pull" | "outbound";

/** `fresh`: rows this page brought that Tandem had never seen (first-load progress), not in the summary. */
export type TPulledPageCounts = {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  suppressed: number;
  fresh: number;
};

export function emptyPageCounts(): TPulledPageCounts {
  return { created: 0, updated: 0, deleted: 0, unchanged: 0, suppressed: 0, fresh: 0 };
}

/** The typed columns each object's records land in, besides the ones every CRM record has. */
export type TMappedColumns = {
  Account: ReturnType<typeof mapAccount>;
  Contact: ReturnType<typeof mapPerson>;
  Lead: ReturnType<typeof mapPerson>;
  Opportunity: ReturnType<typeof mapOpportunity>;
};

/** The values every pulled record writes on its row, whatever its object. */
export type TPulledCommonValues = {
  fields: Record<string, unknown>;
  ownerSfId: string | null;
  ownerName: string | null;
  systemModstamp: string | null;
  contentHash: string;
  sfCreatedAt: string | null;
  updatedAt: number;
  state: "active";
  mergedIntoId: null;
  /** Set when a pull links a record Tandem created (its Tandem_Id__c) to its Salesforce Id. */
  sfId?: string;
  /**
   * A linked record created in Tandem keeps its push state; the pull confirms it is pushed. A
   * record field mapping writes to in the same batch reads pending (MAP-4).
   */
  pushState?: "pushed" | "pending";
};

/** What a pulled record writes on its row: Salesforce's values, typed and as pulled; the record is active. */
export type TPulledValues<O extends TSyncObject> = TMappedColumns[O] & TPulledCommonValues;

/** What a pulled update writes: a rep's pending edit keeps its own columns (see push-fields.ts). */
export type TPulledUpdateValues<O extends TSyncObject> = Partial<TMappedColumns[O]> & TPulledCommonValues;

/** A new row: the values, and where it came from. */
export type TPulledInsert<O extends TSyncObject> = TPulledValues<O> & {
  id: string;
  sfId: string;
  source: TApplySource;
  createdAt: number;
};

export type TRemovalValues = {
  state: "deleted" | "merged";
  /** Merged records only: the master's Tandem id, null while Tandem does not hold it. A delete keeps the old value. */
  mergedIntoId?: string | null;
  systemModstamp: string | null;
  updatedAt: number;
};

export type TPlannedSuppression = {
  leadSfId: string;
  reason: TLeadSuppressionReason;
  contactSfId: string | null;
  email: string | null;
  suppressedAt: number;
};

/** What happened to one pulled record, the rule that decided it and why. */
export type TPulledRecordAction = {
  sfId: string;
  /** The Tandem record concerned; null when Tandem does not store the record. */
  recordId: string | null;
  kind:
    | "created"
    | "updated"
    | "restored"
    | "unchanged"
    | "stale-ignored"
    | "deleted"
    | "merged"
    | "already-removed"
    | "suppressed"
    | "retired";
  rule: "PULL-1" | "PULL-4" | "PULL-5" | "PUSH-2";
  reason: string;
};

export type TPulledPagePlan<O extends TSyncObject> = {
  object: O;
  now: number;
  /** One per pulled record, in page order. */
  actions: TPulledRecordAction[];
  inserts: Array<TPulledInsert<O>>;
  updates: Array<{ id: string; values: TPulledUpdateValues<O> }>;
  removals: Array<{ id: string; values: TRemovalValues }>;
  suppressions: TPlannedSuppression[];
  retirements: TLeadRetirement[];
  prospectMarks: TPlannedProspectMark[];
  /** Activity-log entries; written after the retirements have moved the leads' history. */
  activity: TActivityEntry[];
  counts: TPulledPageCounts;
};

export type TPlanContext<O extends TSyncObject> = {
  object: O;
  source: TApplySource;
  now: number;
  newId: () => string;
};
