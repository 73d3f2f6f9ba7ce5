import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { createProspect } from "@/server/prospects/create-prospect";
import { getImportReport } from "@/server/prospects/import/get-import-report";
import { importProspects } from "@/server/prospects/import/import-prospects";
import { listImports } from "@/server/prospects/import/list-imports";
import { previewImport } from "@/server/prospects/import/preview-import";
import {
  ZImportInputSchema,
  ZImportPreviewSchema,
  ZImportReportSchema,
  ZImportResultSchema,
  ZImportSummarySchema,
  ZPreviewImportInputSchema,
} from "@/server/prospects/import/schemas";
import { listProspects } from "@/server/prospects/list-prospects";
import { loadSampleProspects } from "@/server/prospects/sample/load-sample-prospects";
import { ZSampleProspectsLoadSchema } from "@/server/prospects/sample/schemas";
import {
  ZListProspectsInputSchema,
  ZNewProspectSchema,
  ZProspectPageSchema,
  ZProspectSchema,
} from "@/server/prospects/schemas";

/** The prospect database: every member may list, add and import. */
export const prospectsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZListProspectsInputSchema)
    .output(ZProspectPageSchema)
    .query(({ ctx, input }) => listProspects(ctx.db, input)),
  create: protectedProcedure
    .input(ZNewProspectSchema)
    .output(ZProspectSchema)
    .mutation(({ ctx, input }) => createProspect(ctx.db, input, ctx.user, Date.now())),
  // A mutation, not a query: the whole file travels in the request body.
  previewImport: protectedProcedure
    .input(ZPreviewImportInputSchema)
    .output(ZImportPreviewSchema)
    .mutation(({ ctx, input }) => previewImport(ctx.db, input)),
  import: protectedProcedure
    .input(ZImportInputSchema)
    .output(ZImportResultSchema)
    .mutation(({ ctx, input }) => importProspects(ctx.db, input, ctx.user, Date.now())),
  // The CSV import of the bundled sample files: open to members, like any import.
  loadSample: protectedProcedure
    .output(ZSampleProspectsLoadSchema)
    .mutation(({ ctx }) => loadSampleProspects(ctx.db, ctx.user, Date.now())),
  imports: protectedProcedure.output(z.array(ZImportSummarySchema)).query(({ ctx }) => listImports(ctx.db)),
  importReport: protectedProcedure
    .input(z.object({ importId: z.string().min(1, { error: "importId is required." }) }))
    .output(ZImportReportSchema)
    .query(({ ctx, input }) => getImportReport(ctx.db, input.importId)),
});
