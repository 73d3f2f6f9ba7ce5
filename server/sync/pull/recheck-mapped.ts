import { asc, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { crmAccounts, crmPeople, mappingRecheck } from "@/db/schema";
import { toStatement } from "@/db/statements";
import type { SalesforceError } from "@/server/errors";
import type { SalesforcePort } from "@/server/salesforce/port";
import type { TSyncObject } from "../core/sync-objects";
import type { TLease } from "../lease";
import type { TTickSummary } from "../tick-summary";
import { applyPulledPage } from "./apply-page";
import { pullFieldLists } from "./pull-field-lists";
import { addCounts } from "./pull-objects";
import { selectInChunks } from "./select-in-chunks";

/** Records per round: five queries of 200 Ids, one composite call. */
const ROUND = 1000;

/**
 * MAP-4 after a mapping change (or a prospect newly linked): the queued CRM records are pulled
 * again by Id, with the mapped fields, and applied like any pulled page, so field mapping plans
 * them against fresh values in the same batch. A thousand records per API call; each round
 * commits with the removal of its queue rows, behind the lease. Stops at the deadline.
 */
export async function recheckMappedRecords(
  db: TDatabase,
  salesforce: SalesforcePort,
  options: { now: () => number; deadline: number; lease: TLease; summary: TTickSummary },
): Promise<{ brokenConnection: SalesforceError | null }> {
  for (;;) {
    if (options.now() >= options.deadline) {
      const left = await db.select({ id: mappingRecheck.recordId }).from(mappingRecheck).limit(1);
      if (left.length) options.summary.more = true;
      return { brokenConnection: null };
    }
    const queued = await db.select().from(mappingRecheck).orderBy(asc(mappingRecheck.queuedAt)).limit(ROUND);
    if (queued.length === 0) return { brokenConnection: null };
    const targets = await linkedTargets(db, queued);
    const fieldsOf = await pullFieldLists(db, salesforce.orgId);
    const objects = [...new Set(targets.map((target) => target.object))];
    const chunks = objects.length
      ? await salesforce.queryAllByIds(
          objects.map((object) => ({
            object,
            fields: fieldsOf(object),
            ids: targets.filter((target) => target.object === object).map((target) => target.sfId),
          })),
        )
      : [];
    const done = new Set(
      queued.filter((row) => !targets.some((t) => t.recordId === row.recordId)).map((r) => r.recordId),
    );
    for (const chunk of chunks) {
      if (!chunk.outcome.ok) {
        const error = chunk.outcome.error;
        if (error.connectionBroken) return { brokenConnection: error };
        options.summary.ok = false;
        options.summary.failures = [
          ...(options.summary.failures ?? []),
          { object: chunk.object, code: error.salesforceCode, message: error.message },
        ];
        // The rows stay queued for the next tick.
        continue;
      }
      const object = chunk.object as TSyncObject;
      const sfIds = new Set(chunk.ids);
      const recordIds = targets.filter((t) => t.object === object && sfIds.has(t.sfId)).map((t) => t.recordId);
      const counts = await applyPulledPage(
        db,
        { object, records: chunk.outcome.page.records, now: options.now(), source: "pull", lease: options.lease },
        () => [dequeueStatement(db, recordIds)],
      );
      addCounts(options.summary, object, counts);
    }
    if (done.size) await db.delete(mappingRecheck).where(inArray(mappingRecheck.recordId, [...done]));
    if (chunks.some((chunk) => !chunk.outcome.ok)) return { brokenConnection: null };
    if (queued.length < ROUND) return { brokenConnection: null };
  }
}

function dequeueStatement(db: TDatabase, recordIds: string[]) {
  return toStatement(db.delete(mappingRecheck).where(inArray(mappingRecheck.recordId, recordIds)));
}

/** The queued records still active in Salesforce, with their object and Salesforce Id. */
async function linkedTargets(
  db: TDatabase,
  queued: ReadonlyArray<typeof mappingRecheck.$inferSelect>,
): Promise<Array<{ recordId: string; object: TSyncObject; sfId: string }>> {
  const ids = (type: "person" | "account") =>
    queued.filter((row) => row.recordType === type).map((row) => row.recordId);
  const [people, accounts] = await Promise.all([
    selectInChunks(ids("person"), (slice) =>
      db
        .select({ id: crmPeople.id, sfId: crmPeople.sfId, kind: crmPeople.kind, state: crmPeople.state })
        .from(crmPeople)
        .where(inArray(crmPeople.id, slice)),
    ),
    selectInChunks(ids("account"), (slice) =>
      db
        .select({ id: crmAccounts.id, sfId: crmAccounts.sfId, state: crmAccounts.state })
        .from(crmAccounts)
        .where(inArray(crmAccounts.id, slice)),
    ),
  ]);
  return [
    ...people.flatMap((row) =>
      row.sfId && row.state === "active"
        ? [{ recordId: row.id, object: (row.kind === "lead" ? "Lead" : "Contact") as TSyncObject, sfId: row.sfId }]
        : [],
    ),
    ...accounts.flatMap((row) =>
      row.sfId && row.state === "active"
        ? [{ recordId: row.id, object: "Account" as TSyncObject, sfId: row.sfId }]
        : [],
    ),
  ];
}

/** Whether anything waits for a recheck (the tick skips the step when nothing does). */
export async function hasRecheckWork(db: TDatabase): Promise<boolean> {
  return (await db.select({ id: mappingRecheck.recordId }).from(mappingRecheck).limit(1)).length > 0;
}
