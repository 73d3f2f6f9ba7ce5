import { z } from "zod";
import { ZImportSummarySchema } from "@/server/prospects/import/schemas";

/** What loading the sample prospects did: one import of companies, one of people. */
export const ZSampleProspectsLoadSchema = z.object({
  people: ZImportSummarySchema,
  companies: ZImportSummarySchema,
});
export type TSampleProspectsLoad = z.infer<typeof ZSampleProspectsLoadSchema>;
