import "server-only";
import type { InStatement } from "@libsql/client";
import type { TDatabase } from "@/db/client";
import { toStatement } from "@/db/statements";
import type { TPlannedProspectMark } from "@/server/sync/core/plan-prospect-marks";
import { loadUnlinkedProspects, prospectMarkQueries } from "@/server/sync/pull/prospect-marks";
import { activityStatement, type TWriteUser } from "./write-context";

export type TCreatedRecordKeys = {
  people: ReadonlyArray<{ id: string; name: string; label: string; emailNormalized: string | null }>;
  accounts: ReadonlyArray<{ id: string; name: string; domainNormalized: string | null }>;
};

/**
 * PULL-3 for records a rep creates: prospects with the new person's email or the new account's
 * domain leave prospecting lists, linked to the new record, as a pulled record would do. The
 * statements go into the creating batch; a prospect linked meanwhile keeps its first link.
 */
export async function createdRecordMarkStatements(
  db: TDatabase,
  records: TCreatedRecordKeys,
  user: TWriteUser,
  now: number,
): Promise<InStatement[]> {
  const emails = records.people.flatMap((person) => (person.emailNormalized ? [person.emailNormalized] : []));
  const domains = records.accounts.flatMap((account) => (account.domainNormalized ? [account.domainNormalized] : []));
  if (emails.length === 0 && domains.length === 0) return [];
  const unlinked = await loadUnlinkedProspects(db, { emails, domains });
  const marks: TPlannedProspectMark[] = [];
  const statements: InStatement[] = [];
  for (const prospect of unlinked) {
    const record =
      prospect.kind === "person"
        ? records.people.find((person) => person.emailNormalized === prospect.key)
        : records.accounts.find((account) => account.domainNormalized === prospect.key);
    if (!record) continue;
    const crmRecordType = prospect.kind === "person" ? "person" : "account";
    const label = "label" in record ? record.label : "account";
    const keyName = prospect.kind === "person" ? "email" : "web domain";
    marks.push({ prospectId: prospect.id, crmRecordType, crmRecordId: record.id });
    statements.push(
      activityStatement(db, {
        recordType: "prospect",
        recordId: prospect.id,
        at: now,
        event: "matched-crm",
        message: `Now in the CRM: ${user.name} created the ${label} ${record.name} in Tandem with the same ${keyName} (${prospect.key}), so this prospect is marked "in CRM".`,
        details: { crmRecordType, crmRecordId: record.id, matchedOn: keyName, key: prospect.key, when: "created" },
      }),
    );
  }
  return [...prospectMarkQueries(db, marks, now).map(toStatement), ...statements];
}
