import type { TDatabase } from "@/db/client";
import { readSetting, writeSetting } from "@/server/settings/settings-store";
import { z } from "zod";

const KEY = "salesforce.lastOrgId";

/**
 * Connecting a different org than before must not mix two orgs' records: the mirrored CRM data,
 * cursors and sync bookkeeping are cleared (prospects stay, unlinked). Reconnecting the same org
 * keeps everything and continues from the cursors.
 */
export async function resetIfOrgChanged(db: TDatabase, orgId: string): Promise<boolean> {
  const previous = await readSetting(db, KEY, z.string().nullable().default(null));
  await writeSetting(db, KEY, orgId);
  if (!previous || previous.slice(0, 15) === orgId.slice(0, 15)) return false;
  await db.transaction(async (tx) => {
    for (const table of [
      "crm_people",
      "crm_accounts",
      "crm_opportunities",
      "suppressed_leads",
      "sync_cursors",
      "outbound_notifications",
    ]) {
      await tx.run(`DELETE FROM ${table}`);
    }
    await tx.run("DELETE FROM activity_log WHERE record_type IN ('person', 'account', 'opportunity')");
    await tx.run("UPDATE prospects SET crm_record_type = NULL, crm_record_id = NULL, in_crm_since = NULL");
  });
  return true;
}
