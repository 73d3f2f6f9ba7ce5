import { getDatabase } from "@/db/client";
import { checkDatabase, type TDatabaseState } from "@/db/status";

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
  // No Salesforce connection exists until an admin connects one in the setup wizard.
  return { db, salesforce: "disconnected", lastTickAt: null };
}
