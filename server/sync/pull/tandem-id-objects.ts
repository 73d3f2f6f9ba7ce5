import type { TDatabase } from "@/db/client";
import { readSetting } from "@/server/settings/settings-store";

/**
 * The objects of this org that carry Tandem_Id__c (the push's describe check found them): pulls
 * ask for the field there, so a record Tandem created links back to it (PUSH-2).
 */
export async function tandemIdObjects(db: TDatabase, orgId: string): Promise<string[]> {
  const info = await readSetting(db, "salesforce.pushInfo");
  return info && info.orgId === orgId ? info.tandemIdObjects : [];
}
