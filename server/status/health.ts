import { getDatabase } from "@/db/client";
import { desc, isNotNull } from "drizzle-orm";
import { syncTicks } from "@/db/schema";
import { checkDatabase, type TDatabaseState } from "@/db/status";
import { getConnectionRow } from "@/server/salesforce/connection-store";

export type THealth = {
  db: TDatabaseState;
  salesforce: "connected" | "disconnected" | "error";
  lastTickAt: string | null;
};

/** What /api/health reports: whether the database is usable and the Salesforce link's state. */
export async function getHealth(): Promise<THealth> {
  let db: TDatabaseState;
  try {
    db = await checkDatabase(getDatabase().client);
  } catch {
    db = "unreachable";
  }
  if (db !== "ok") return { db, salesforce: "disconnected", lastTickAt: null };
  const database = getDatabase().db;
  const connection = await getConnectionRow(database);
  const [lastTick] = await database
    .select({ at: syncTicks.finishedAt })
    .from(syncTicks)
    .where(isNotNull(syncTicks.finishedAt))
    .orderBy(desc(syncTicks.finishedAt))
    .limit(1);
  return {
    db,
    salesforce: !connection ? "disconnected" : connection.status === "connected" ? "connected" : "error",
    lastTickAt: lastTick?.at ? new Date(lastTick.at).toISOString() : null,
  };
}
