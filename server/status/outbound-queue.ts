import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { outboundNotifications } from "@/db/schema";

export const ZOutboundQueueSchema = z.object({
  pending: z.number(),
  failed: z.number(),
  /** The latest notifications Tandem gave up on, with Salesforce's reason (ERR-3). */
  recentFailures: z.array(
    z.object({
      notificationId: z.string(),
      object: z.string(),
      sfId: z.string(),
      receivedAt: z.number(),
      attempts: z.number(),
      error: z.string().nullable(),
    }),
  ),
});
export type TOutboundQueue = z.infer<typeof ZOutboundQueueSchema>;

const RECENT_FAILURES = 20;

/** Outbound-message notifications still waiting, and those that failed for good, for the Sync page. */
export async function getOutboundQueue(db: TDatabase): Promise<TOutboundQueue> {
  const byStatus = await db
    .select({ status: outboundNotifications.status, value: count() })
    .from(outboundNotifications)
    .groupBy(outboundNotifications.status);
  const counted = (status: "pending" | "failed") => byStatus.find((row) => row.status === status)?.value ?? 0;
  const recentFailures = await db
    .select({
      notificationId: outboundNotifications.notificationId,
      object: outboundNotifications.object,
      sfId: outboundNotifications.sfId,
      receivedAt: outboundNotifications.receivedAt,
      attempts: outboundNotifications.attempts,
      error: outboundNotifications.error,
    })
    .from(outboundNotifications)
    .where(eq(outboundNotifications.status, "failed"))
    .orderBy(desc(outboundNotifications.receivedAt))
    .limit(RECENT_FAILURES);
  return { pending: counted("pending"), failed: counted("failed"), recentFailures };
}
