import { z } from "zod";
import { PUSH_STATES } from "@/server/sync/core/push-kinds";
import { ZListContextSchema, ZPersonKindSchema, ZRecordLinkSchema, ZRecordSourceSchema } from "./record-schemas";

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

const ZPageSizeSchema = z.union(
  PAGE_SIZES.map((size) => z.literal(size)) as [z.ZodLiteral<25>, z.ZodLiteral<50>, z.ZodLiteral<100>],
  {
    error: "pageSize must be 25, 50 or 100.",
  },
);
const ZSearchSchema = z.string().trim().max(200, { error: "Search for at most 200 characters." });

/** What every list takes: a page, its size, a sort, a search and owner/source filters. */
const ZListBaseSchema = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: ZPageSizeSchema.default(DEFAULT_PAGE_SIZE),
  direction: z.enum(["asc", "desc"]).default("asc"),
  search: ZSearchSchema.default(""),
  owner: z.string().max(200).optional(),
  source: ZRecordSourceSchema.optional(),
});

export const PEOPLE_SORTS = ["name", "kind", "title", "company", "email", "owner", "source"] as const;
export const ZPeopleListInputSchema = ZListBaseSchema.extend({
  sort: z.enum(PEOPLE_SORTS).default("name"),
  kind: ZPersonKindSchema.optional(),
  /** Tandem id of an account: its contacts, for "view all" from an account's profile. */
  accountId: z.string().max(100).optional(),
});
export type TPeopleListInput = z.input<typeof ZPeopleListInputSchema>;

export const ACCOUNT_SORTS = ["name", "website", "industry", "location", "owner"] as const;
export const ZAccountsListInputSchema = ZListBaseSchema.extend({ sort: z.enum(ACCOUNT_SORTS).default("name") });
export type TAccountsListInput = z.input<typeof ZAccountsListInputSchema>;

export const OPPORTUNITY_STATUSES = ["open", "won", "lost"] as const;
export const OPPORTUNITY_SORTS = ["name", "account", "stage", "amount", "closeDate", "owner"] as const;
export const ZOpportunitiesListInputSchema = ZListBaseSchema.extend({
  sort: z.enum(OPPORTUNITY_SORTS).default("name"),
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  accountId: z.string().max(100).optional(),
});
export type TOpportunitiesListInput = z.input<typeof ZOpportunitiesListInputSchema>;

/** Fields every row carries: its profile id, owner, source and where it opens in Salesforce. */
const ZRowBaseSchema = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.string().nullable(),
  source: ZRecordSourceSchema,
  /** Where Tandem's writes to it stand (PUSH-2); null for a record Tandem never wrote. */
  pushState: z.enum(PUSH_STATES).nullable(),
  salesforceUrl: z.string().nullable(),
});

export const ZPersonRowSchema = ZRowBaseSchema.extend({
  kind: ZPersonKindSchema,
  title: z.string().nullable(),
  email: z.string().nullable(),
  /** A lead's company name; a contact's account name when the account is in view. */
  company: z.string().nullable(),
  account: ZRecordLinkSchema.nullable(),
});
export type TPersonRow = z.infer<typeof ZPersonRowSchema>;

export const ZAccountRowSchema = ZRowBaseSchema.extend({
  website: z.string().nullable(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  /** Null when PULL-2 hides contacts (or opportunities): the count is not shown then. */
  contactCount: z.number().int().nullable(),
  openOpportunityCount: z.number().int().nullable(),
});
export type TAccountRow = z.infer<typeof ZAccountRowSchema>;

export const ZOpportunityRowSchema = ZRowBaseSchema.extend({
  account: ZRecordLinkSchema.nullable(),
  stage: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  closeDate: z.string().nullable(),
  isClosed: z.boolean().nullable(),
  isWon: z.boolean().nullable(),
});
export type TOpportunityRow = z.infer<typeof ZOpportunityRowSchema>;

function listResult<T extends z.ZodType>(row: T) {
  return z.object({
    rows: z.array(row),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    context: ZListContextSchema,
    /** The account a list is narrowed to, by name, for the filter chip. */
    account: ZRecordLinkSchema.nullable(),
  });
}
export const ZPeopleListSchema = listResult(ZPersonRowSchema);
export const ZAccountsListSchema = listResult(ZAccountRowSchema);
export const ZOpportunitiesListSchema = listResult(ZOpportunityRowSchema);
export type TPeopleList = z.infer<typeof ZPeopleListSchema>;
export type TAccountsList = z.infer<typeof ZAccountsListSchema>;
export type TOpportunitiesList = z.infer<typeof ZOpportunitiesListSchema>;
