import { inArray, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { signInFailures } from "@/db/schema";
import { addFailure, remainingWait, type TFailureRecord } from "./throttle-policy";

/** Throttle keys for one attempt: the address tried and, when known, the client's IP. */
export function throttleKeys(email: string, ip: string | undefined): string[] {
  return ip ? [`email:${email}`, `ip:${ip}`] : [`email:${email}`];
}

async function loadRecords(db: TDatabase, keys: string[]) {
  const rows = await db.select().from(signInFailures).where(inArray(signInFailures.key, keys));
  return new Map<string, TFailureRecord>(rows.map((row) => [row.key, row]));
}

/** The longest wait any key imposes, in milliseconds. */
export async function currentWait(db: TDatabase, keys: string[], now: number): Promise<number> {
  const records = await loadRecords(db, keys);
  return Math.max(0, ...keys.map((key) => remainingWait(records.get(key), now)));
}

export async function recordFailure(db: TDatabase, keys: string[], now: number): Promise<void> {
  const records = await loadRecords(db, keys);
  for (const key of keys) {
    const next = addFailure(records.get(key), now);
    await db
      .insert(signInFailures)
      .values({ key, ...next })
      .onConflictDoUpdate({ target: signInFailures.key, set: next });
  }
}

export async function clearFailures(db: TDatabase, email: string): Promise<void> {
  // Only the address is forgiven on success: an IP that guessed many addresses stays slowed.
  await db.delete(signInFailures).where(sql`${signInFailures.key} = ${`email:${email}`}`);
}
