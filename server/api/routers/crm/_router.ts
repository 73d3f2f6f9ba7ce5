import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import {
  ZActivityListInputSchema,
  ZActivityListSchema,
  ZActivitySchema,
  ZCompleteTaskSchema,
  ZLogActivitySchema,
} from "@/server/records/write/activity-schemas";
import { addProspectsToCrm } from "@/server/records/write/add-prospects-to-crm";
import { completeTask } from "@/server/records/write/complete-task";
import { createAccount } from "@/server/records/write/create-account";
import { createOpportunity } from "@/server/records/write/create-opportunity";
import { createPerson } from "@/server/records/write/create-person";
import {
  ZAccountSearchInputSchema,
  ZAccountSearchResultSchema,
  ZAddToCrmInputSchema,
  ZAddToCrmResultSchema,
  ZFormOptionsSchema,
  ZOwnerPreviewSchema,
} from "@/server/records/write/form-schemas";
import { getFormOptions } from "@/server/records/write/get-form-options";
import { getSyncHistory, ZSyncHistoryInputSchema, ZSyncHistorySchema } from "@/server/records/write/get-sync-history";
import { listActivities } from "@/server/records/write/list-activities";
import { logActivity } from "@/server/records/write/log-activity";
import { previewOwner } from "@/server/records/write/resolve-owner";
import {
  ZCreatePersonResultSchema,
  ZNewAccountSchema,
  ZNewOpportunitySchema,
  ZNewPersonSchema,
  ZRecordUpdateResultSchema,
  ZRecordUpdateSchema,
  ZWrittenRecordSchema,
} from "@/server/records/write/schemas";
import { searchAccounts } from "@/server/records/write/search-accounts";
import { updateRecord } from "@/server/records/write/update-record";
import { schedulePush } from "@/server/sync/push/schedule-push";

/**
 * What reps create and edit in Tandem: people, accounts, opportunities and activities, each
 * written with its activity log entry and outbox row; every write is pushed right after the
 * response (schedulePush) when push is on for its kind.
 */
export const crmRouter = createTRPCRouter({
  people: createTRPCRouter({
    create: protectedProcedure
      .input(ZNewPersonSchema)
      .output(ZCreatePersonResultSchema)
      .mutation(async ({ ctx, input }) => {
        const result = await createPerson(ctx.db, input, ctx.user, Date.now());
        if (result.status === "created") await schedulePush(ctx.db);
        return result;
      }),
  }),
  accounts: createTRPCRouter({
    create: protectedProcedure
      .input(ZNewAccountSchema)
      .output(ZWrittenRecordSchema)
      .mutation(async ({ ctx, input }) => {
        const account = await createAccount(ctx.db, input, ctx.user, Date.now());
        await schedulePush(ctx.db);
        return account;
      }),
    search: protectedProcedure
      .input(ZAccountSearchInputSchema)
      .output(ZAccountSearchResultSchema)
      .query(({ ctx, input }) => searchAccounts(ctx.db, input)),
  }),
  opportunities: createTRPCRouter({
    create: protectedProcedure
      .input(ZNewOpportunitySchema)
      .output(ZWrittenRecordSchema)
      .mutation(async ({ ctx, input }) => {
        const opportunity = await createOpportunity(ctx.db, input, ctx.user, Date.now());
        await schedulePush(ctx.db);
        return opportunity;
      }),
  }),
  activities: createTRPCRouter({
    log: protectedProcedure
      .input(ZLogActivitySchema)
      .output(ZActivitySchema)
      .mutation(async ({ ctx, input }) => {
        const activity = await logActivity(ctx.db, input, ctx.user, Date.now());
        await schedulePush(ctx.db);
        return activity;
      }),
    complete: protectedProcedure
      .input(ZCompleteTaskSchema)
      .output(ZActivitySchema)
      .mutation(async ({ ctx, input }) => {
        const task = await completeTask(ctx.db, input, ctx.user, Date.now());
        await schedulePush(ctx.db);
        return task;
      }),
    list: protectedProcedure
      .input(ZActivityListInputSchema)
      .output(ZActivityListSchema)
      .query(({ ctx, input }) => listActivities(ctx.db, input)),
  }),
  records: createTRPCRouter({
    update: protectedProcedure
      .input(ZRecordUpdateSchema)
      .output(ZRecordUpdateResultSchema)
      .mutation(async ({ ctx, input }) => {
        const result = await updateRecord(ctx.db, input, ctx.user, Date.now());
        if (result.changed.length > 0) await schedulePush(ctx.db);
        return result;
      }),
  }),
  prospects: createTRPCRouter({
    addToCrm: protectedProcedure
      .input(ZAddToCrmInputSchema)
      .output(ZAddToCrmResultSchema)
      .mutation(async ({ ctx, input }) => {
        const result = await addProspectsToCrm(ctx.db, input.target, { as: input.as }, ctx.user, Date.now());
        if (result.created > 0) await schedulePush(ctx.db);
        return result;
      }),
  }),
  owner: createTRPCRouter({
    preview: protectedProcedure.output(ZOwnerPreviewSchema).query(({ ctx }) => previewOwner(ctx.db, ctx.user)),
  }),
  form: createTRPCRouter({
    options: protectedProcedure.output(ZFormOptionsSchema).query(({ ctx }) => getFormOptions(ctx.db)),
  }),
  /** ERR-2: a record's pushes and push errors, newest first. */
  syncHistory: protectedProcedure
    .input(ZSyncHistoryInputSchema)
    .output(ZSyncHistorySchema)
    .query(({ ctx, input }) => getSyncHistory(ctx.db, { userId: ctx.user.id, role: ctx.user.role }, input)),
});
