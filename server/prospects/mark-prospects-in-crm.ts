import type { TDatabaseOrTransaction } from "@/db/client";
import { activityLog } from "@/db/schema";
import { planPulledProspectMarks, type TPulledCrmRecords } from "@/server/sync/core/plan-prospect-marks";
import { loadUnlinkedProspects, prospectMarkQueries } from "@/server/sync/pull/prospect-marks";
import { chunk } from "./chunk";

export type { TPulledCrmRecords };

const LOG_ROWS_PER_INSERT = 500;

/**
 * PULL-3 for CRM records written outside a pull page (a pull page plans the same marks and writes
 * them in its own batch): the records (Tandem ids, active records) mark the prospects they match
 * "in CRM" — people by email, companies by web domain — unless already marked, and log it on each
 * prospect. Runs inside the caller's transaction when given one; a few statements for thousands
 * of records. Returns how many were marked.
 */
export async function markProspectsInCrm(
  db: TDatabaseOrTransaction,
  records: TPulledCrmRecords,
  now: number,
): Promise<number> {
  const keys = (values: Array<string | null>) => [...new Set(values.filter((value): value is string => !!value))];
  const unlinked = await loadUnlinkedProspects(db, {
    emails: keys(records.people.map((record) => record.emailNormalized)),
    domains: keys(records.accounts.map((record) => record.domainNormalized)),
  });
  const { marks, activity } = planPulledProspectMarks(records, unlinked, now);
  for (const query of prospectMarkQueries(db, marks, now)) await query;
  for (const slice of chunk(activity, LOG_ROWS_PER_INSERT)) await db.insert(activityLog).values(slice);
  return marks.length;
}
