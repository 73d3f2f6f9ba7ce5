import { z } from "zod";
import {
  ZPersonKindSchema,
  ZRecordLinkSchema,
  ZRecordSourceSchema,
  ZRecordStateSchema,
  ZSalesforceObjectSchema,
} from "./record-schemas";

/** How the UI renders a value; guessed from the value for fields Tandem has no column for. */
export const FIELD_FORMATS = [
  "text",
  "email",
  "phone",
  "url",
  "date",
  "datetime",
  "currency",
  "number",
  "percent",
  "boolean",
] as const;
export const ZFieldFormatSchema = z.enum(FIELD_FORMATS);
export type TFieldFormat = z.infer<typeof ZFieldFormatSchema>;

export const ZFieldSchema = z.object({
  /** The Salesforce API name, or Tandem's column for values Salesforce does not hold. */
  key: z.string(),
  label: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  format: ZFieldFormatSchema,
});
export type TField = z.infer<typeof ZFieldSchema>;

/** What a profile header and fields card need, whatever the object. */
const ZProfileBaseSchema = z.object({
  id: z.string(),
  name: z.string(),
  object: ZSalesforceObjectSchema,
  source: ZRecordSourceSchema,
  state: ZRecordStateSchema,
  owner: z.string().nullable(),
  sfId: z.string().nullable(),
  salesforceUrl: z.string().nullable(),
  /** When Tandem last changed its copy (ms); for a retired, deleted or merged record: when that happened. */
  updatedAt: z.number(),
  /** The surviving record of a merge (or the contact a retired lead became), when Tandem has it. */
  survivor: ZRecordLinkSchema.nullable(),
  /** The org currency of this record's amounts (CurrencyIsoCode when the org has several). */
  currency: z.string().nullable(),
  /** The typed columns, in the order the card shows them. */
  summary: z.array(ZFieldSchema),
  /** Every other field pulled from Salesforce, labelled. */
  salesforceFields: z.array(ZFieldSchema),
});

export const ZPersonProfileSchema = ZProfileBaseSchema.extend({
  type: z.literal("person"),
  kind: ZPersonKindSchema,
  title: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
});
export const ZAccountProfileSchema = ZProfileBaseSchema.extend({
  type: z.literal("account"),
  website: z.string().nullable(),
});
export const ZOpportunityProfileSchema = ZProfileBaseSchema.extend({
  type: z.literal("opportunity"),
  stage: z.string().nullable(),
});
export type TPersonProfile = z.infer<typeof ZPersonProfileSchema>;
export type TAccountProfile = z.infer<typeof ZAccountProfileSchema>;
export type TOpportunityProfile = z.infer<typeof ZOpportunityProfileSchema>;

/** PULL-2: a hidden record's profile says so instead of showing it. */
const ZHiddenSchema = z.object({ status: z.literal("hidden"), object: ZSalesforceObjectSchema });
export const ZPersonProfileResultSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("ok"), profile: ZPersonProfileSchema }),
  ZHiddenSchema,
]);
export const ZAccountProfileResultSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("ok"), profile: ZAccountProfileSchema }),
  ZHiddenSchema,
]);
export const ZOpportunityProfileResultSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("ok"), profile: ZOpportunityProfileSchema }),
  ZHiddenSchema,
]);
export type TPersonProfileResult = z.infer<typeof ZPersonProfileResultSchema>;
export type TAccountProfileResult = z.infer<typeof ZAccountProfileResultSchema>;
export type TOpportunityProfileResult = z.infer<typeof ZOpportunityProfileResultSchema>;

/** A row in a related list. */
export const ZRelatedRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** One line under the name: a title, a stage and amount… */
  detail: z.string().nullable(),
  kind: ZPersonKindSchema.nullable(),
  salesforceUrl: z.string().nullable(),
});
export type TRelatedRecord = z.infer<typeof ZRelatedRecordSchema>;

/** A related list: its first rows and total, or hidden by PULL-2 (then it says so). */
export const ZRelatedListSchema = z.object({
  object: ZSalesforceObjectSchema,
  hidden: z.boolean(),
  total: z.number().int(),
  records: z.array(ZRelatedRecordSchema),
  /** Where "View all" goes: the list narrowed to this account. */
  viewAllHref: z.string().nullable(),
});
export type TRelatedList = z.infer<typeof ZRelatedListSchema>;

export const ZRelatedSchema = z.object({
  /** The account of a contact or opportunity: null when there is none or accounts are hidden. */
  account: ZRelatedRecordSchema.nullable(),
  accountHidden: z.boolean(),
  lists: z.array(ZRelatedListSchema),
});
export type TRelated = z.infer<typeof ZRelatedSchema>;
