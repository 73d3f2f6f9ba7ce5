import "server-only";
import type { TDatabase } from "@/db/client";
import { openSalesforce } from "@/server/salesforce/open-connection";
import { checkOrgForPush } from "@/server/sync/push/org-push-info";
import { tandemIdCheckOf } from "./get-push-settings";
import type { TTandemIdCheck } from "./push-settings-schemas";

/**
 * "Check again": describes the objects push writes now (one composite call and one query) and
 * says, per object, whether it carries the Tandem_Id__c external Id that makes creates exactly-once
 * by upsert. What the describe found is stored for the push engine too.
 */
export async function checkPushFields(db: TDatabase, now: number): Promise<TTandemIdCheck> {
  const salesforce = await openSalesforce(db);
  try {
    return tandemIdCheckOf(await checkOrgForPush(db, salesforce, now));
  } finally {
    await salesforce.flush();
  }
}
