import type { InStatement } from "@libsql/client";
import { and, eq, lt, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { syncLeases } from "@/db/schema";
import { AppError } from "@/server/errors";

/** The one lease every tick (cron, CLI, wizard, outbound messages) takes. */
export const TICK_LEASE = "tick";

/**
 * Short, and renewed while the tick works: a tick that dies (kill -9, a crashed function) blocks
 * the next one for at most this long.
 */
export const LEASE_TTL_MS = 25_000;
const RENEW_EVERY_MS = 5_000;

/** The message SQLite raises when a fenced commit's writer no longer holds the lease. */
const LEASE_LOST = "TANDEM_LEASE_LOST";

export class LeaseLostError extends AppError {
  constructor() {
    super("CONFLICT", "This sync lost its lease to another one (it stalled past the lease's expiry); it stopped.");
    this.name = "LeaseLostError";
  }
}

/** True when a database error is the fence refusing a commit. */
export function isLeaseLost(error: unknown): boolean {
  if (error instanceof LeaseLostError) return true;
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if (String((cause as { message?: unknown }).message ?? "").includes(LEASE_LOST)) return true;
  }
  return false;
}

export type TLease = {
  readonly name: string;
  readonly holder: string;
  /**
   * Statements that open every commit of the holder: the fence (aborts the transaction unless the
   * lease is still held, see db/schema/sync.ts) and a renewal. Put them first in the batch.
   */
  fence(): InStatement[];
  /** Whether renewing found the lease taken by someone else. */
  readonly lost: boolean;
  /** Throws LeaseLostError when the lease is known to be lost (checked between units of work). */
  assertHeld(): void;
  /** Stops renewing and gives the lease back (only if still ours). Never throws. */
  release(): Promise<void>;
};

/**
 * Takes a lease when it is free or expired: one conditional upsert, then a read to see who won.
 * While held, it is renewed every few seconds, so the TTL can be short.
 */
export async function acquireLease(
  db: TDatabase,
  input: { name?: string; holder: string; now: () => number; ttlMs?: number; steal?: boolean },
): Promise<TLease | null> {
  const name = input.name ?? TICK_LEASE;
  const ttlMs = input.ttlMs ?? LEASE_TTL_MS;
  const { holder, now } = input;
  const expiresAt = now() + ttlMs;
  await db
    .insert(syncLeases)
    .values({ name, holder, expiresAt })
    .onConflictDoUpdate({
      target: syncLeases.name,
      set: { holder, expiresAt },
      // Stealing is for connecting another org: ticks of the old org are fenced out at once.
      setWhere: input.steal ? undefined : or(lt(syncLeases.expiresAt, now()), eq(syncLeases.holder, holder)),
    });
  const [row] = await db.select().from(syncLeases).where(eq(syncLeases.name, name));
  if (row?.holder !== holder) return null;

  let lost = false;
  const renew = async () => {
    const result = await db
      .update(syncLeases)
      .set({ expiresAt: now() + ttlMs })
      .where(and(eq(syncLeases.name, name), eq(syncLeases.holder, holder)));
    if (result.rowsAffected === 0) lost = true;
  };
  const timer = setInterval(() => {
    renew().catch((error: unknown) => console.error(`[lease] renewing ${name} failed:`, error));
  }, RENEW_EVERY_MS);
  timer.unref?.();

  return {
    name,
    holder,
    get lost() {
      return lost;
    },
    fence() {
      const at = now();
      return [
        {
          sql: "INSERT OR REPLACE INTO sync_lease_fence (name, holder, at) VALUES (?, ?, ?)",
          args: [name, holder, at],
        },
        {
          sql: "UPDATE sync_leases SET expires_at = ? WHERE name = ? AND holder = ?",
          args: [at + ttlMs, name, holder],
        },
      ];
    },
    assertHeld() {
      if (lost) throw new LeaseLostError();
    },
    async release() {
      clearInterval(timer);
      try {
        await db.delete(syncLeases).where(and(eq(syncLeases.name, name), eq(syncLeases.holder, holder)));
      } catch (error) {
        console.error(`[lease] releasing ${name} failed; it expires by itself within ${ttlMs / 1000} s:`, error);
      }
    },
  };
}

/**
 * Runs statements as one transaction behind the lease's fence (one round trip on a remote
 * database). Throws LeaseLostError when the lease was lost: nothing was written.
 */
export async function commitFenced(db: TDatabase, lease: TLease, statements: InStatement[]): Promise<void> {
  lease.assertHeld();
  try {
    await db.$client.batch([...lease.fence(), ...statements], "write");
  } catch (error) {
    if (isLeaseLost(error)) throw new LeaseLostError();
    throw error;
  }
}
