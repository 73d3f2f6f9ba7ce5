import type { TActivityEntry } from "./activity-events";
import { indexCrmRecordsByKey, planProspectMarks } from "./prospect-match";

/** A prospect not yet in the CRM, with its PULL-3 key (a person's email, a company's web domain). */
export type TUnlinkedProspect = { id: string; kind: "person" | "company"; key: string };

/** CRM records a pull just wrote (active ones), with their PULL-3 keys. */
export type TPulledCrmRecords = {
  people: ReadonlyArray<{ id: string; emailNormalized: string | null }>;
  accounts: ReadonlyArray<{ id: string; domainNormalized: string | null }>;
};

export type TPlannedProspectMark = { prospectId: string; crmRecordType: "person" | "account"; crmRecordId: string };

const WORDS = {
  person: { crmRecordType: "person", keyName: "email", recordWord: "lead or contact" },
  company: { crmRecordType: "account", keyName: "web domain", recordWord: "account" },
} as const;

/**
 * PULL-3 on pull: every unlinked prospect whose key a pulled record has is marked "in CRM" and
 * linked to that record (people by email, companies by web domain; the first record with a key
 * wins), with an entry in the prospect's activity log.
 */
export function planPulledProspectMarks(
  records: TPulledCrmRecords,
  prospects: ReadonlyArray<TUnlinkedProspect>,
  now: number,
): { marks: TPlannedProspectMark[]; activity: TActivityEntry[] } {
  const crmByKind = {
    person: indexCrmRecordsByKey(records.people.map((record) => ({ id: record.id, key: record.emailNormalized }))),
    company: indexCrmRecordsByKey(records.accounts.map((record) => ({ id: record.id, key: record.domainNormalized }))),
  };
  const marks: TPlannedProspectMark[] = [];
  const activity: TActivityEntry[] = [];
  for (const kind of ["person", "company"] as const) {
    const { crmRecordType, keyName, recordWord } = WORDS[kind];
    const candidates = prospects.filter((prospect) => prospect.kind === kind);
    for (const mark of planProspectMarks(candidates, crmByKind[kind])) {
      marks.push({ prospectId: mark.prospectId, crmRecordType, crmRecordId: mark.crmRecordId });
      activity.push({
        recordType: "prospect",
        recordId: mark.prospectId,
        at: now,
        event: "matched-crm",
        message: `Now in the CRM: a ${recordWord} pulled from Salesforce has the same ${keyName} (${mark.key}), so this prospect is marked "in CRM".`,
        details: { crmRecordType, crmRecordId: mark.crmRecordId, matchedOn: keyName, key: mark.key, when: "pulled" },
      });
    }
  }
  return { marks, activity };
}
