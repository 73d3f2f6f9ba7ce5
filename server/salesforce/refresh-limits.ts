import type { TDatabase } from "@/db/client";
import { isSalesforceError } from "@/server/errors";
import { updateConnectionRow } from "./connection-store";
import { openSalesforce } from "./open-connection";

/** Reads /limits now (one API call) so the admin sees the remaining daily calls. */
export async function refreshApiLimits(db: TDatabase, now: number): Promise<{ used: number; max: number }> {
  const salesforce = await openSalesforce(db);
  try {
    const usage = await salesforce.getDailyApiUsage();
    await updateConnectionRow(db, { apiUsed: usage.used, apiMax: usage.max, apiUsageAt: now });
    return usage;
  } catch (error) {
    if (isSalesforceError(error) && error.connectionBroken) {
      await updateConnectionRow(db, { status: "broken", lastError: error.message });
    }
    throw error;
  } finally {
    await salesforce.flush();
  }
}
