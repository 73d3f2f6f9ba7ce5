import { adminProcedure, createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { enrichRecords, keepSalesforceValues } from "@/server/mapping/enrich-records";
import {
  ZEnrichInputSchema,
  ZEnrichmentFilterSchema,
  ZEnrichmentListSchema,
  ZEnrichmentTargetSchema,
  ZEnrichResultSchema,
  ZKeepResultSchema,
} from "@/server/mapping/enrichment-schemas";
import { checkMappingFields } from "@/server/mapping/check-mapping-fields";
import { getMappingView } from "@/server/mapping/get-mapping-view";
import { listEnrichment } from "@/server/mapping/list-enrichment";
import { ZMappingChangeSchema, ZMappingPreviewSchema, ZMappingViewSchema } from "@/server/mapping/mapping-schemas";
import { previewMapping } from "@/server/mapping/preview-mapping";
import { saveFieldMapping } from "@/server/mapping/save-field-mapping";
import { schedulePush } from "@/server/sync/push/schedule-push";

/**
 * MAP-1 to MAP-4 for admins (`/settings/mapping`: the mapping per object, its preview, saving
 * it, reading the org's fields again) and MAP-5 for every rep (`/enrichment`: the worklist, "Use
 * Tandem's value", "Keep Salesforce's value"). An enrichment is pushed right after the response.
 */
export const mappingRouter = createTRPCRouter({
  view: adminProcedure.output(ZMappingViewSchema).query(({ ctx }) => getMappingView(ctx.db)),
  preview: adminProcedure
    .input(ZMappingChangeSchema.pick({ object: true, entries: true }))
    .output(ZMappingPreviewSchema)
    .query(({ ctx, input }) => previewMapping(ctx.db, input)),
  save: adminProcedure
    .input(ZMappingChangeSchema)
    .output(ZMappingViewSchema)
    .mutation(({ ctx, input }) => saveFieldMapping(ctx.db, input, Date.now())),
  checkOrg: adminProcedure.output(ZMappingViewSchema).mutation(({ ctx }) => checkMappingFields(ctx.db, Date.now())),
});

export const enrichmentRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZEnrichmentFilterSchema)
    .output(ZEnrichmentListSchema)
    .query(({ ctx, input }) => listEnrichment(ctx.db, input)),
  useTandemValue: protectedProcedure
    .input(ZEnrichInputSchema)
    .output(ZEnrichResultSchema)
    .mutation(async ({ ctx, input }) => {
      const result = await enrichRecords(ctx.db, ctx.user, input, Date.now());
      if (result.fields > 0) await schedulePush(ctx.db);
      return result;
    }),
  keepSalesforceValue: protectedProcedure
    .input(ZEnrichmentTargetSchema)
    .output(ZKeepResultSchema)
    .mutation(({ ctx, input }) => keepSalesforceValues(ctx.db, ctx.user, input, Date.now())),
});
