import "server-only";
import type { crmAccounts, crmPeople } from "@/db/schema";
import type { TActivityEntry, TActivityEvent } from "@/server/sync/core/activity-events";
import { normalizeDomain, normalizeEmailAddress } from "@/server/sync/core/normalize";
import type { TPushKind, TPushRecordType } from "@/server/sync/core/push-kinds";
import type { TEnqueueInput } from "@/server/sync/push/enqueue";
import { localNote, pushStateOfCreate, type TWriteContext, type TWriteUser } from "./write-context";

/*
 * The rows of records created in Tandem, shared by the forms and "Add to CRM": source "tandem",
 * no Salesforce values yet (`fields` stays empty until a pull brings them), the creator's owner,
 * and a push state from the kind's switch (PUSH-1).
 */

export type TNewAccountRow = typeof crmAccounts.$inferInsert;
export type TNewPersonRow = typeof crmPeople.$inferInsert;

export type TAccountValues = {
  name: string;
  website?: string | null;
  industry?: string | null;
  phone?: string | null;
  city?: string | null;
  country?: string | null;
};

export type TPersonValues = {
  kind: "contact" | "lead";
  firstName?: string | null;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  title?: string | null;
  company?: string | null;
  accountId?: string | null;
  accountSfId?: string | null;
  leadSource?: string | null;
  leadStatus?: string | null;
};

function createdColumns(id: string, kind: TPushKind, context: TWriteContext, user: TWriteUser, now: number) {
  return {
    id,
    sfId: null,
    fields: {},
    ownerSfId: context.owner.sfId,
    ownerName: context.owner.name,
    source: "tandem" as const,
    state: "active" as const,
    pushState: pushStateOfCreate(context.push, kind),
    createdBy: user.id,
    createdAt: now,
    updatedAt: now,
  };
}

export function newAccountRow(
  id: string,
  values: TAccountValues,
  context: TWriteContext,
  user: TWriteUser,
  now: number,
) {
  return {
    ...createdColumns(id, "accounts", context, user, now),
    name: values.name,
    website: values.website ?? null,
    domainNormalized: normalizeDomain(values.website),
    industry: values.industry ?? null,
    phone: values.phone ?? null,
    city: values.city ?? null,
    country: values.country ?? null,
  } satisfies TNewAccountRow;
}

/** A person's display name, as a pull computes it from FirstName and LastName. */
export function personName(firstName: string | null | undefined, lastName: string | null | undefined): string {
  return [firstName, lastName].filter(Boolean).join(" ") || "(no name)";
}

export function newPersonRow(id: string, values: TPersonValues, context: TWriteContext, user: TWriteUser, now: number) {
  const lead = values.kind === "lead";
  return {
    ...createdColumns(id, "people", context, user, now),
    kind: values.kind,
    firstName: values.firstName ?? null,
    lastName: values.lastName,
    name: personName(values.firstName, values.lastName),
    email: values.email ?? null,
    emailNormalized: normalizeEmailAddress(values.email),
    phone: values.phone ?? null,
    title: values.title ?? null,
    company: values.company ?? null,
    // Leads carry a company name; only contacts link to an account.
    accountId: lead ? null : (values.accountId ?? null),
    accountSfId: lead ? null : (values.accountSfId ?? null),
    leadSource: values.leadSource ?? null,
    leadStatus: lead ? (values.leadStatus ?? null) : null,
  } satisfies TNewPersonRow;
}

/** The lead status a new lead gets when the rep picks none: the org's default, when known. */
export function defaultLeadStatus(context: TWriteContext): string | null {
  return context.pushInfo?.leadStatuses.find((status) => status.isDefault)?.value ?? null;
}

/** DUP-2: where a record created in Tandem came from, and whether it stays in Tandem for now. */
export function createdEntry(
  input: { recordType: TPushRecordType; recordId: string; kind: TPushKind; pushState: "pending" | "local" },
  event: Extract<TActivityEvent, "created-in-tandem" | "added-to-crm">,
  message: string,
  now: number,
): TActivityEntry {
  return {
    recordType: input.recordType,
    recordId: input.recordId,
    at: now,
    event,
    message: `${message}${localNote(input.kind, input.pushState)}`,
  };
}

/** The outbox row of a new record: the whole record goes, so no fields are named. */
export function createPush(
  recordType: TPushRecordType,
  recordId: string,
  kind: TPushKind,
  user: TWriteUser,
  now: number,
  priority = 1,
): TEnqueueInput {
  return { recordType, recordId, kind, operation: "create", fields: [], priority, createdBy: user.id, now };
}
