import { count, inArray, min } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { outboundNotifications, pushErrors, pushOutbox } from "@/db/schema";

export type TSyncBacklog = {
  /** Push outbox rows waiting to go or in flight (`pending`, `sending`): what status --json calls pending. */
  outboxDepth: number;
  /** Outbound-message notifications stored but not applied yet. */
  pendingNotifications: number;
  /** Seconds since the oldest open push error (open or retrying) first happened; null when none is. */
  oldestOpenErrorAgeSeconds: number | null;
};

/**
 * What waits, for /api/health: one query each, each answered from an index whose first column is
 * the state it filters on (push_outbox_state_idx, outbound_notifications_status_idx,
 * push_errors_state_idx; health.int.test.ts checks the plans). The counts read only the index
 * entries of waiting rows, never the rows that are done. The oldest error reads `first_at` from
 * the open errors' rows, which the index finds: as many rows as open errors, which a person works
 * down in the error log.
 */
export async function getSyncBacklog(db: TDatabase, now: number): Promise<TSyncBacklog> {
  const [outbox, notifications, oldestError] = await Promise.all([
    db
      .select({ value: count() })
      .from(pushOutbox)
      .where(inArray(pushOutbox.state, ["pending", "sending"])),
    db
      .select({ value: count() })
      .from(outboundNotifications)
      .where(inArray(outboundNotifications.status, ["pending"])),
    db
      .select({ firstAt: min(pushErrors.firstAt) })
      .from(pushErrors)
      .where(inArray(pushErrors.state, ["open", "retrying"])),
  ]);
  const firstAt = oldestError[0]?.firstAt ?? null;
  return {
    outboxDepth: outbox[0]?.value ?? 0,
    pendingNotifications: notifications[0]?.value ?? 0,
    oldestOpenErrorAgeSeconds: firstAt === null ? null : Math.max(0, Math.floor((now - firstAt) / 1000)),
  };
}
