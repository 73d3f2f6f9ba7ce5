import { z } from "zod";
import { ZActivityInputSchema, ZActivityPageSchema } from "@/server/records/activity-schemas";
import { getAccount } from "@/server/records/get-account";
import { getOpportunity } from "@/server/records/get-opportunity";
import { getPerson } from "@/server/records/get-person";
import { getRelated } from "@/server/records/get-related";
import { listAccounts } from "@/server/records/list-accounts";
import { listActivity } from "@/server/records/list-activity";
import { listOpportunities } from "@/server/records/list-opportunities";
import { listOwners } from "@/server/records/list-owners";
import { listPeople } from "@/server/records/list-people";
import {
  ZAccountsListInputSchema,
  ZAccountsListSchema,
  ZOpportunitiesListInputSchema,
  ZOpportunitiesListSchema,
  ZPeopleListInputSchema,
  ZPeopleListSchema,
} from "@/server/records/list-schemas";
import {
  ZAccountProfileResultSchema,
  ZOpportunityProfileResultSchema,
  ZPersonProfileResultSchema,
  ZRelatedSchema,
} from "@/server/records/profile-schemas";
import { ZOwnerOptionSchema, ZRecordTypeSchema } from "@/server/records/record-schemas";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";

const ZIdSchema = z.object({ id: z.string().min(1, { error: "id is required." }).max(100) });

/** The workspace pages' reads: lists, profiles, related records and activity logs of CRM records. */
export const recordsRouter = createTRPCRouter({
  people: createTRPCRouter({
    list: protectedProcedure
      .input(ZPeopleListInputSchema)
      .output(ZPeopleListSchema)
      .query(({ ctx, input }) => listPeople(ctx.db, input)),
    get: protectedProcedure
      .input(ZIdSchema)
      .output(ZPersonProfileResultSchema)
      .query(({ ctx, input }) => getPerson(ctx.db, input.id)),
  }),
  accounts: createTRPCRouter({
    list: protectedProcedure
      .input(ZAccountsListInputSchema)
      .output(ZAccountsListSchema)
      .query(({ ctx, input }) => listAccounts(ctx.db, input)),
    get: protectedProcedure
      .input(ZIdSchema)
      .output(ZAccountProfileResultSchema)
      .query(({ ctx, input }) => getAccount(ctx.db, input.id)),
  }),
  opportunities: createTRPCRouter({
    list: protectedProcedure
      .input(ZOpportunitiesListInputSchema)
      .output(ZOpportunitiesListSchema)
      .query(({ ctx, input }) => listOpportunities(ctx.db, input)),
    get: protectedProcedure
      .input(ZIdSchema)
      .output(ZOpportunityProfileResultSchema)
      .query(({ ctx, input }) => getOpportunity(ctx.db, input.id)),
  }),
  owners: protectedProcedure
    .input(z.object({ object: z.enum(["people", "accounts", "opportunities"]) }))
    .output(z.array(ZOwnerOptionSchema))
    .query(({ ctx, input }) => listOwners(ctx.db, input.object)),
  related: protectedProcedure
    .input(ZIdSchema.extend({ type: ZRecordTypeSchema }))
    .output(ZRelatedSchema)
    .query(({ ctx, input }) => getRelated(ctx.db, input.type, input.id)),
  activity: protectedProcedure
    .input(ZActivityInputSchema)
    .output(ZActivityPageSchema)
    .query(({ ctx, input }) => listActivity(ctx.db, input)),
});
