import { z } from "zod";
import { normalizeDomain } from "@/server/sync/core/normalize";

/**
 * Field validators the create and edit forms share. Lengths are Salesforce's, so a value Tandem
 * accepts is one Salesforce accepts too; each message names the field and what to do.
 */
export const SALESFORCE_LENGTHS = {
  firstName: 40,
  lastName: 80,
  title: 128,
  email: 80,
  phone: 40,
  company: 255,
  leadSource: 255,
  leadStatus: 255,
  accountName: 255,
  website: 255,
  industry: 255,
  city: 40,
  country: 80,
  type: 255,
  opportunityName: 120,
  stageName: 255,
  subject: 255,
  classicNoteTitle: 80,
  location: 255,
  callOutcome: 255,
  body: 32_000,
} as const;

const tooLong = (label: string, max: number) => `Use at most ${max} characters for the ${label} (Salesforce's limit).`;

/** Trimmed text; empty means not given. */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong(label, max) })
    .optional()
    .transform((value) => value || undefined);

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, { error: `Enter the ${label}.` })
    .max(max, { error: tooLong(label, max) });

/** An edit of a field that may be cleared: empty text or null clears it, absent leaves it. */
export const clearableText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong(label, max) })
    .nullable()
    .optional()
    .transform((value) => (value === undefined ? undefined : value || null));

/** An edit of a field Salesforce requires: it can change but not be emptied. */
export const requiredEdit = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: `The ${label} cannot be empty (Salesforce requires it).` })
    .max(max, { error: tooLong(label, max) })
    .optional();

const EMAIL_ERROR = "Enter a valid email address, like jane@acme.com, or leave it empty.";

export const optionalEmail = z
  .string()
  .trim()
  .max(SALESFORCE_LENGTHS.email, { error: tooLong("email", SALESFORCE_LENGTHS.email) })
  .optional()
  .transform((value) => value || undefined)
  .pipe(z.email({ error: EMAIL_ERROR }).optional());

export const clearableEmail = z
  .string()
  .trim()
  .max(SALESFORCE_LENGTHS.email, { error: tooLong("email", SALESFORCE_LENGTHS.email) })
  .nullable()
  .optional()
  .transform((value) => (value === undefined ? undefined : value || null))
  .pipe(z.email({ error: EMAIL_ERROR }).nullable().optional());

const WEBSITE_ERROR = "Enter a website like acme.com or https://www.acme.com, or leave it empty.";

export const optionalWebsite = optionalText("website", SALESFORCE_LENGTHS.website).refine(
  (value) => value === undefined || normalizeDomain(value) !== null,
  { error: WEBSITE_ERROR },
);

export const clearableWebsite = clearableText("website", SALESFORCE_LENGTHS.website).refine(
  (value) => value === undefined || value === null || normalizeDomain(value) !== null,
  { error: WEBSITE_ERROR },
);

/** A calendar date as Salesforce's date fields take it. */
export const dateText = (label: string) => z.iso.date({ error: `Enter the ${label} as YYYY-MM-DD, like 2026-03-31.` });

// Salesforce's Amount is a currency of 16 digits before the point.
const MAX_AMOUNT = 1e16;
export const amountValue = z
  .number({ error: "Enter the amount as a number, like 12500." })
  .refine(Number.isFinite, { error: "Enter the amount as a number, like 12500." })
  .refine((value) => Math.abs(value) < MAX_AMOUNT, { error: "Enter an amount below 10,000,000,000,000,000." });

/** A Tandem id of a record to act on. */
export const recordId = (label: string) =>
  z
    .string({ error: `Choose the ${label}.` })
    .trim()
    .min(1, { error: `Choose the ${label}.` })
    .max(100, { error: `The ${label} id is too long: pick it from the list.` });
