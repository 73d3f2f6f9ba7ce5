import type { TDatabase } from "@/db/client";
import { AppError } from "@/server/errors";
import { classifySyncError } from "@/server/sync/core/classify-error";
import { updateConnectionRow } from "./connection-store";
import { openSalesforce } from "./open-connection";

/** Reads /limits now (one API call) so the admin sees the remaining daily calls. */
export async function refreshApiLimits(db: TDatabase, now: number): Promise<{ used: number; max: number }> {
  const { connection } = await openSalesforce(db);
  try {
    const limits = (await connection.limits()) as unknown as { DailyApiRequests?: { Max: number; Remaining: number } };
    const daily = limits.DailyApiRequests;
    if (!daily)
      throw new AppError(
        "SALESFORCE_ERROR",
        'Salesforce did not report the daily API limit (the user may lack "View Setup and Configuration").',
      );
    const usage = { used: daily.Max - daily.Remaining, max: daily.Max };
    await updateConnectionRow(db, { apiUsed: usage.used, apiMax: usage.max, apiUsageAt: now });
    return usage;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const classified = classifySyncError(error as Error);
    if (classified.connection) await updateConnectionRow(db, { status: "broken", lastError: classified.message });
    throw new AppError("SALESFORCE_ERROR", classified.message, { cause: error });
  }
}
