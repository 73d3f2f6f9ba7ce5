import { and, eq, lt, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { syncLeases } from "@/db/schema";

/**
 * A lease row so cron, webhooks and the CLI never run two ticks at once. Taking it is one
 * conditional upsert: it succeeds only when the row is absent or expired (a crashed holder's
 * lease runs out by itself).
 */
export async function acquireLease(
  db: TDatabase,
  name: string,
  holder: string,
  now: number,
  ttlMs: number,
): Promise<boolean> {
  await db
    .insert(syncLeases)
    .values({ name, holder, expiresAt: now + ttlMs })
    .onConflictDoUpdate({
      target: syncLeases.name,
      set: { holder, expiresAt: now + ttlMs },
      setWhere: or(lt(syncLeases.expiresAt, now), eq(syncLeases.holder, holder)),
    });
  const [row] = await db.select().from(syncLeases).where(eq(syncLeases.name, name));
  return row?.holder === holder;
}

export async function releaseLease(db: TDatabase, name: string, holder: string): Promise<void> {
  await db.delete(syncLeases).where(and(eq(syncLeases.name, name), eq(syncLeases.holder, holder)));
}
