import { z } from "zod";

/**
 * The CRM vocabulary, defined once: the Salesforce objects Tandem syncs, the kinds of CRM record
 * they land as, and the states and sources a record can have. The database schema, the engine,
 * the API and the pages all import these lists, so a new value is added in exactly one place.
 */
export const SYNC_OBJECTS = ["Account", "Contact", "Lead", "Opportunity"] as const;
export type TSyncObject = (typeof SYNC_OBJECTS)[number];
export const ZSyncObjectSchema = z.enum(SYNC_OBJECTS);

/** A CRM record's type in Tandem: contacts and leads are both people (PULL-4 needs them side by side). */
export const CRM_RECORD_TYPES = ["person", "account", "opportunity"] as const;
export type TCrmRecordType = (typeof CRM_RECORD_TYPES)[number];

export const PERSON_KINDS = ["contact", "lead"] as const;
export type TPersonKind = (typeof PERSON_KINDS)[number];

/** Where a record came from (DUP-2). */
export const RECORD_SOURCES = ["pull", "outbound", "tandem", "import"] as const;
export type TRecordSource = (typeof RECORD_SOURCES)[number];

export const RECORD_STATES = ["active", "retired", "deleted", "merged"] as const;
export type TRecordState = (typeof RECORD_STATES)[number];

/** How each synced object lands in Tandem. */
export const SYNC_OBJECT_SPECS = {
  Account: { recordType: "account", personKind: null },
  Contact: { recordType: "person", personKind: "contact" },
  Lead: { recordType: "person", personKind: "lead" },
  Opportunity: { recordType: "opportunity", personKind: null },
} as const satisfies Record<TSyncObject, { recordType: TCrmRecordType; personKind: TPersonKind | null }>;

/** The Salesforce object of a CRM record (a person is a Contact or a Lead by its kind). */
export function syncObjectOf(recordType: TCrmRecordType, personKind: TPersonKind | null): TSyncObject {
  if (recordType === "account") return "Account";
  if (recordType === "opportunity") return "Opportunity";
  return personKind === "lead" ? "Lead" : "Contact";
}
