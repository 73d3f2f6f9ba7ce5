import { z } from "zod";
import { PUSH_STATES } from "@/server/sync/core/push-kinds";
import { PERSON_KINDS } from "@/server/sync/core/sync-objects";
import {
  amountValue,
  clearableEmail,
  clearableText,
  clearableWebsite,
  dateText,
  optionalEmail,
  optionalText,
  optionalWebsite,
  recordId,
  requiredEdit,
  requiredText,
  SALESFORCE_LENGTHS as MAX,
} from "./input-fields";

/** How a person goes to Salesforce: as a Contact, or as a Lead (PUSH-1's per-person override). */
export const ZPersonObjectSchema = z.enum(["Contact", "Lead"], { error: 'Choose "Contact" or "Lead".' });

/**
 * "New person". The company is either an account picked from the list (`accountId`) or a typed
 * `companyName`: a contact gets the account found by email domain or name, or a new one
 * (`newAccount` creates one even when others match); a lead keeps the name as its Company.
 */
export const ZNewPersonSchema = z
  .object({
    firstName: optionalText("first name", MAX.firstName),
    lastName: requiredText("last name", MAX.lastName),
    email: optionalEmail,
    phone: optionalText("phone", MAX.phone),
    title: optionalText("title", MAX.title),
    leadSource: optionalText("lead source", MAX.leadSource),
    leadStatus: optionalText("lead status", MAX.leadStatus),
    accountId: recordId("account").optional(),
    companyName: optionalText("company", MAX.company),
    newAccount: z.boolean().default(false),
    /** Default: the workspace's choice (push settings, people). */
    as: ZPersonObjectSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.accountId && value.companyName) {
      ctx.addIssue({
        code: "custom",
        path: ["companyName"],
        message: "Pick an existing account or type a company name, not both.",
      });
    }
    if (value.newAccount && !value.companyName) {
      ctx.addIssue({ code: "custom", path: ["companyName"], message: "Type the name of the new account." });
    }
  });
export type TNewPersonInput = z.input<typeof ZNewPersonSchema>;

export const ZAccountCandidateSchema = z.object({ id: z.string(), name: z.string(), website: z.string().nullable() });
export type TAccountCandidate = z.infer<typeof ZAccountCandidateSchema>;

/** A record just written in Tandem: where it stands with Salesforce and who will own it there. */
export const ZWrittenRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  pushState: z.enum(PUSH_STATES),
  ownerSfId: z.string().nullable(),
  ownerName: z.string().nullable(),
});
export type TWrittenRecord = z.infer<typeof ZWrittenRecordSchema>;

/**
 * "New person" answers `created`, or `needs-account-choice` when several accounts match the typed
 * company: nothing is written, and the form asks which (then sends `accountId`, or
 * `newAccount: true`).
 */
export const ZCreatePersonResultSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("created"),
    person: ZWrittenRecordSchema.extend({ kind: z.enum(PERSON_KINDS) }),
    /** The contact's account; `created` when it was made for this person. */
    account: ZAccountCandidateSchema.extend({ created: z.boolean() }).nullable(),
  }),
  z.object({
    status: z.literal("needs-account-choice"),
    companyName: z.string(),
    candidates: z.array(ZAccountCandidateSchema),
    message: z.string(),
  }),
]);
export type TCreatePersonResult = z.infer<typeof ZCreatePersonResultSchema>;

/** "New account". */
export const ZNewAccountSchema = z.object({
  name: requiredText("account name", MAX.accountName),
  website: optionalWebsite,
  industry: optionalText("industry", MAX.industry),
  phone: optionalText("phone", MAX.phone),
  city: optionalText("city", MAX.city),
  country: optionalText("country", MAX.country),
});
export type TNewAccountInput = z.input<typeof ZNewAccountSchema>;

/** "New opportunity", from an account. The stage must be one of the org's (form.options). */
export const ZNewOpportunitySchema = z.object({
  accountId: recordId("account"),
  name: requiredText("opportunity name", MAX.opportunityName),
  stageName: requiredText("stage", MAX.stageName),
  closeDate: dateText("close date"),
  amount: amountValue.optional(),
});
export type TNewOpportunityInput = z.input<typeof ZNewOpportunitySchema>;

/** The fields a profile shows and a rep may edit, per record type. Unknown fields are refused. */
const ZPersonValuesSchema = z.strictObject({
  firstName: clearableText("first name", MAX.firstName),
  lastName: requiredEdit("last name", MAX.lastName),
  email: clearableEmail,
  phone: clearableText("phone", MAX.phone),
  title: clearableText("title", MAX.title),
  /** Leads only: a contact's company is its account. */
  company: requiredEdit("company", MAX.company),
  leadSource: clearableText("lead source", MAX.leadSource),
});
const ZAccountValuesSchema = z.strictObject({
  name: requiredEdit("account name", MAX.accountName),
  website: clearableWebsite,
  industry: clearableText("industry", MAX.industry),
  phone: clearableText("phone", MAX.phone),
  city: clearableText("city", MAX.city),
  country: clearableText("country", MAX.country),
  type: clearableText("type", MAX.type),
});
const ZOpportunityValuesSchema = z.strictObject({
  name: requiredEdit("opportunity name", MAX.opportunityName),
  stageName: requiredEdit("stage", MAX.stageName),
  amount: amountValue.nullable().optional(),
  closeDate: dateText("close date").optional(),
});

/** An edit: only the fields given change; `null` or "" clears a field that may be empty. */
export const ZRecordUpdateSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("person"), id: recordId("person"), values: ZPersonValuesSchema }),
    z.object({ type: z.literal("account"), id: recordId("account"), values: ZAccountValuesSchema }),
    z.object({ type: z.literal("opportunity"), id: recordId("opportunity"), values: ZOpportunityValuesSchema }),
  ],
  { error: 'Say which record to edit: type "person", "account" or "opportunity".' },
);
export type TRecordUpdateInput = z.input<typeof ZRecordUpdateSchema>;

/** The Salesforce fields the edit changed (none: nothing was written), and the record's push state. */
export const ZRecordUpdateResultSchema = z.object({
  changed: z.array(z.string()),
  pushState: z.enum(PUSH_STATES).nullable(),
});
export type TRecordUpdateResult = z.infer<typeof ZRecordUpdateResultSchema>;
