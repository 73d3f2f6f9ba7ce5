import { z } from "zod";
import { FIELD_MAPPING_MODES, MAPPED_OBJECTS } from "@/server/sync/core/field-mapping";
import { FIELD_WRITE_SOURCES } from "@/server/sync/core/plan-field-writes";

export const ZMappedObjectSchema = z.enum(MAPPED_OBJECTS);
export const ZFieldMappingModeSchema = z.enum(FIELD_MAPPING_MODES);

export const ZMappingEntryInputSchema = z.object({
  tandem: z.string().trim().min(1).max(200),
  salesforce: z.string().trim().min(1).max(200),
  mode: ZFieldMappingModeSchema,
});
export type TMappingEntryInput = z.infer<typeof ZMappingEntryInputSchema>;

/** One object's mapping as the page edits it. */
export const ZMappingChangeSchema = z.object({
  object: ZMappedObjectSchema,
  entries: z.array(ZMappingEntryInputSchema).max(100),
  /** The admin confirmed a change that writes more than 1,000 records at the next pull. */
  confirmLargeWrite: z.boolean().default(false),
});
export type TMappingChange = z.infer<typeof ZMappingChangeSchema>;

const ZTandemFieldSchema = z.object({ name: z.string(), label: z.string(), kind: z.string() });
const ZSalesforceFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  length: z.number(),
  picklistValues: z.array(z.string()),
});

export const ZMappingViewSchema = z.object({
  connected: z.boolean(),
  /** When the org's fields were read last; null before the first describe. */
  checkedAt: z.number().nullable(),
  objects: z.array(
    z.object({
      object: ZMappedObjectSchema,
      /** False while the object shows its default pairs. */
      saved: z.boolean(),
      /** PUSH-1 for the object's kind: without it nothing is sent (the page says so). */
      pushEnabled: z.boolean(),
      linkedRecords: z.number().int(),
      entries: z.array(
        ZMappingEntryInputSchema.extend({
          tandemLabel: z.string(),
          salesforceLabel: z.string(),
          salesforceType: z.string().nullable(),
          /** Why it cannot work against the org (deleted field, read-only…): skipped until fixed. */
          problem: z.string().nullable(),
        }),
      ),
      tandemFields: z.array(ZTandemFieldSchema),
      /** Updateable fields of types Tandem can fill, custom ones too. */
      salesforceFields: z.array(ZSalesforceFieldSchema),
    }),
  ),
});
export type TMappingView = z.infer<typeof ZMappingViewSchema>;

export const ZFieldChangeExampleSchema = z.object({
  recordId: z.string(),
  name: z.string(),
  field: z.string(),
  label: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  source: z.enum(FIELD_WRITE_SOURCES),
});

/** What the next pull would do with a mapping: computed from Tandem's data, without API calls. */
export const ZMappingPreviewSchema = z.object({
  object: ZMappedObjectSchema,
  linkedRecords: z.number().int(),
  writes: z.number().int(),
  records: z.number().int(),
  byField: z.array(z.object({ field: z.string(), label: z.string(), writes: z.number().int() })),
  examples: z.array(ZFieldChangeExampleSchema),
  /** Data that Salesforce may refuse (too long, not a picklist value, not an email…), in words. */
  warnings: z.array(z.string()),
  /** Entries that cannot work against the org, with why (index -1: the whole list). */
  problems: z.array(z.object({ index: z.number().int(), message: z.string() })),
  /** Fields not pulled yet for some records: the next pull fetches them, then decides. */
  unknown: z.array(z.object({ field: z.string(), label: z.string(), records: z.number().int() })),
  needsConfirmation: z.boolean(),
  pushEnabled: z.boolean(),
});
export type TMappingPreview = z.infer<typeof ZMappingPreviewSchema>;

/** Above this many records, saving a mapping asks for an explicit confirmation. */
export const LARGE_WRITE_RECORDS = 1000;
