import "server-only";
import type { InStatement } from "@libsql/client";
import type { TDatabase } from "@/db/client";
import { AppError } from "@/server/errors";
import { mappingPushEnabled, mappingRules, readFieldMapping } from "@/server/settings/field-mapping-settings";
import { readSetting } from "@/server/settings/settings-store";
import { MAPPED_OBJECTS, type TMappedObject } from "@/server/sync/core/field-mapping";
import {
  planManualWrites,
  type TMappingCandidate,
  type TPlannedFieldWrite,
} from "@/server/sync/core/plan-field-writes";
import {
  dropQueuedFieldValues,
  fieldWriteStatements,
  manualChoiceStatements,
} from "@/server/sync/push/enqueue-field-writes";
import {
  ZEnrichInputSchema,
  ZEnrichmentTargetSchema,
  type TEnrichInput,
  type TEnrichResult,
} from "./enrichment-schemas";
import { enrichmentStatus } from "./enrichment-status";
import { loadLinkedRecords, type TLinkedRecord } from "./linked-records";

type TTarget = { recordType: "person" | "account"; recordId: string; fields?: string[] };

/** The linked records an action names, by object, with the fields it applies to per record. */
async function loadTargets(db: TDatabase, items: readonly TTarget[]) {
  const resolved = await readFieldMapping(db);
  const wanted = new Map(items.map((item) => [item.recordId, item.fields ? new Set(item.fields) : null]));
  const found: Array<{ object: TMappedObject; records: TLinkedRecord[] }> = [];
  for (const object of MAPPED_OBJECTS) {
    const type = object === "Account" ? "account" : "person";
    const ids = items.filter((item) => item.recordType === type).map((item) => item.recordId);
    if (ids.length) found.push({ object, records: await loadLinkedRecords(db, object, ids) });
  }
  const missing = items.filter(
    (item) => !found.some(({ records }) => records.some((r) => r.recordId === item.recordId)),
  );
  if (missing.length === items.length) {
    throw new AppError(
      "NOT_FOUND",
      "None of these records is linked to a prospect any more (merged, deleted or unlinked). Reload the page.",
    );
  }
  const rulesOf = (record: TMappingCandidate) => {
    const fields = wanted.get(record.recordId);
    return mappingRules(resolved, record.object, { includeOff: true }).filter(
      (rule) => !fields || fields.has(rule.salesforce),
    );
  };
  return { found, rulesOf };
}

/**
 * MAP-5, "Use Tandem's value": per field, per record or for a selection. A manual enrichment
 * goes whatever the field's mode, and no later auto-overwrite undoes it. When push is off for an
 * object's kind, nothing is queued and the answer names the objects, so the page can ask the rep
 * to confirm a one-off push (`oneOff`), which then goes although the kind stays off.
 */
export async function enrichRecords(
  db: TDatabase,
  user: { id: string },
  input: TEnrichInput,
  now: number,
): Promise<TEnrichResult> {
  const { items, oneOff } = ZEnrichInputSchema.parse(input);
  const [{ found, rulesOf }, push] = await Promise.all([loadTargets(db, items), readSetting(db, "push.settings")]);
  const writes: TPlannedFieldWrite[] = [];
  const pushOff: TMappedObject[] = [];
  for (const { object, records } of found) {
    const planned = planManualWrites(records, rulesOf);
    if (planned.length === 0) continue;
    if (!mappingPushEnabled(push, object)) pushOff.push(object);
    writes.push(...planned);
  }
  if (pushOff.length > 0 && !oneOff) return { fields: 0, records: 0, pushOff, oneOff: false };
  if (writes.length === 0) return { fields: 0, records: 0, pushOff: [], oneOff };
  const statements: InStatement[] = fieldWriteStatements(writes, {
    now,
    byUserId: user.id,
    oneOff: pushOff.length > 0,
  });
  await db.$client.batch(statements, "write");
  return {
    fields: writes.length,
    records: new Set(writes.map((write) => write.recordId)).size,
    pushOff,
    oneOff: pushOff.length > 0,
  };
}

/**
 * "Keep Salesforce's value": a manual choice too. Nothing is written; the field leaves the
 * Enrichment page's list, and auto-overwrite never writes it on that record.
 */
export async function keepSalesforceValues(
  db: TDatabase,
  user: { id: string },
  input: { items: TTarget[] },
  now: number,
): Promise<{ fields: number }> {
  const { items } = ZEnrichmentTargetSchema.parse(input);
  const { found, rulesOf } = await loadTargets(db, items);
  const choices = found.flatMap(({ records }) =>
    records.flatMap((record) =>
      rulesOf(record).flatMap((rule) => {
        const status = enrichmentStatus(record, rule);
        return status
          ? [
              {
                recordType: record.recordType,
                recordId: record.recordId,
                field: rule.salesforce,
                value: status.salesforceValue,
              },
            ]
          : [];
      }),
    ),
  );
  if (choices.length) {
    const byRecord = new Map<string, { recordType: "person" | "account"; fields: string[] }>();
    for (const choice of choices) {
      const entry = byRecord.get(choice.recordId) ?? { recordType: choice.recordType, fields: [] };
      entry.fields.push(choice.field);
      byRecord.set(choice.recordId, entry);
    }
    await db.$client.batch(
      [
        // A value still on its way for a field kept as it is in Salesforce is never sent.
        ...[...byRecord].flatMap(([recordId, { recordType, fields }]) =>
          dropQueuedFieldValues(recordType, recordId, fields),
        ),
        ...manualChoiceStatements(choices, { source: "keep-salesforce", now, byUserId: user.id }),
      ],
      "write",
    );
  }
  return { fields: choices.length };
}
