import type { TFieldMappingMode, TMappedObject } from "@/server/sync/core/field-mapping";

/** How the page names each object, its records, its push kind (PUSH-1) and its records' pages. */
export const OBJECT_WORDS: Record<
  TMappedObject,
  { one: string; many: string; tab: string; pushKind: "people" | "accounts"; recordPath: string }
> = {
  Contact: { one: "contact", many: "contacts", tab: "Contacts", pushKind: "people", recordPath: "/people" },
  Lead: { one: "lead", many: "leads", tab: "Leads", pushKind: "people", recordPath: "/people" },
  Account: { one: "account", many: "accounts", tab: "Accounts", pushKind: "accounts", recordPath: "/accounts" },
};

/** Each mode's name and what it does at a pull, in one line (MAP-2, MAP-3). */
export const MODE_WORDS: Record<TFieldMappingMode, { label: string; explanation: string }> = {
  off: { label: "Off", explanation: "Never written by a pull" },
  "auto-fill": { label: "Auto-fill", explanation: "Fill when empty in Salesforce" },
  "auto-overwrite": { label: "Auto-overwrite", explanation: "Overwrite when different" },
};

const numbers = new Intl.NumberFormat("en");

/** "1 field", "1,204 records". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${numbers.format(count)} ${count === 1 ? one : many}`;
}

/** The preview's headline: what the next pull writes with the rows on screen. */
export function writesSentence(preview: { writes: number; records: number }): string {
  if (preview.writes === 0) return "With these rows the next pull writes nothing to Salesforce.";
  return `The next pull writes ${countOf(preview.writes, "field")} on ${countOf(preview.records, "record")}.`;
}

/** A field the last pulls did not fetch: nothing is decided on it until the next pull brings it. */
export function unknownSentence(unknown: { label: string; records: number }): string {
  return `${unknown.label} is not pulled yet for ${countOf(unknown.records, "record")}: the next pull fetches ${
    unknown.records === 1 ? "it" : "them"
  }, then decides.`;
}

const DAY_MS = 24 * 60 * 60_000;

/** Whether opening the page reads the org's fields again: never read, or not within a day. */
export function orgFieldsAreStale(checkedAt: number | null, now: number): boolean {
  return checkedAt === null || now - checkedAt > DAY_MS;
}

/** Where one object's rows stand, beside Save. */
export function saveStatus(state: {
  pending: boolean;
  dirty: boolean;
  saved: boolean;
  complete: boolean;
  blocked: boolean;
  current: boolean;
}): string {
  if (state.pending) return "Saving…";
  if (!state.dirty) return state.saved ? "Saved. Each pull applies it." : "No changes.";
  if (!state.complete) return "Choose both fields of every row to save.";
  if (state.blocked) return "Fix the rows marked with a problem to save.";
  return state.current ? "Unsaved changes." : "Checking the changes…";
}
