import { z } from "zod";
import { ZSalesforceEnvironmentSchema } from "@/server/salesforce/environments";
import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { getRequestOrigin } from "@/server/http/request-origin";
import { startSalesforceConnect } from "@/server/http/salesforce-oauth-start";
import { getConnectionInfo, ZConnectionInfoSchema } from "@/server/salesforce/connection-info";
import { disconnectSalesforce } from "@/server/salesforce/disconnect";
import { refreshApiLimits } from "@/server/salesforce/refresh-limits";

const ZStartSchema = z.object({
  environment: ZSalesforceEnvironmentSchema,
  customUrl: z.string().trim().max(300).optional(),
});

export const salesforceRouter = createTRPCRouter({
  connection: adminProcedure
    .output(ZConnectionInfoSchema)
    .query(async ({ ctx }) => getConnectionInfo(ctx.db, await getRequestOrigin())),
  startConnect: adminProcedure
    .input(ZStartSchema)
    .output(z.object({ authorizeUrl: z.string() }))
    .mutation(({ ctx, input }) => startSalesforceConnect(ctx.db, { ...input, userId: ctx.user.id })),
  refreshLimits: adminProcedure
    .output(z.object({ used: z.number(), max: z.number() }))
    .mutation(({ ctx }) => refreshApiLimits(ctx.db, Date.now())),
  disconnect: adminProcedure
    .output(z.object({ revoked: z.boolean() }))
    .mutation(({ ctx }) => disconnectSalesforce(ctx.db)),
});
