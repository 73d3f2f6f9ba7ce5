import type { TCrmRecordType } from "./sync-objects";

/**
 * DUP-2: every event a record's activity log can hold — where the record came from and what sync
 * did to it. One union, so an event the pages cannot name (or one that is never written) is a
 * type error rather than a silent gap.
 */
export const ACTIVITY_EVENTS = [
  "created-by-pull",
  "created-by-outbound",
  "created-in-tandem",
  "imported",
  "updated-by-pull",
  "updated-by-outbound",
  "restored-by-pull",
  "restored-by-outbound",
  "retired-as-lead",
  "absorbed-lead",
  "deleted-in-salesforce",
  "merged-in-salesforce",
  "absorbed-merge",
  "matched-crm",
  "edited-in-tandem",
  "added-to-crm",
  "pushed-create",
  "pushed-update",
  "push-failed",
  "push-resolved",
  "linked-by-pull",
  "field-written",
  "field-reverted",
  "merged-in-tandem",
  "merge-undone",
] as const;
export type TActivityEvent = (typeof ACTIVITY_EVENTS)[number];

/** Records that keep an activity log: CRM records and prospects. */
export const ACTIVITY_RECORD_TYPES = ["person", "account", "opportunity", "prospect", "activity"] as const;
export type TActivityRecordType = TCrmRecordType | "prospect" | "activity";

/** One entry for a record's activity log, as planned by the engine and written by its appliers. */
export type TActivityEntry = {
  recordType: TActivityRecordType;
  recordId: string;
  at: number;
  event: TActivityEvent;
  message: string;
  details?: Record<string, unknown> | null;
};

/** Which event a pulled change writes, by how it arrived (pull or outbound message). */
export const APPLY_EVENTS = {
  pull: { created: "created-by-pull", updated: "updated-by-pull", restored: "restored-by-pull" },
  outbound: { created: "created-by-outbound", updated: "updated-by-outbound", restored: "restored-by-outbound" },
} as const satisfies Record<"pull" | "outbound", Record<"created" | "updated" | "restored", TActivityEvent>>;
