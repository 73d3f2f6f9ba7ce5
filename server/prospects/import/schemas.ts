import { z } from "zod";
import { ZProspectKindSchema } from "@/server/prospects/schemas";
import { PROSPECT_FIELDS } from "./prospect-fields";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export const ZColumnTargetSchema = z.enum([...PROSPECT_FIELDS, "extra", "ignore"], {
  error: "Choose a field, keep the column as an extra field, or ignore it.",
});

export const ZImportFileSchema = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, { error: "The file needs a name." })
    .max(255, { error: "Use a file name of at most 255 characters." }),
  kind: ZProspectKindSchema,
  // Checked in bytes by parseCsv with a clearer message; this only stops absurd payloads early.
  csv: z.string().max(MAX_IMPORT_BYTES, {
    error: "The file is larger than 10 MB. Split it into smaller files and import each one.",
  }),
});

export const ZPreviewImportInputSchema = ZImportFileSchema.extend({ mapping: z.array(ZColumnTargetSchema).optional() });
export type TPreviewImportInput = z.infer<typeof ZPreviewImportInputSchema>;

export const ZImportInputSchema = ZImportFileSchema.extend({ mapping: z.array(ZColumnTargetSchema) });
export type TImportInput = z.infer<typeof ZImportInputSchema>;

export const BAD_ROW_CODES = ["no-name", "bad-email", "duplicate-in-file", "already-a-prospect"] as const;
export type TBadRowCode = (typeof BAD_ROW_CODES)[number];

/** A rejected row: its line in the file, why, and its values by header, for the report. */
export const ZBadRowSchema = z.object({
  line: z.number(),
  code: z.enum(BAD_ROW_CODES),
  reason: z.string(),
  values: z.record(z.string(), z.string()),
});
export type TBadRow = z.infer<typeof ZBadRowSchema>;

export const ZPreviewRowSchema = z.object({
  line: z.number(),
  fields: z.partialRecord(z.enum(PROSPECT_FIELDS), z.string()),
  extra: z.record(z.string(), z.string()),
  problem: ZBadRowSchema.pick({ code: true, reason: true }).nullable(),
});
export type TPreviewRow = z.infer<typeof ZPreviewRowSchema>;

export const ZImportPreviewSchema = z.object({
  headers: z.array(z.string()),
  /** A few non-empty values of each column, to help map it. */
  columnSamples: z.array(z.array(z.string())),
  mapping: z.array(ZColumnTargetSchema),
  /** Why no row can be imported with this mapping (e.g. no name column), or null. */
  mappingProblem: z.string().nullable(),
  totalRows: z.number(),
  goodRows: z.number(),
  alreadyInCrm: z.number(),
  badRowCount: z.number(),
  /** The first rejected rows; the import's report keeps all of them. */
  badRows: z.array(ZBadRowSchema),
  previewRows: z.array(ZPreviewRowSchema),
});
export type TImportPreview = z.infer<typeof ZImportPreviewSchema>;

export const ZImportSummarySchema = z.object({
  id: z.string(),
  fileName: z.string(),
  kind: ZProspectKindSchema,
  totalRows: z.number(),
  importedRows: z.number(),
  badRows: z.number(),
  /** Imported prospects that are in the CRM now (matched on import or by a later pull). */
  inCrmRows: z.number(),
  createdAt: z.number(),
  createdBy: z.string().nullable(),
});
export type TImportSummary = z.infer<typeof ZImportSummarySchema>;

export const ZImportReportSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  badRows: z.array(ZBadRowSchema),
});
export type TImportReport = z.infer<typeof ZImportReportSchema>;

export const ZImportResultSchema = z.object({
  summary: ZImportSummarySchema,
  /** The first rejected rows; the whole report is downloadable. */
  badRows: z.array(ZBadRowSchema),
});
export type TImportResult = z.infer<typeof ZImportResultSchema>;
