import { z } from "zod";
import { SYNC_OBJECTS } from "@/server/sync/core/sync-objects";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { getRequestOrigin } from "@/server/http/request-origin";
import { completeSetupStep, getSetupProgress, ZSetupProgressSchema } from "@/server/setup/setup-progress";
import { getPullVisibility, setPullVisibility, ZPullVisibilitySchema } from "@/server/settings/pull-visibility";
import { enableDemoRealtime } from "@/server/sync/outbound/enable-demo-realtime";
import { getOutboundInfo, ZOutboundInfoSchema } from "@/server/sync/outbound/outbound-info";
import { runTick } from "@/server/sync/run-tick";
import { getSyncDashboard } from "@/server/status/sync-dashboard";
import { getSyncProgress, ZSyncProgressSchema } from "@/server/status/sync-progress";
import { getSyncOptions, updateSyncOptions } from "@/server/sync/sync-options";

/** An interactive tick ("Sync now", the wizard) answers within a page's patience. */
const INTERACTIVE_BUDGET_MS = 20_000;

export const syncRouter = createTRPCRouter({
  // PULL-2's switches are a setting: only the admin's wizard reads them (pages apply them server-side).
  visibility: adminProcedure.output(ZPullVisibilitySchema).query(({ ctx }) => getPullVisibility(ctx.db)),
  setVisibility: adminProcedure
    .input(z.object({ object: z.enum(SYNC_OBJECTS), visible: z.boolean() }))
    .output(ZPullVisibilitySchema)
    .mutation(({ ctx, input }) => setPullVisibility(ctx.db, input.object, input.visible)),
  progress: protectedProcedure.output(ZSyncProgressSchema).query(({ ctx }) => getSyncProgress(ctx.db, Date.now())),
  dashboard: protectedProcedure.query(({ ctx }) => getSyncDashboard(ctx.db, Date.now())),
  options: adminProcedure.query(({ ctx }) => getSyncOptions(ctx.db)),
  runNow: adminProcedure
    .input(z.object({ trigger: z.enum(["manual", "wizard"]).default("manual") }))
    .mutation(async ({ ctx, input }) => {
      // "Run" also lifts a pause the admin set with Cancel.
      await updateSyncOptions(ctx.db, { pausedByAdmin: false });
      return runTick(ctx.db, input.trigger, { budgetMs: INTERACTIVE_BUDGET_MS });
    }),
  pause: adminProcedure.mutation(async ({ ctx }) => {
    await updateSyncOptions(ctx.db, { pausedByAdmin: true });
    return { paused: true };
  }),
  setupProgress: adminProcedure.output(ZSetupProgressSchema).query(({ ctx }) => getSetupProgress(ctx.db, Date.now())),
  completeSetupStep: adminProcedure
    .input(z.object({ step: z.enum(["pull", "push", "realtime"]) }))
    .mutation(async ({ ctx, input }) => {
      await completeSetupStep(ctx.db, input.step);
      return { ok: true };
    }),
  outbound: adminProcedure
    .output(ZOutboundInfoSchema)
    .query(async ({ ctx }) => getOutboundInfo(ctx.db, await getRequestOrigin())),
  enableDemoOutbound: adminProcedure.mutation(async ({ ctx }) => enableDemoRealtime(ctx.db, await getRequestOrigin())),
});
