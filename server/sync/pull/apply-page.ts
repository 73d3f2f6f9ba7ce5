import type { InStatement } from "@libsql/client";
import { buildInsertStatements, prefersJsonRows } from "@/db/bulk-insert";
import type { TDatabase } from "@/db/client";
import { activityLog, suppressedLeads } from "@/db/schema";
import { toStatement } from "@/db/statements";
import { newId } from "@/server/ids";
import { planPulledPage } from "../core/plan-pulled-page";
import type { TPulledRecord } from "../core/pull-objects";
import {
  emptyPageCounts,
  type TApplySource,
  type TPulledPageCounts,
  type TPulledPagePlan,
} from "../core/pulled-page-plan";
import type { TSyncObject } from "../core/sync-objects";
import { commitFenced, type TLease } from "../lease";
import { letOthersRun } from "../let-others-run";
import { CRM_ROW_WRITERS } from "./crm-tables";
import { prospectMarkQueries } from "./prospect-marks";
import { readPulledPage } from "./read-page";
import { leadRetirementStatements } from "./retire-leads";
import { pulledPageMappingStatements, readPullMapping } from "./map-fields";
import { isMappedObject } from "../core/field-mapping";

export type { TApplySource };
export type TObjectCounts = TPulledPageCounts;

export function emptyCounts(): TObjectCounts {
  return emptyPageCounts();
}

/**
 * Applies one page of pulled records: reads what the decisions need (a few queries, no
 * transaction held), plans in the pure core, and writes the plan together with whatever the
 * caller commits with it (the cursor) as ONE fenced batch: one transaction, one round trip, and
 * nothing written if this tick lost its lease. A crash loses nothing and repeats nothing; a record
 * whose content hash is unchanged is counted and left alone.
 */
export async function applyPulledPage(
  db: TDatabase,
  input: { object: TSyncObject; records: TPulledRecord[]; now: number; source: "pull" | "outbound"; lease: TLease },
  commitWith?: (counts: TObjectCounts) => InStatement[],
): Promise<TObjectCounts> {
  return applyObjectPage(db, input, commitWith);
}

// Generic over the object so that each plan's rows are checked against that object's table.
async function applyObjectPage<O extends TSyncObject>(
  db: TDatabase,
  input: { object: O; records: TPulledRecord[]; now: number; source: TApplySource; lease: TLease },
  commitWith?: (counts: TObjectCounts) => InStatement[],
): Promise<TObjectCounts> {
  const { object, now, source, lease } = input;
  const [skipped, existing, mapping] = await Promise.all([
    readSkippedIds(db, input.records),
    readPulledPage(db, object, input.records),
    isMappedObject(object) ? readPullMapping(db) : null,
  ]);
  const records = skipped.size > 0 ? input.records.filter((record) => !skipped.has(record.Id)) : input.records;
  const plan = planPulledPage(existing, records, { object, source, now, newId: () => newId(now) });
  plan.counts.unchanged += input.records.length - records.length;
  // MAP-4: the writes field mapping decides on the records just pulled go in the same batch (it
  // marks the rows it writes to pending, so it is planned before the rows become statements).
  const mapped = mapping ? await pulledPageMappingStatements(db, { object, records, plan, mapping }) : [];
  const statements = [...planStatements(db, plan), ...mapped, ...(commitWith?.(plan.counts) ?? [])];
  // Between reading and writing as well: on a remote database these are round trips apart anyway.
  await letOthersRun();
  if (statements.length > 0) await commitFenced(db, lease, statements);
  await letOthersRun();
  return plan.counts;
}

/**
 * DUP-3: the records of a page Tandem passes over (counted unchanged: it leaves them be): those an
 * admin stopped syncing, and those merged away in Tandem that have not changed in Salesforce since
 * (a pull's overlap window brings them back unchanged; a change there brings them back as new).
 */
async function readSkippedIds(db: TDatabase, records: readonly TPulledRecord[]): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  const ids = JSON.stringify(records.map((record) => record.Id));
  const result = await db.$client.execute({
    sql: `SELECT sf_id AS id, NULL AS stamp FROM ignored_salesforce_records WHERE sf_id IN (SELECT value FROM json_each(?))
      UNION ALL
      SELECT loser_sf_id AS id, json_extract(undo, '$.loserBefore.systemModstamp') AS stamp FROM record_merges
      WHERE undone_at IS NULL AND loser_sf_id IN (SELECT value FROM json_each(?))`,
    args: [ids, ids],
  });
  const skipped = new Set<string>();
  const stampOf = new Map(records.map((record) => [record.Id, record.SystemModstamp]));
  for (const row of result.rows) {
    const id = String(row.id);
    if (row.stamp === null || row.stamp === undefined || String(row.stamp) === String(stampOf.get(id))) skipped.add(id);
  }
  return skipped;
}

/** The plan as statements, in an order that matters: history moves before the new entries. */
function planStatements<O extends TSyncObject>(db: TDatabase, plan: TPulledPagePlan<O>): InStatement[] {
  const writer = CRM_ROW_WRITERS[plan.object];
  const rowsAsJson = prefersJsonRows(db);
  return [
    ...writer.insert(plan.inserts, { rowsAsJson }),
    ...plan.updates.map((update) => writer.update(db, update.id, update.values)),
    ...plan.removals.map((removal) => writer.update(db, removal.id, removal.values)),
    ...buildInsertStatements(suppressedLeads, plan.suppressions, { onConflictDoNothing: true, rowsAsJson }),
    ...leadRetirementStatements(db, plan.retirements, plan.now),
    ...prospectMarkQueries(db, plan.prospectMarks, plan.now).map(toStatement),
    ...buildInsertStatements(
      activityLog,
      plan.activity.map((entry) => ({ ...entry, details: entry.details ?? null })),
      { rowsAsJson },
    ),
  ];
}
