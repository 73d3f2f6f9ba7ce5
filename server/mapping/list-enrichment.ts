import "server-only";
import type { TDatabase } from "@/db/client";
import { mappingPushEnabled, mappingRules, readFieldMapping } from "@/server/settings/field-mapping-settings";
import { readSetting } from "@/server/settings/settings-store";
import { MAPPED_OBJECTS, tandemFieldInfo, type TMappedObject } from "@/server/sync/core/field-mapping";
import { MANUAL_SOURCES } from "@/server/sync/core/plan-field-writes";
import {
  ZEnrichmentFilterSchema,
  type TEnrichmentField,
  type TEnrichmentFilter,
  type TEnrichmentList,
  type TEnrichmentRow,
} from "./enrichment-schemas";
import { enrichmentStatus } from "./enrichment-status";
import { loadLinkedRecords } from "./linked-records";

/**
 * MAP-5's worklist for `/enrichment`: CRM records linked to prospects whose comparable fields (the
 * mapped pairs, whatever their mode) are empty in Salesforce or differ from Tandem's value, with
 * both values side by side. Filters by object, field, owner and status; facets count records per
 * object, field and owner under the other filters. Objects hidden from view (PULL-2) are left out.
 * Read from Tandem's data (no API call).
 */
export async function listEnrichment(db: TDatabase, filter: TEnrichmentFilter): Promise<TEnrichmentList> {
  const input = ZEnrichmentFilterSchema.parse(filter);
  const [resolved, push, visible] = await Promise.all([
    readFieldMapping(db),
    readSetting(db, "push.settings"),
    readSetting(db, "pull.visibility"),
  ]);
  const all: TEnrichmentRow[] = [];
  let linked = 0;
  // PULL-2: an object hidden from view is hidden here too.
  for (const object of MAPPED_OBJECTS.filter((candidate) => visible[candidate])) {
    const rules = mappingRules(resolved, object, { includeOff: true });
    if (rules.length === 0) continue;
    const labelOf = (name: string) => resolved.orgFields?.[object].get(name.toLowerCase())?.label ?? name;
    const records = await loadLinkedRecords(db, object);
    linked += records.length;
    for (const record of records) {
      const fields: TEnrichmentField[] = [];
      for (const rule of rules) {
        const found = enrichmentStatus(record, rule);
        if (!found) continue;
        const earlier = record.ledger.get(rule.salesforce);
        const kept = earlier?.state === "kept" && earlier.source !== undefined && MANUAL_SOURCES.has(earlier.source);
        fields.push({
          field: rule.salesforce,
          label: labelOf(rule.salesforce),
          tandemField: rule.tandem,
          tandemLabel: tandemFieldInfo(object, rule.tandem)?.label ?? rule.tandem,
          salesforceValue: found.salesforceValue,
          tandemValue: found.tandemValue,
          status: found.status,
          mode: rule.mode,
          pending: earlier?.state === "queued",
          kept,
          reverted: earlier?.state === "reverted",
        });
      }
      if (fields.length === 0) continue;
      all.push({
        recordType: record.recordType,
        recordId: record.recordId,
        object,
        name: record.name,
        sfId: record.sfId,
        ownerSfId: record.ownerSfId,
        ownerName: record.ownerName,
        prospectId: record.prospectId,
        fields,
      });
    }
  }

  type TRowFilter = (row: TEnrichmentRow) => TEnrichmentRow | null;
  const fieldFilter =
    (withField: boolean): TRowFilter =>
    (row) => {
      const fields = row.fields.filter(
        (field) =>
          (input.includeKept || !field.kept) &&
          (input.status === "all" || field.status === input.status) &&
          (!withField || !input.field || field.field === input.field),
      );
      return fields.length ? { ...row, fields } : null;
    };
  const byFields = fieldFilter(true);
  const byObject: TRowFilter = (row) => (!input.object || row.object === input.object ? row : null);
  const byOwner: TRowFilter = (row) => (!input.ownerSfId || row.ownerSfId === input.ownerSfId ? row : null);
  const apply = (rows: TEnrichmentRow[], filters: TRowFilter[]) =>
    rows.flatMap((row) => {
      let current: TEnrichmentRow | null = row;
      for (const filter of filters) current = current && filter(current);
      return current ? [current] : [];
    });

  const matching = apply(all, [byFields, byObject, byOwner]);
  const start = (input.page - 1) * input.pageSize;
  return {
    rows: matching.slice(start, start + input.pageSize),
    total: matching.length,
    linked,
    totalFields: matching.reduce((sum, row) => sum + row.fields.length, 0),
    page: input.page,
    pageSize: input.pageSize,
    facets: {
      objects: countBy(apply(all, [byFields, byOwner]), (row) => [row.object]).map(([object, records]) => ({
        object: object as TMappedObject,
        records,
      })),
      fields: countBy(apply(all, [fieldFilter(false), byObject, byOwner]), (row) =>
        row.fields.map((field) => `${row.object}\u0000${field.field}\u0000${field.label}`),
      ).map(([key, records]) => {
        const [object, field, label] = key.split("\u0000") as [TMappedObject, string, string];
        return { object, field, label, records };
      }),
      owners: countBy(apply(all, [byFields, byObject]), (row) =>
        row.ownerSfId ? [`${row.ownerSfId}\u0000${row.ownerName ?? row.ownerSfId}`] : [],
      ).map(([key, records]) => {
        const [sfId, name] = key.split("\u0000") as [string, string];
        return { sfId, name, records };
      }),
    },
    pushEnabled: Object.fromEntries(
      MAPPED_OBJECTS.map((object) => [object, mappingPushEnabled(push, object)]),
    ) as Record<TMappedObject, boolean>,
  };
}

function countBy<T>(rows: readonly T[], keysOf: (row: T) => string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const row of rows) for (const key of new Set(keysOf(row))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
