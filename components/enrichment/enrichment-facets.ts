import type { TFilterOption } from "@/components/data-table/data-table-filter";
import type { TEnrichmentList } from "@/server/mapping/enrichment-schemas";

type TFacets = TEnrichmentList["facets"];

const withCount = (label: string, records: number) => `${label} (${records.toLocaleString("en")})`;

const OBJECT_WORDS = { Contact: "Contacts", Lead: "Leads", Account: "Accounts" } as const;

export function objectOptions(facets: TFacets): TFilterOption[] {
  return facets.objects.map((entry) => ({
    value: entry.object,
    label: withCount(OBJECT_WORDS[entry.object], entry.records),
  }));
}

/**
 * The field filter goes by Salesforce field name, which several objects can share (Phone on
 * Contact, Lead and Account): one option per name, naming its objects, with their records added
 * up (a record belongs to one object, so none counts twice).
 */
export function fieldOptions(facets: TFacets): TFilterOption[] {
  const byField = new Map<string, { label: string; objects: string[]; records: number }>();
  for (const entry of facets.fields) {
    const found = byField.get(entry.field);
    if (found) {
      found.objects.push(entry.object);
      found.records += entry.records;
    } else byField.set(entry.field, { label: entry.label, objects: [entry.object], records: entry.records });
  }
  return [...byField]
    .map(([field, entry]) => ({
      value: field,
      label: withCount(`${entry.label} · ${entry.objects.join(", ")}`, entry.records),
      records: entry.records,
    }))
    .sort((a, b) => b.records - a.records || a.label.localeCompare(b.label))
    .map(({ value, label }) => ({ value, label }));
}

export function ownerOptions(facets: TFacets): TFilterOption[] {
  return facets.owners.map((owner) => ({ value: owner.sfId, label: withCount(owner.name, owner.records) }));
}
