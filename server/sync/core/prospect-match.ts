/**
 * PULL-3 decisions: which prospects a set of CRM records marks "in CRM", and with which record.
 * The same decision serves a pull (new CRM records meet existing prospects) and an import (new
 * prospects meet existing CRM records).
 */

export type TCrmKeyRecord = { id: string; key: string | null };
export type TProspectKeyRecord = { id: string; key: string | null };
export type TProspectMark = { prospectId: string; crmRecordId: string; key: string };

/**
 * Key → CRM record id. When several records share a key (a contact and a lead with one email,
 * or duplicates in Salesforce) the first one wins, so callers order records by preference.
 */
export function indexCrmRecordsByKey(records: ReadonlyArray<TCrmKeyRecord>): Map<string, string> {
  const index = new Map<string, string>();
  for (const record of records) {
    if (record.key && !index.has(record.key)) index.set(record.key, record.id);
  }
  return index;
}

/** Every prospect whose key a CRM record has, linked to that record. */
export function planProspectMarks(
  prospects: ReadonlyArray<TProspectKeyRecord>,
  crmByKey: ReadonlyMap<string, string>,
): TProspectMark[] {
  const marks: TProspectMark[] = [];
  for (const prospect of prospects) {
    const crmRecordId = prospect.key ? crmByKey.get(prospect.key) : undefined;
    if (prospect.key && crmRecordId) marks.push({ prospectId: prospect.id, crmRecordId, key: prospect.key });
  }
  return marks;
}
