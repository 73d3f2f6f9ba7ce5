import { z } from "zod";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { countOpenErrors } from "@/server/push-errors/count-open-errors";
import { createAnyway } from "@/server/push-errors/create-anyway";
import { dismissPushErrors } from "@/server/push-errors/dismiss-push-errors";
import { listPushErrors } from "@/server/push-errors/list-push-errors";
import {
  type TErrorViewer,
  ZDismissResultSchema,
  ZErrorTargetSchema,
  ZOpenErrorCountSchema,
  ZPushErrorListInputSchema,
  ZPushErrorListSchema,
  ZRetryResultSchema,
} from "@/server/push-errors/push-error-schemas";
import { retryPushErrors } from "@/server/push-errors/retry-push-errors";
import { checkPushFields } from "@/server/settings/check-push-fields";
import { getPushSettings } from "@/server/settings/get-push-settings";
import {
  ZPushSettingsUpdateResultSchema,
  ZPushSettingsUpdateSchema,
  ZPushSettingsViewSchema,
  ZTandemIdCheckSchema,
} from "@/server/settings/push-settings-schemas";
import { updatePushSettings } from "@/server/settings/update-push-settings";
import { schedulePush } from "@/server/sync/push/schedule-push";

const viewerOf = (user: { id: string; role: TErrorViewer["role"] }): TErrorViewer => ({
  userId: user.id,
  role: user.role,
});

/**
 * ERR-1's error log (admins see every error, members their own records') and PUSH-1's switches.
 * A retried push is sent right after the response.
 */
export const pushRouter = createTRPCRouter({
  errors: createTRPCRouter({
    list: protectedProcedure
      .input(ZPushErrorListInputSchema)
      .output(ZPushErrorListSchema)
      .query(({ ctx, input }) => listPushErrors(ctx.db, viewerOf(ctx.user), input)),
    count: protectedProcedure
      .output(ZOpenErrorCountSchema)
      .query(({ ctx }) => countOpenErrors(ctx.db, viewerOf(ctx.user))),
    retry: protectedProcedure
      .input(ZErrorTargetSchema)
      .output(ZRetryResultSchema)
      .mutation(async ({ ctx, input }) => {
        const result = await retryPushErrors(ctx.db, viewerOf(ctx.user), input, Date.now());
        if (result.retried > 0) await schedulePush(ctx.db);
        return result;
      }),
    createAnyway: protectedProcedure
      .input(z.object({ id: z.string().min(1).max(100) }))
      .output(ZRetryResultSchema)
      .mutation(async ({ ctx, input }) => {
        const result = await createAnyway(ctx.db, viewerOf(ctx.user), input.id, Date.now());
        if (result.retried > 0) await schedulePush(ctx.db);
        return result;
      }),
    dismiss: protectedProcedure
      .input(ZErrorTargetSchema)
      .output(ZDismissResultSchema)
      .mutation(({ ctx, input }) => dismissPushErrors(ctx.db, viewerOf(ctx.user), input)),
  }),
  settings: createTRPCRouter({
    get: adminProcedure.output(ZPushSettingsViewSchema).query(({ ctx }) => getPushSettings(ctx.db)),
    update: adminProcedure
      .input(ZPushSettingsUpdateSchema)
      .output(ZPushSettingsUpdateResultSchema)
      .mutation(async ({ ctx, input }) => {
        const result = await updatePushSettings(ctx.db, input, Date.now());
        if (result.kinds.some((kind) => kind.enabled && kind.pending > 0)) await schedulePush(ctx.db);
        return result;
      }),
    checkOrg: adminProcedure.output(ZTandemIdCheckSchema).mutation(({ ctx }) => checkPushFields(ctx.db, Date.now())),
  }),
});
