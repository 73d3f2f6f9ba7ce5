import { z } from "zod";
import { PUSH_KINDS } from "@/server/sync/core/push-kinds";
import { TASK_PRIORITIES, TASK_STATUSES } from "./activity-schemas";
import { recordId } from "./input-fields";
import { ZPersonObjectSchema } from "./schemas";

/** Who owns a record created in Tandem, in Salesforce (server/records/write/resolve-owner.ts). */
export const ZResolvedOwnerSchema = z.object({
  sfId: z.string().nullable(),
  name: z.string().nullable(),
  matchedBy: z.enum(["email", "connected-user", "none"]),
});
export type TResolvedOwner = z.infer<typeof ZResolvedOwnerSchema>;

/** The owner a form shows, with its sentence: "Owner in Salesforce: X (matched by your email)." */
export const ZOwnerPreviewSchema = ZResolvedOwnerSchema.extend({ message: z.string() });
export type TOwnerPreview = z.infer<typeof ZOwnerPreviewSchema>;

const ZPicklistValueSchema = z.object({ value: z.string(), label: z.string(), isDefault: z.boolean() });

/**
 * What the create and edit forms offer. The org's picklists come from the describe check the push
 * engine runs; before the first check (`checked: false`) stages and lead statuses are empty and any
 * text is accepted.
 */
export const ZFormOptionsSchema = z.object({
  checked: z.boolean(),
  checkedAt: z.number().nullable(),
  opportunityStages: z.array(ZPicklistValueSchema),
  leadStatuses: z.array(ZPicklistValueSchema),
  /** Possible task owners: the org's active users. */
  users: z.array(z.object({ id: z.string(), name: z.string() })),
  taskPriorities: z.array(z.enum(TASK_PRIORITIES)),
  taskStatuses: z.array(z.enum(TASK_STATUSES)),
  /** Whether notes go as enhanced notes (ContentNote) or classic ones (Note, title up to 80 characters). */
  enhancedNotes: z.boolean(),
  /** What "New person" creates unless the rep chooses otherwise. */
  personDefault: ZPersonObjectSchema,
  /** PUSH-1 per kind: what is created while a kind is off stays in Tandem ("Not in Salesforce"). */
  pushEnabled: z.record(z.enum(PUSH_KINDS), z.boolean()),
});
export type TFormOptions = z.infer<typeof ZFormOptionsSchema>;

export const ACCOUNT_SEARCH_LIMIT = 20;

/** The account picker: active accounts whose name starts with the query (case-insensitive). */
export const ZAccountSearchInputSchema = z.object({
  query: z.string().trim().max(255, { error: "Use at most 255 characters to search." }).default(""),
  limit: z.number().int().min(1).max(ACCOUNT_SEARCH_LIMIT).default(ACCOUNT_SEARCH_LIMIT),
});
export type TAccountSearchInput = z.input<typeof ZAccountSearchInputSchema>;

export const ZAccountSearchResultSchema = z.object({
  accounts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      website: z.string().nullable(),
      city: z.string().nullable(),
      country: z.string().nullable(),
      inSalesforce: z.boolean(),
    }),
  ),
  /** PULL-2: accounts are hidden from view in this workspace, so none are offered. */
  hidden: z.boolean(),
});
export type TAccountSearchResult = z.infer<typeof ZAccountSearchResultSchema>;

/** A bulk action's id list: the prospect list's selection. */
export const MAX_ADD_TO_CRM_IDS = 10_000;

/** "Add to CRM": some prospects, or every prospect not in the CRM yet; people as contacts or leads. */
export const ZAddToCrmInputSchema = z.object({
  target: z.union(
    [
      z.object({
        ids: z
          .array(recordId("prospect"))
          .min(1, { error: "Select at least one prospect." })
          .max(MAX_ADD_TO_CRM_IDS, { error: `Add at most ${MAX_ADD_TO_CRM_IDS} prospects at once, or add them all.` }),
      }),
      z.object({ all: z.literal(true) }),
    ],
    { error: "Send the prospect ids ({ ids: [...] }) or { all: true }." },
  ),
  /** Default: the workspace's choice (push settings, people). */
  as: z.enum(["contact", "lead"], { error: 'Choose "contact" or "lead".' }).optional(),
});
export type TAddToCrmInput = z.input<typeof ZAddToCrmInputSchema>;

export const MAX_PROBLEMS = 100;

/**
 * `created`: prospects that became new CRM records; `alreadyInCrm`: prospects that were linked
 * already or are now linked to the one existing record with their email (people) or domain
 * (companies); `skipped`: prospects that cannot be added, with their reasons (`problems`, the
 * first 100). `accountsCreated` counts accounts made for people's companies; `withoutAccount`
 * contacts left without one because several accounts match their company.
 */
export const ZAddToCrmResultSchema = z.object({
  created: z.number().int(),
  skipped: z.number().int(),
  alreadyInCrm: z.number().int(),
  accountsCreated: z.number().int(),
  withoutAccount: z.number().int(),
  problems: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type TAddToCrmResult = z.infer<typeof ZAddToCrmResultSchema>;
