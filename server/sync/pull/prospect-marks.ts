import { and, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { TDatabaseOrTransaction } from "@/db/client";
import { prospects } from "@/db/schema";
import type { TPlannedProspectMark, TUnlinkedProspect } from "../core/plan-prospect-marks";
import { KEYS_PER_QUERY, selectInChunks } from "./select-in-chunks";

/**
 * PULL-3: the prospects not yet in the CRM that have one of the keys: people by normalised email,
 * companies by normalised web domain.
 */
export async function loadUnlinkedProspects(
  db: TDatabaseOrTransaction,
  keys: { emails: readonly string[]; domains: readonly string[] },
): Promise<TUnlinkedProspect[]> {
  const columns = {
    id: prospects.id,
    kind: prospects.kind,
    email: prospects.emailNormalized,
    domain: prospects.domainNormalized,
    crmRecordId: prospects.crmRecordId,
  };
  // Only the key in the WHERE: with kind in it too, SQLite may pick the kind index and scan.
  const byEmail = await selectInChunks(keys.emails, (slice) =>
    db.select(columns).from(prospects).where(inArray(prospects.emailNormalized, slice)),
  );
  const byDomain = await selectInChunks(keys.domains, (slice) =>
    db.select(columns).from(prospects).where(inArray(prospects.domainNormalized, slice)),
  );
  const unlinked: TUnlinkedProspect[] = [];
  for (const row of byEmail)
    if (row.kind === "person" && !row.crmRecordId && row.email)
      unlinked.push({ id: row.id, kind: "person", key: row.email });
  for (const row of byDomain)
    if (row.kind === "company" && !row.crmRecordId && row.domain)
      unlinked.push({ id: row.id, kind: "company", key: row.domain });
  return unlinked;
}

/**
 * The updates that mark prospects "in CRM": one statement per record type and slice, each picking
 * the prospect's CRM record by its id. A prospect linked meanwhile keeps its first link.
 */
export function prospectMarkQueries(db: TDatabaseOrTransaction, marks: readonly TPlannedProspectMark[], now: number) {
  const queries = [];
  for (const crmRecordType of ["person", "account"] as const) {
    const ofType = marks.filter((mark) => mark.crmRecordType === crmRecordType);
    for (let start = 0; start < ofType.length; start += KEYS_PER_QUERY) {
      const slice = ofType.slice(start, start + KEYS_PER_QUERY);
      const cases: SQL[] = slice.map((mark) => sql`when ${mark.prospectId} then ${mark.crmRecordId}`);
      queries.push(
        db
          .update(prospects)
          .set({
            crmRecordType,
            crmRecordId: sql`case ${prospects.id} ${sql.join(cases, sql` `)} end`,
            inCrmSince: now,
            updatedAt: now,
          })
          .where(
            and(
              inArray(
                prospects.id,
                slice.map((mark) => mark.prospectId),
              ),
              isNull(prospects.crmRecordId),
            ),
          ),
      );
    }
  }
  return queries;
}
