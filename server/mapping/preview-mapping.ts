import "server-only";
import type { TDatabase } from "@/db/client";
import {
  mappingPushEnabled,
  mappingRules,
  readFieldMapping,
  type TResolvedMapping,
} from "@/server/settings/field-mapping-settings";
import { readSetting } from "@/server/settings/settings-store";
import type { TMappableField, TMappedObject } from "@/server/sync/core/field-mapping";
import { planFieldWrites, type TPlannedFieldWrite } from "@/server/sync/core/plan-field-writes";
import { loadLinkedRecords } from "./linked-records";
import { mappingChangeProblems } from "./save-mapping";
import { LARGE_WRITE_RECORDS, type TMappingEntryInput, type TMappingPreview } from "./mapping-schemas";

const EXAMPLES = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * "Preview before saving": what the next pull would write with this mapping of one object, from
 * Tandem's data alone (Salesforce's values as last pulled, the prospects, Tandem's earlier
 * writes), without an API call: "writes N fields on M records", ten before/after examples, and
 * the values Salesforce may refuse.
 */
export async function previewMapping(
  db: TDatabase,
  input: { object: TMappedObject; entries: TMappingEntryInput[] },
): Promise<TMappingPreview> {
  const [current, push, candidates] = await Promise.all([
    readFieldMapping(db),
    readSetting(db, "push.settings"),
    loadLinkedRecords(db, input.object),
  ]);
  const resolved: TResolvedMapping = { ...current, mapping: { ...current.mapping, [input.object]: input.entries } };
  const rules = mappingRules(resolved, input.object);
  const { writes } = planFieldWrites(candidates, () => rules);
  const fields = resolved.orgFields?.[input.object];
  const labelOf = (name: string) => fields?.get(name.toLowerCase())?.label ?? name;

  const byField = new Map<string, number>();
  for (const write of writes) byField.set(write.field, (byField.get(write.field) ?? 0) + 1);
  const records = new Set(writes.map((write) => write.recordId)).size;
  return {
    object: input.object,
    linkedRecords: candidates.length,
    writes: writes.length,
    records,
    byField: [...byField].map(([field, count]) => ({ field, label: labelOf(field), writes: count })),
    examples: writes.slice(0, EXAMPLES).map((write) => ({
      recordId: write.recordId,
      name: write.name,
      field: write.field,
      label: labelOf(write.field),
      from: write.from,
      to: write.to,
      source: write.source,
    })),
    warnings: valueWarnings(writes, (name) => fields?.get(name.toLowerCase())),
    // The same check saving makes (a field mapped twice, an org whose fields were never read…).
    problems: mappingChangeProblems(current, { [input.object]: input.entries }).map(({ index, message }) => ({
      index,
      message,
    })),
    unknown: rules.flatMap((rule) => {
      const missing = candidates.filter((candidate) => !(rule.salesforce in candidate.salesforce)).length;
      return missing ? [{ field: rule.salesforce, label: labelOf(rule.salesforce), records: missing }] : [];
    }),
    needsConfirmation: records > LARGE_WRITE_RECORDS,
    pushEnabled: mappingPushEnabled(push, input.object),
  };
}

/** The planned values Salesforce may refuse, one sentence per field and reason, with an example. */
function valueWarnings(
  writes: readonly TPlannedFieldWrite[],
  fieldOf: (name: string) => TMappableField | undefined,
): string[] {
  const groups = new Map<string, { count: number; example: string; sentence: (n: number, e: string) => string }>();
  const note = (key: string, example: string, sentence: (n: number, e: string) => string) => {
    const group = groups.get(key) ?? { count: 0, example, sentence };
    group.count += 1;
    groups.set(key, group);
  };
  for (const write of writes) {
    const field = fieldOf(write.field);
    if (!field) continue;
    const label = field.label;
    if (field.length > 0 && write.to.length > field.length) {
      note(
        `${field.name}:length`,
        write.to,
        (n, e) =>
          `${n} ${plural(n, "value")} for ${label} ${n === 1 ? "is" : "are"} longer than its ${field.length} characters (e.g. “${truncate(e)}”); Salesforce rejects ${n === 1 ? "it" : "them"} (STRING_TOO_LONG).`,
      );
    }
    if ((field.type === "picklist" || field.type === "combobox") && field.picklistValues.length > 0) {
      if (!field.picklistValues.includes(write.to)) {
        note(
          `${field.name}:picklist`,
          write.to,
          (n, e) =>
            `${n} ${plural(n, "value")} for ${label} ${n === 1 ? "is" : "are"} not among its picklist values (e.g. “${truncate(e)}”); a restricted picklist rejects ${n === 1 ? "it" : "them"}, and the error log will list ${n === 1 ? "it" : "them"}.`,
        );
      }
    }
    if (field.type === "email" && !EMAIL.test(write.to)) {
      note(
        `${field.name}:email`,
        write.to,
        (n, e) =>
          `${n} ${plural(n, "value")} for ${label} ${n === 1 ? "is" : "are"} not an email address (e.g. “${truncate(e)}”); Salesforce rejects ${n === 1 ? "it" : "them"}.`,
      );
    }
  }
  return [...groups.values()].map((group) => group.sentence(group.count, group.example));
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}
