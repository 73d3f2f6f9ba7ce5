import { z } from "zod";
import { ZRecordTypeSchema } from "./record-schemas";

export const ACTIVITY_PAGE_SIZE = 50;

/** "<at>:<id>" of the last entry shown; the next page starts strictly after it. */
export const ZActivityCursorSchema = z
  .string()
  .regex(/^\d{1,16}:\d{1,16}$/, { error: "cursor must look like <at>:<id>." });

export const ZActivityInputSchema = z.object({
  type: ZRecordTypeSchema,
  id: z.string().min(1).max(100),
  cursor: ZActivityCursorSchema.nullish(),
  limit: z.number().int().min(1).max(200).default(ACTIVITY_PAGE_SIZE),
});
export type TActivityInput = z.input<typeof ZActivityInputSchema>;

export const ZFieldChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type TFieldChange = z.infer<typeof ZFieldChangeSchema>;

export const ZActivityEntrySchema = z.object({
  id: z.number().int(),
  /** Milliseconds since the epoch. */
  at: z.number(),
  /** e.g. created-by-pull, updated-by-pull, retired-as-lead, merged-in-salesforce (db/schema.ts). */
  event: z.string(),
  message: z.string(),
  changes: z.array(ZFieldChangeSchema),
});
export type TActivityEntry = z.infer<typeof ZActivityEntrySchema>;

export const ZActivityPageSchema = z.object({
  entries: z.array(ZActivityEntrySchema),
  nextCursor: z.string().nullable(),
  hidden: z.boolean(),
});
export type TActivityPage = z.infer<typeof ZActivityPageSchema>;
