import "server-only";
import type { TDatabase } from "@/db/client";
import { openSalesforce } from "@/server/salesforce/open-connection";
import { checkOrgForPush } from "@/server/sync/push/org-push-info";
import { getMappingView } from "./get-mapping-view";
import type { TMappingView } from "./mapping-schemas";

/**
 * "Read the org's fields again": one describe of the objects push and mapping write (one
 * composite call and one query), stored for the engine too, so a field added or deleted in
 * Salesforce shows on the mapping page at once.
 */
export async function checkMappingFields(db: TDatabase, now: number): Promise<TMappingView> {
  const salesforce = await openSalesforce(db);
  try {
    await checkOrgForPush(db, salesforce, now);
  } finally {
    await salesforce.flush();
  }
  return getMappingView(db);
}
