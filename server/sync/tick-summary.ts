import { z } from "zod";

const ZCounts = z.object({ created: z.number(), updated: z.number(), deleted: z.number(), unchanged: z.number() });

/** The tick summary: the public contract of GET /api/cron/sync and `tandem sync --json`. */
export const ZTickSummarySchema = z.object({
  ok: z.boolean(),
  tickId: z.string(),
  durationMs: z.number(),
  apiCalls: z.number(),
  more: z.boolean(),
  pull: z.object({
    Account: ZCounts,
    Contact: ZCounts,
    Lead: ZCounts.extend({ suppressed: z.number() }),
    Opportunity: ZCounts,
  }),
  push: z.record(z.string(), z.object({ created: z.number(), updated: z.number(), failed: z.number() })),
  /** Outbound-message notifications this tick applied, and those it gave up on (ERR-3). */
  outbound: z.object({ applied: z.number(), failed: z.number() }).optional(),
  /** DUP-1: the records this tick checked for potential duplicates, and how long that took. */
  duplicates: z.object({ checked: z.number(), durationMs: z.number() }).optional(),
  /** Present when something went wrong or work was held back: plain sentences (ERR-3). */
  failures: z.array(z.object({ object: z.string().optional(), code: z.string(), message: z.string() })).optional(),
  paused: z.enum(["api-budget", "disconnected", "broken", "cancelled"]).optional(),
});
export type TTickSummary = z.infer<typeof ZTickSummarySchema>;

export type TBusyTick = { ok: true; skipped: "busy" };
