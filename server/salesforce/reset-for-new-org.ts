import type { InStatement } from "@libsql/client";
import type { TDatabaseOrTransaction } from "@/db/client";
import { clearSettingsStatement, readSetting, settingStatement } from "@/server/settings/settings-store";
import { sameOrg } from "./outbound-parser";

const WIPED_TABLES = [
  "crm_people",
  "crm_accounts",
  "crm_opportunities",
  "suppressed_leads",
  "sync_cursors",
  "outbound_notifications",
  // Duplicate detection starts over (DUP-1): the next tick checks every record again.
  "match_keys",
  "duplicate_pairs",
  // Merges and the records Tandem stopped syncing name the old org's Salesforce records.
  "record_merges",
  "ignored_salesforce_records",
] as const;

/**
 * Connecting a different org than before must not mix two orgs' records: the mirrored CRM data,
 * cursors and sync bookkeeping are cleared (prospects stay, unlinked), so the new org loads its
 * full history. Reconnecting the same org keeps everything and continues from the cursors.
 * Returns the statements to commit together with the new connection row, and whether they wipe.
 */
export async function planOrgSwitch(
  db: TDatabaseOrTransaction,
  orgId: string,
): Promise<{ wipes: boolean; statements: InStatement[] }> {
  const previous = await readSetting(db, "salesforce.lastOrgId");
  const remember = settingStatement(db, "salesforce.lastOrgId", orgId);
  if (!previous || sameOrg(previous, orgId)) return { wipes: false, statements: [remember] };
  return {
    wipes: true,
    statements: [
      ...WIPED_TABLES.map((table) => `DELETE FROM ${table}`),
      "DELETE FROM activity_log WHERE record_type IN ('person', 'account', 'opportunity')",
      "UPDATE prospects SET crm_record_type = NULL, crm_record_id = NULL, in_crm_since = NULL",
      clearSettingsStatement(db, [
        "duplicates.checkedThrough",
        "duplicates.model.people",
        "duplicates.model.companies",
      ]),
      remember,
    ],
  };
}
