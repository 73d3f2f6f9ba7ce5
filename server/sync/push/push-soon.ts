import { and, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { pushOutbox } from "@/db/schema";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import { readSetting } from "@/server/settings/settings-store";
import { runTick } from "../run-tick";
import { enabledKinds, sendable } from "./push-outbox";

/**
 * The short tick after a rep's write: only when there is something it can push (a connected org,
 * a row waiting of a kind switched on, or a one-off enrichment), so edits made while push is off or Salesforce is not
 * connected do not fill the Sync page with empty ticks.
 */
export async function pushSoon(db: TDatabase) {
  const kinds = enabledKinds(await readSetting(db, "push.settings"));
  const connection = await getConnectionRow(db);
  if (connection?.status !== "connected") return null;
  const waiting = await db
    .select({ id: pushOutbox.id })
    .from(pushOutbox)
    .where(and(sendable(kinds), inArray(pushOutbox.state, ["pending", "sending"])))
    .limit(1);
  if (waiting.length === 0) return null;
  return runTick(db, "push");
}
