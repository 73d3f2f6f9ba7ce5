import type { TEnrichmentList, TEnrichmentRow } from "@/server/mapping/enrichment-schemas";
import type { TMappedObject } from "@/server/sync/core/field-mapping";

/** What an action sends for one record: its id and the Salesforce fields it applies to. */
export type TEnrichmentItem = {
  recordType: TEnrichmentRow["recordType"];
  recordId: string;
  fields: string[];
};

/**
 * "Use Tandem's value" for a record, or some of its fields: the fields the page shows, less those
 * already on their way. Naming the fields keeps a record's hidden fields (kept ones, or fields
 * outside the filters) out of it: an action applies to what the rep sees.
 */
export function tandemValueItem(row: TEnrichmentRow, only?: string): TEnrichmentItem {
  return {
    recordType: row.recordType,
    recordId: row.recordId,
    fields: row.fields
      .filter((field) => !field.pending && (only === undefined || field.field === only))
      .map((field) => field.field),
  };
}

/** "Keep Salesforce's value" for a record, or one of its fields: those not kept already. */
export function keepItem(row: TEnrichmentRow, only?: string): TEnrichmentItem {
  return {
    recordType: row.recordType,
    recordId: row.recordId,
    fields: row.fields
      .filter((field) => !field.kept && (only === undefined || field.field === only))
      .map((field) => field.field),
  };
}

/** The items that still name a field, and how many values they carry. */
export function withFields(items: readonly TEnrichmentItem[]): { items: TEnrichmentItem[]; values: number } {
  const kept = items.filter((item) => item.fields.length > 0);
  return { items: kept, values: kept.reduce((sum, item) => sum + item.fields.length, 0) };
}

/** A record's profile page. */
export function profileHref(row: Pick<TEnrichmentRow, "recordType" | "recordId">): string {
  return `${row.recordType === "account" ? "/accounts" : "/people"}/${encodeURIComponent(row.recordId)}`;
}

/** Whether a value is on its way, so the list should look again soon. */
export function hasPendingValues(list: TEnrichmentList | undefined): boolean {
  return list?.rows.some((row) => row.fields.some((field) => field.pending)) ?? false;
}

/** PUSH-1's kinds behind the mapped objects, as a sentence's words: "people", "people and accounts". */
export function pushKindWords(objects: readonly TMappedObject[]): string {
  const people = objects.some((object) => object !== "Account");
  const accounts = objects.includes("Account");
  return [people ? "people" : null, accounts ? "accounts" : null].filter(Boolean).join(" and ");
}

/** The objects whose push is off, from the list's `pushEnabled`. */
export function objectsWithPushOff(pushEnabled: TEnrichmentList["pushEnabled"]): TMappedObject[] {
  return (Object.entries(pushEnabled) as Array<[TMappedObject, boolean]>)
    .filter(([, enabled]) => !enabled)
    .map(([object]) => object);
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export function queuedMessage(values: number): string {
  return `Queued ${count(values, "value", "values")} for Salesforce; ${values === 1 ? "it goes" : "they go"} in a moment.`;
}

export function keptMessage(fields: number): string {
  return `Keeping Salesforce's value for ${count(fields, "field", "fields")}; Tandem will not overwrite ${
    fields === 1 ? "it" : "them"
  }.`;
}

export function oneOffQuestion(objects: readonly TMappedObject[], values: number): string {
  const these = values === 1 ? "this value" : `these ${values.toLocaleString("en")} values`;
  return `Push is off for ${pushKindWords(objects)}. Send ${these} to Salesforce once anyway? Push stays off for everything else.`;
}
