import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { decideDuplicate } from "@/server/duplicates/decide-duplicate";
import {
  ZDuplicateDecisionInputSchema,
  ZDuplicateListInputSchema,
  ZDuplicateListSchema,
} from "@/server/duplicates/duplicate-schemas";
import { DUPLICATE_RECORD_TYPES } from "@/server/duplicates/duplicate-vocabulary";
import { findSimilarRecords, ZSimilarInputSchema } from "@/server/duplicates/find-similar-records";
import { listDuplicatePairs } from "@/server/duplicates/list-duplicate-pairs";
import { getMergePreview } from "@/server/duplicates/merge/get-merge-preview";
import { listIgnoredRecords, resumeSyncing } from "@/server/duplicates/merge/ignored-records";
import { mergeDuplicates } from "@/server/duplicates/merge/merge-duplicates";
import {
  ZMergeInputSchema,
  ZMergePreviewInputSchema,
  ZUndoMergeInputSchema,
} from "@/server/duplicates/merge/merge-schemas";
import { undoMerge } from "@/server/duplicates/merge/undo-merge";
import { recordDuplicates } from "@/server/duplicates/record-duplicates";
import { schedulePush } from "@/server/sync/push/schedule-push";

/**
 * DUP-1 and DUP-3 for every rep: the review queue, a record's potential duplicates, "Not a
 * duplicate" and "Later", the merge dialog and the merge, and its undo. Admins also see and
 * shorten the list of Salesforce records Tandem no longer syncs (a setting).
 */
export const duplicatesRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZDuplicateListInputSchema)
    .output(ZDuplicateListSchema)
    .query(({ ctx, input }) => listDuplicatePairs(ctx.db, input)),
  forRecord: protectedProcedure
    .input(z.object({ type: z.enum(DUPLICATE_RECORD_TYPES), id: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => recordDuplicates(ctx.db, input)),
  decide: protectedProcedure
    .input(ZDuplicateDecisionInputSchema)
    .mutation(({ ctx, input }) => decideDuplicate(ctx.db, input, { userId: ctx.user.id, now: Date.now() })),
  mergePreview: protectedProcedure
    .input(ZMergePreviewInputSchema)
    .query(({ ctx, input }) => getMergePreview(ctx.db, input.pairId)),
  merge: protectedProcedure.input(ZMergeInputSchema).mutation(async ({ ctx, input }) => {
    if (input.stopSyncing && ctx.user.role !== "admin") {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: "Only admins can stop syncing a Salesforce record. Merge without it, or ask an admin.",
      });
    }
    const result = await mergeDuplicates(ctx.db, input, ctx.user, Date.now());
    await schedulePush(ctx.db);
    return result;
  }),
  undoMerge: protectedProcedure.input(ZUndoMergeInputSchema).mutation(async ({ ctx, input }) => {
    // Undoing a merge that stopped syncing a record takes it off the ignore list (resumeSyncing).
    if (ctx.user.role !== "admin") {
      const merge = await ctx.db.query.recordMerges.findFirst({
        columns: { stoppedSyncing: true },
        where: (merges, { eq }) => eq(merges.id, input.mergeId),
      });
      if (merge?.stoppedSyncing) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: "Only admins can undo a merge that stopped syncing a Salesforce record: ask an admin.",
        });
      }
    }
    return undoMerge(ctx.db, input.mergeId, ctx.user, Date.now());
  }),
  similar: protectedProcedure.input(ZSimilarInputSchema).query(({ ctx, input }) => findSimilarRecords(ctx.db, input)),
  ignored: adminProcedure.query(({ ctx }) => listIgnoredRecords(ctx.db)),
  resumeSyncing: adminProcedure
    .input(z.object({ sfId: z.string().min(15).max(18) }))
    .mutation(({ ctx, input }) => resumeSyncing(ctx.db, input.sfId)),
});
