import type { InStatement } from "@libsql/client";
import type { TDatabase } from "@/db/client";
import {
  mappingListProblems,
  MAPPED_OBJECTS,
  mappedRecordType,
  tandemFieldInfo,
  type TFieldMapping,
  type TFieldMappingEntry,
  type TMappedObject,
} from "@/server/sync/core/field-mapping";
import type { TResolvedMapping } from "@/server/settings/field-mapping-settings";
import { settingStatement } from "@/server/settings/settings-store";

/** One problem of a mapping change, with where it is: `mapping.Contact[2]`. */
export type TMappingProblem = { object: TMappedObject; index: number; message: string };

/**
 * Checks the lists a change names against the org as last described (unknown, read-only and
 * incompatible fields, a field mapped twice) and Tandem's own fields. Before the org was ever
 * described, the Salesforce side cannot be checked: the change is refused with what to do.
 */
export function mappingChangeProblems(
  resolved: TResolvedMapping,
  change: Partial<Record<TMappedObject, ReadonlyArray<Pick<TFieldMappingEntry, "tandem" | "salesforce">>>>,
): TMappingProblem[] {
  const problems: TMappingProblem[] = [];
  for (const object of MAPPED_OBJECTS) {
    const list = change[object];
    if (!list) continue;
    const fields = resolved.orgFields?.[object];
    if (!fields) {
      list.forEach((entry, index) => {
        if (!tandemFieldInfo(object, entry.tandem))
          problems.push({ object, index, message: `${entry.tandem} is not a Tandem field.` });
      });
      if (list.length)
        problems.push({
          object,
          index: -1,
          message:
            "Tandem has not read this org's fields yet, so the Salesforce side cannot be checked: connect Salesforce, then open Settings → Field mapping (it reads them) and import again.",
        });
      continue;
    }
    for (const problem of mappingListProblems(object, list, fields)) problems.push({ object, ...problem });
  }
  return problems;
}

/**
 * The statements that store a new mapping and queue every CRM record linked to a prospect of
 * the changed objects for the next pull (MAP-4: a change takes effect at the next pull, on all
 * linked records, with their mapped fields fetched fresh).
 */
export function saveMappingStatements(
  db: TDatabase,
  next: TFieldMapping,
  changed: readonly TMappedObject[],
  now: number,
): InStatement[] {
  if (changed.length === 0) return [];
  const statements: InStatement[] = [settingStatement(db, "mapping.fields", next)];
  for (const recordType of new Set(changed.map(mappedRecordType))) {
    statements.push(recheckLinkedStatement(recordType, now));
  }
  return statements;
}

/** Queues every CRM record of a type that a prospect is linked to (PULL-3) for a mapping recheck. */
export function recheckLinkedStatement(recordType: "person" | "account", now: number): InStatement {
  return {
    sql: `INSERT INTO mapping_recheck (record_type, record_id, queued_at)
          SELECT DISTINCT ?, crm_record_id, ? FROM prospects
          WHERE crm_record_type = ? AND crm_record_id IS NOT NULL
          ON CONFLICT (record_id) DO NOTHING`,
    args: [recordType, now, recordType],
  };
}

/** The objects whose list differs between two mappings. */
export function changedObjects(before: TFieldMapping, after: TFieldMapping): TMappedObject[] {
  return MAPPED_OBJECTS.filter((object) => JSON.stringify(before[object]) !== JSON.stringify(after[object]));
}
