import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { TDatabaseOrTransaction } from "@/db/client";
import { activityLog, prospects } from "@/db/schema";
import { indexCrmRecordsByKey } from "@/server/sync/core/prospect-match";
import { chunk, KEYS_PER_QUERY } from "./chunk";

export type TPulledCrmRecords = {
  people: Array<{ id: string; emailNormalized: string | null }>;
  accounts: Array<{ id: string; domainNormalized: string | null }>;
};

const LOG_ROWS_PER_INSERT = 500;

/**
 * PULL-3 on pull: the CRM records a pull page just applied (Tandem ids, active records) mark the
 * prospects they match "in CRM" — people by email, companies by web domain — unless already
 * marked, and log it on each prospect. Runs inside the caller's page transaction; a page of
 * 2,000 records costs a few statements, not one per record. Returns how many were marked.
 */
export async function markProspectsInCrm(
  db: TDatabaseOrTransaction,
  records: TPulledCrmRecords,
  now: number,
): Promise<number> {
  const people = records.people.map((record) => ({ id: record.id, key: record.emailNormalized }));
  const accounts = records.accounts.map((record) => ({ id: record.id, key: record.domainNormalized }));
  const marked =
    (await markKind(db, "person", indexCrmRecordsByKey(people), now)) +
    (await markKind(db, "company", indexCrmRecordsByKey(accounts), now));
  return marked;
}

async function markKind(
  db: TDatabaseOrTransaction,
  kind: "person" | "company",
  crmByKey: Map<string, string>,
  now: number,
): Promise<number> {
  const keyColumn = kind === "person" ? prospects.emailNormalized : prospects.domainNormalized;
  const keyName = kind === "person" ? "email" : "web domain";
  const recordWord = kind === "person" ? "lead or contact" : "account";
  const crmRecordType = kind === "person" ? "person" : "account";
  let marked = 0;
  for (const keys of chunk([...crmByKey.keys()], KEYS_PER_QUERY)) {
    // One statement picks each prospect's CRM record by its key and marks it.
    const cases: SQL[] = keys.map((key) => sql`when ${key} then ${crmByKey.get(key) ?? null}`);
    const updated = await db
      .update(prospects)
      .set({
        crmRecordType,
        crmRecordId: sql`case ${keyColumn} ${sql.join(cases, sql` `)} end`,
        inCrmSince: now,
        updatedAt: now,
      })
      .where(and(eq(prospects.kind, kind), isNull(prospects.crmRecordId), inArray(keyColumn, keys)))
      .returning({ id: prospects.id, key: keyColumn, crmRecordId: prospects.crmRecordId });
    const log = updated.map((row) => ({
      recordType: "prospect" as const,
      recordId: row.id,
      at: now,
      event: "matched-crm" as const,
      message: `Now in the CRM: a ${recordWord} pulled from Salesforce has the same ${keyName} (${row.key}), so this prospect is marked "in CRM".`,
      details: { crmRecordType, crmRecordId: row.crmRecordId, matchedOn: keyName, key: row.key, when: "pulled" },
    }));
    for (const slice of chunk(log, LOG_ROWS_PER_INSERT)) await db.insert(activityLog).values(slice);
    marked += updated.length;
  }
  return marked;
}
