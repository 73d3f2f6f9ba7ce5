import { z } from "zod";
import { FIELD_MAPPING_MODES, MAPPED_OBJECTS } from "@/server/sync/core/field-mapping";

export const ZEnrichmentFilterSchema = z.object({
  object: z.enum(MAPPED_OBJECTS).optional(),
  /** A Salesforce field name. */
  field: z.string().trim().max(200).optional(),
  ownerSfId: z.string().trim().max(40).optional(),
  status: z.enum(["all", "empty", "differs"]).default("all"),
  /** Show fields a rep chose to keep as they are in Salesforce. */
  includeKept: z.boolean().default(false),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});
export type TEnrichmentFilter = z.input<typeof ZEnrichmentFilterSchema>;

export const ZEnrichmentFieldSchema = z.object({
  field: z.string(),
  label: z.string(),
  tandemField: z.string(),
  tandemLabel: z.string(),
  salesforceValue: z.string().nullable(),
  tandemValue: z.string(),
  /** `empty` in Salesforce, or the values `differ`. */
  status: z.enum(["empty", "differs"]),
  mode: z.enum(FIELD_MAPPING_MODES),
  /** A write of Tandem's value is on its way. */
  pending: z.boolean(),
  /** A rep chose to keep Salesforce's value; auto-overwrite leaves it. */
  kept: z.boolean(),
  /** Salesforce changed Tandem's value back once; auto-overwrite stopped. */
  reverted: z.boolean(),
});
export type TEnrichmentField = z.infer<typeof ZEnrichmentFieldSchema>;

export const ZEnrichmentRowSchema = z.object({
  recordType: z.enum(["person", "account"]),
  recordId: z.string(),
  object: z.enum(MAPPED_OBJECTS),
  name: z.string(),
  sfId: z.string(),
  ownerSfId: z.string().nullable(),
  ownerName: z.string().nullable(),
  prospectId: z.string(),
  fields: z.array(ZEnrichmentFieldSchema),
});
export type TEnrichmentRow = z.infer<typeof ZEnrichmentRowSchema>;

export const ZEnrichmentListSchema = z.object({
  rows: z.array(ZEnrichmentRowSchema),
  total: z.number().int(),
  /** Records linked to prospects at all (visible objects, known to Salesforce), listed or not. */
  linked: z.number().int(),
  /** Fields that differ or are empty across every matching record. */
  totalFields: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.object({
    objects: z.array(z.object({ object: z.enum(MAPPED_OBJECTS), records: z.number().int() })),
    fields: z.array(
      z.object({ object: z.enum(MAPPED_OBJECTS), field: z.string(), label: z.string(), records: z.number().int() }),
    ),
    owners: z.array(z.object({ sfId: z.string(), name: z.string(), records: z.number().int() })),
  }),
  /** PUSH-1 per object: an enrichment of an object whose kind is off asks to confirm a one-off push. */
  pushEnabled: z.record(z.enum(MAPPED_OBJECTS), z.boolean()),
});
export type TEnrichmentList = z.infer<typeof ZEnrichmentListSchema>;

/** Records (and optionally some of their fields) an action applies to. */
export const ZEnrichmentTargetSchema = z.object({
  items: z
    .array(
      z.object({
        recordType: z.enum(["person", "account"]),
        recordId: z.string().min(1).max(100),
        /** Salesforce fields; every comparable field of the record when absent. */
        fields: z.array(z.string().min(1).max(200)).max(100).optional(),
      }),
    )
    .min(1, { error: "Choose at least one record." })
    .max(1000, { error: "Choose at most 1,000 records at a time." }),
});

export const ZEnrichInputSchema = ZEnrichmentTargetSchema.extend({
  /** The rep confirmed pushing now although push is off for the kind. */
  oneOff: z.boolean().default(false),
});
export type TEnrichInput = z.input<typeof ZEnrichInputSchema>;

export const ZEnrichResultSchema = z.object({
  /** Field values queued for Salesforce. */
  fields: z.number().int(),
  records: z.number().int(),
  /** Objects whose push is off: nothing was queued; ask, then send again with `oneOff`. */
  pushOff: z.array(z.enum(MAPPED_OBJECTS)),
  oneOff: z.boolean(),
});
export type TEnrichResult = z.infer<typeof ZEnrichResultSchema>;

export const ZKeepResultSchema = z.object({ fields: z.number().int() });
