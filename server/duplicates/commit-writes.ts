import type { InStatement } from "@libsql/client";
import type { TDatabase } from "@/db/client";
import { commitFenced, type TLease } from "@/server/sync/lease";

/** Statements per transaction: a full rebuild writes hundreds of thousands of keys in several. */
const STATEMENTS_PER_BATCH = 40;

/**
 * Writes statements in order, a transaction per batch: behind the tick's fence when a lease is
 * given (the writes of a tick that lost its lease are refused), else as a plain batch.
 */
export async function commitWrites(db: TDatabase, lease: TLease | null, statements: InStatement[]): Promise<void> {
  for (let start = 0; start < statements.length; start += STATEMENTS_PER_BATCH) {
    const batch = statements.slice(start, start + STATEMENTS_PER_BATCH);
    if (lease) await commitFenced(db, lease, batch);
    else await db.$client.batch(batch, "write");
  }
}
