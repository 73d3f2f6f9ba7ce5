import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { outboundNotifications } from "@/db/schema";
import { runTick } from "../run-tick";
import type { TBusyTick, TTickSummary } from "../tick-summary";

/** How long an outbound message's follow-up waits for a busy tick before leaving it to the next. */
const WAIT_FOR_BUSY_TICK_MS = 20_000;
const RETRY_EVERY_MS = 1_000;

/**
 * After an outbound message is acknowledged: apply the stored notifications in a tick of their
 * own (trigger "outbound": notifications only, under the lease, respecting the admin's pause and
 * the API budget). When another tick holds the lease it applies pending notifications at its end,
 * but it may be past that point already, so this waits and tries again for a short while as long
 * as any notification is still due; after that the next tick picks them up.
 */
export async function processOutboundNotifications(
  db: TDatabase,
  deps: { now?: () => number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<TTickSummary | TBusyTick> {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const giveUpAt = now() + WAIT_FOR_BUSY_TICK_MS;
  for (;;) {
    const result = await runTick(db, "outbound", { now });
    if (!("skipped" in result) || now() >= giveUpAt || !(await hasDueNotifications(db, now()))) return result;
    await sleep(RETRY_EVERY_MS);
  }
}

async function hasDueNotifications(db: TDatabase, now: number): Promise<boolean> {
  const [row] = await db
    .select({ id: outboundNotifications.notificationId })
    .from(outboundNotifications)
    .where(
      and(
        eq(outboundNotifications.status, "pending"),
        or(isNull(outboundNotifications.nextAttemptAt), lte(outboundNotifications.nextAttemptAt, now)),
      ),
    )
    .limit(1);
  return Boolean(row);
}
