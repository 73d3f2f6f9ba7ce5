import { z } from "zod";
import { PUSH_ERROR_STATES, PUSH_OPERATIONS, PUSH_RECORD_TYPES } from "@/server/sync/core/push-kinds";
import type { TRole } from "@/server/users/roles";

/** Who looks at the error log: admins see every error, members their own records' errors. */
export type TErrorViewer = { userId: string; role: TRole };

/**
 * The state filter. "open" is what needs attention: errors waiting for a fix and those being
 * retried (the state column tells them apart). It is the default, on the page and in the CLI.
 */
export const ERROR_STATE_FILTERS = ["open", "resolved", "dismissed", "all"] as const;
export type TErrorStateFilter = (typeof ERROR_STATE_FILTERS)[number];

export const ERROR_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_ERROR_PAGE_SIZE = 25;

export const ZPushErrorListInputSchema = z.object({
  state: z.enum(ERROR_STATE_FILTERS).default("open"),
  /** The Salesforce object, e.g. "Contact". */
  object: z.string().trim().min(1).max(80).optional(),
  /** Salesforce's error code, e.g. "REQUIRED_FIELD_MISSING". */
  code: z.string().trim().min(1).max(100).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.literal(ERROR_PAGE_SIZES, { error: "pageSize must be 25, 50 or 100." }).default(DEFAULT_ERROR_PAGE_SIZE),
});
export type TPushErrorListInput = z.input<typeof ZPushErrorListInputSchema>;

export const ZPushErrorHintSchema = z.object({
  summary: z.string(),
  fix: z.string(),
  createAnyway: z.boolean(),
});

export const ZPushErrorRowSchema = z.object({
  id: z.string(),
  /** When the push last failed (epoch ms); `firstAt` when this episode began. */
  at: z.number(),
  firstAt: z.number(),
  object: z.string(),
  operation: z.enum(PUSH_OPERATIONS),
  record: z.object({
    type: z.enum(PUSH_RECORD_TYPES),
    id: z.string(),
    name: z.string(),
    /** The profile that shows it: an activity opens its person's, opportunity's or account's. */
    href: z.string().nullable(),
  }),
  code: z.string(),
  message: z.string(),
  fields: z.array(z.string()),
  /** DUPLICATES_DETECTED: the existing Salesforce records, with a link while connected. */
  duplicates: z.array(z.object({ id: z.string(), object: z.string(), url: z.string().nullable() })),
  attempts: z.number().int(),
  state: z.enum(PUSH_ERROR_STATES),
  /** `warning`: nothing was rejected, but Tandem stopped writing a field (Salesforce keeps changing it). */
  severity: z.enum(["error", "warning"]),
  hint: ZPushErrorHintSchema,
  /** What the viewer can do with it now. */
  actions: z.object({ retry: z.boolean(), dismiss: z.boolean(), createAnyway: z.boolean() }),
});
export type TPushErrorRow = z.infer<typeof ZPushErrorRowSchema>;

export const ZPushErrorListSchema = z.object({
  rows: z.array(ZPushErrorRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** For the filters, over the viewer's errors in the chosen state: objects and codes present. */
  objects: z.array(z.string()),
  codes: z.array(z.object({ code: z.string(), total: z.number().int(), open: z.number().int() })),
});
export type TPushErrorList = z.infer<typeof ZPushErrorListSchema>;

/** Which errors an action applies to: some by id, every open one with a code, or every open one. */
export const ZErrorTargetSchema = z.union([
  z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(1000) }),
  z.object({ code: z.string().trim().min(1).max(100) }),
  z.object({ all: z.literal(true) }),
]);
export type TErrorTarget = z.infer<typeof ZErrorTargetSchema>;

export const ZRetryResultSchema = z.object({
  retried: z.number().int(),
  /** Targeted, but not in a state that can be retried (already retrying, or resolved). */
  skipped: z.number().int(),
});
export type TRetryResult = z.infer<typeof ZRetryResultSchema>;

export const ZDismissResultSchema = z.object({ dismissed: z.number().int(), skipped: z.number().int() });
export type TDismissResult = z.infer<typeof ZDismissResultSchema>;

export const ZOpenErrorCountSchema = z.object({ open: z.number().int() });
