import { z } from "zod";
import {
  CRM_RECORD_TYPES,
  PERSON_KINDS,
  RECORD_SOURCES,
  RECORD_STATES,
  SYNC_OBJECTS,
} from "@/server/sync/core/sync-objects";

/* Shared vocabulary of the workspace pages, from the one definition in server/sync/core. */
export const PERSON_KIND_VALUES = PERSON_KINDS;
export const RECORD_SOURCE_VALUES = RECORD_SOURCES;
export const RECORD_STATE_VALUES = RECORD_STATES;
export const SALESFORCE_OBJECTS = SYNC_OBJECTS;

export const ZPersonKindSchema = z.enum(PERSON_KIND_VALUES);
export const ZRecordSourceSchema = z.enum(RECORD_SOURCE_VALUES);
export const ZRecordStateSchema = z.enum(RECORD_STATE_VALUES);
export const ZSalesforceObjectSchema = z.enum(SALESFORCE_OBJECTS);
export type TPersonKind = z.infer<typeof ZPersonKindSchema>;
export type TRecordSource = z.infer<typeof ZRecordSourceSchema>;
export type TRecordState = z.infer<typeof ZRecordStateSchema>;
export type TSalesforceObject = z.infer<typeof ZSalesforceObjectSchema>;

export const ZRecordTypeSchema = z.enum(CRM_RECORD_TYPES);
export type TRecordType = z.infer<typeof ZRecordTypeSchema>;

/** A link to another record: enough to render its name as a link to its profile. */
export const ZRecordLinkSchema = z.object({ id: z.string(), name: z.string() });
export type TRecordLink = z.infer<typeof ZRecordLinkSchema>;

/**
 * What a page needs to explain an empty or partial list: whether Salesforce is connected,
 * whether the first sync of the objects behind the page finished, and which of them PULL-2 hides.
 */
export const ZListContextSchema = z.object({
  connected: z.boolean(),
  firstSyncFinished: z.boolean(),
  hiddenObjects: z.array(ZSalesforceObjectSchema),
});
export type TListContext = z.infer<typeof ZListContextSchema>;

export const ZOwnerOptionSchema = z.object({ value: z.string(), label: z.string() });
export type TOwnerOption = z.infer<typeof ZOwnerOptionSchema>;
