import { and, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { syncLeases } from "@/db/schema";
import { LeaseLostError, type TLease } from "@/server/sync/lease";

/**
 * Matching a whole entity runs without yielding, so the lease's renewal timer cannot fire: before
 * it starts, the lease is held for as long as it may take (another tick waits, and a stall is
 * still bounded). The timer's next renewal shortens it again.
 */
export async function holdLeaseFor(db: TDatabase, lease: TLease, ms: number, now: number): Promise<void> {
  lease.assertHeld();
  const result = await db
    .update(syncLeases)
    .set({ expiresAt: now + ms })
    .where(and(eq(syncLeases.name, lease.name), eq(syncLeases.holder, lease.holder)));
  if (result.rowsAffected === 0) throw new LeaseLostError();
}
