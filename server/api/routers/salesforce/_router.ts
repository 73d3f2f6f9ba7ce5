import { z } from "zod";
import { ZSalesforceEnvironmentSchema } from "@/server/salesforce/environments";
import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { AppError } from "@/server/errors";
import { getRequestOrigin } from "@/server/http/request-origin";
import { loginUrlFor } from "@/server/salesforce/app-credentials";
import { getConnectionInfo, ZConnectionInfoSchema } from "@/server/salesforce/connection-info";
import { disconnectSalesforce } from "@/server/salesforce/disconnect";
import { startOAuthFlow } from "@/server/salesforce/oauth-flow";
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
    .mutation(async ({ ctx, input }) => {
      const loginUrl = loginUrlFor(input.environment, { customUrl: input.customUrl });
      if (!loginUrl) {
        throw new AppError(
          "BAD_REQUEST",
          input.environment === "demo"
            ? "The demo org is not running. Start Tandem with npm run demo."
            : "Enter your My Domain URL, like https://yourcompany.my.salesforce.com.",
        );
      }
      return startOAuthFlow(ctx.db, {
        environment: input.environment,
        loginUrl,
        origin: await getRequestOrigin(),
        userId: ctx.user.id,
        now: Date.now(),
      });
    }),
  refreshLimits: adminProcedure
    .output(z.object({ used: z.number(), max: z.number() }))
    .mutation(({ ctx }) => refreshApiLimits(ctx.db, Date.now())),
  disconnect: adminProcedure
    .output(z.object({ revoked: z.boolean() }))
    .mutation(({ ctx }) => disconnectSalesforce(ctx.db)),
});
