import { z } from "zod";
import { PROSPECT_KINDS } from "@/db/schema";
import { normalizeDomain } from "@/server/sync/core/normalize";

export const ZProspectKindSchema = z.enum(PROSPECT_KINDS, { error: "Choose people or companies." });
export type TProspectKind = z.infer<typeof ZProspectKindSchema>;

const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters for the ${label}.` })
    .optional()
    .transform((value) => value || undefined);

/** A prospect added by hand. A person needs a name or a first/last name; a company a name. */
export const ZNewProspectSchema = z
  .object({
    kind: ZProspectKindSchema,
    name: optionalText("name"),
    firstName: optionalText("first name", 100),
    lastName: optionalText("last name", 100),
    email: z
      .string()
      .trim()
      .max(254, { error: "Use at most 254 characters for the email." })
      .optional()
      .transform((value) => value || undefined)
      .pipe(z.email({ error: "Enter a valid email address, like jane@acme.com, or leave it empty." }).optional()),
    title: optionalText("job title"),
    company: optionalText("company"),
    website: optionalText("website", 500),
    phone: optionalText("phone", 50),
    city: optionalText("city", 100),
    country: optionalText("country", 100),
    linkedinUrl: optionalText("LinkedIn URL", 500),
    industry: optionalText("industry", 100),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "person" && !value.name && !value.firstName && !value.lastName) {
      ctx.addIssue({
        code: "custom",
        path: ["name"],
        message: "Enter the person's name (a first or last name is enough).",
      });
    }
    if (value.kind === "company" && !value.name) {
      ctx.addIssue({ code: "custom", path: ["name"], message: "Enter the company's name." });
    }
    if (value.website && !normalizeDomain(value.website)) {
      ctx.addIssue({
        code: "custom",
        path: ["website"],
        message: "Enter a website like acme.com or https://www.acme.com, or leave it empty.",
      });
    }
  });
export type TNewProspect = z.infer<typeof ZNewProspectSchema>;

export const ZCrmLinkSchema = z.object({
  type: z.enum(["person", "account"]),
  id: z.string(),
  since: z.number(),
  /** The CRM record's page in Tandem. */
  href: z.string(),
});

/** What the UI sees of a prospect. */
export const ZProspectSchema = z.object({
  id: z.string(),
  kind: ZProspectKindSchema,
  name: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  company: z.string().nullable(),
  website: z.string().nullable(),
  domain: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  industry: z.string().nullable(),
  source: z.enum(["import", "manual"]),
  createdAt: z.number(),
  inCrm: ZCrmLinkSchema.nullable(),
});
export type TProspect = z.infer<typeof ZProspectSchema>;

export const PROSPECT_SORT_FIELDS = ["name", "company", "email", "domain", "createdAt"] as const;

export const ZListProspectsInputSchema = z.object({
  kind: ZProspectKindSchema.optional(),
  search: z.string().trim().max(200, { error: "Use at most 200 characters to search." }).optional(),
  includeInCrm: z.boolean().default(false),
  sort: z.enum(PROSPECT_SORT_FIELDS).default("createdAt"),
  direction: z.enum(["asc", "desc"]).default("desc"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
});
export type TListProspectsInput = z.input<typeof ZListProspectsInputSchema>;

export const ZProspectPageSchema = z.object({
  rows: z.array(ZProspectSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Prospects that match the search and kind but are hidden because they are in the CRM. */
  hiddenInCrm: z.number(),
});
export type TProspectPage = z.infer<typeof ZProspectPageSchema>;
