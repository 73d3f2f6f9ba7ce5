import { getDatabase, type TDatabaseHandle } from "@/db/client";
import { desc, isNotNull } from "drizzle-orm";
import { syncTicks } from "@/db/schema";
import { checkDatabase, type TDatabaseState } from "@/db/status";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import { getSyncBacklog, type TSyncBacklog } from "./sync-backlog";

/** The contract's `{ db, salesforce, lastTickAt }`, and what waits (null while the database is not usable). */
export type THealth = {
  db: TDatabaseState;
  salesforce: "connected" | "disconnected" | "error";
  lastTickAt: string | null;
} & { [K in keyof TSyncBacklog]: TSyncBacklog[K] | null };

const NO_BACKLOG = { outboxDepth: null, pendingNotifications: null, oldestOpenErrorAgeSeconds: null };

/**
 * What /api/health reports: whether the database is usable, the Salesforce link's state, the last
 * tick, and the sync's backlog. `handle` and `now` are the process's unless given (tests).
 */
export async function getHealth(options: { handle?: TDatabaseHandle; now?: number } = {}): Promise<THealth> {
  let db: TDatabaseState;
  let handle: TDatabaseHandle;
  try {
    handle = options.handle ?? getDatabase();
    db = await checkDatabase(handle.client);
  } catch {
    return { db: "unreachable", salesforce: "disconnected", lastTickAt: null, ...NO_BACKLOG };
  }
  if (db !== "ok") return { db, salesforce: "disconnected", lastTickAt: null, ...NO_BACKLOG };
  const database = handle.db;
  const connection = await getConnectionRow(database);
  // Newest first by start (sync_ticks_started_idx), so the tick log is never scanned whole: ticks
  // run one at a time under the lease, so the last to start that finished is the last to finish.
  const [lastTick] = await database
    .select({ at: syncTicks.finishedAt })
    .from(syncTicks)
    .where(isNotNull(syncTicks.finishedAt))
    .orderBy(desc(syncTicks.startedAt))
    .limit(1);
  return {
    db,
    salesforce: !connection ? "disconnected" : connection.status === "connected" ? "connected" : "error",
    lastTickAt: lastTick?.at ? new Date(lastTick.at).toISOString() : null,
    ...(await getSyncBacklog(database, options.now ?? Date.now())),
  };
}
