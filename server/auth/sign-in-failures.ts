import { and, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { signInFailures } from "@/db/schema";
import { FAILURE_WINDOW_MS, FREE_FAILURES, MAX_WAIT_MS, remainingWait, type TFailureRecord } from "./throttle-policy";

export type TThrottleKeys = { account: string; client: string };

/**
 * An attempt counts against two keys: the address tried from this client, and this client across
 * every address. Neither is shared with other clients, so a stranger's failures never slow down
 * the right person signing in from somewhere else.
 */
export function throttleKeys(email: string, client: string): TThrottleKeys {
  return { account: `email:${email}|ip:${client}`, client: `ip:${client}` };
}

/** throttle-policy.ts's wait after `failures` failures, as SQL (sign-in-failures.int.test.ts checks they agree). */
function waitAfter(failures: SQL): SQL {
  // 1 << 30 seconds is far above MAX_WAIT_MS: the cap applies long before the shift overflows.
  return sql`(CASE WHEN ${failures} >= ${FREE_FAILURES}
    THEN min(${MAX_WAIT_MS}, 1000 * (1 << min(${failures} - ${FREE_FAILURES}, 30))) ELSE 0 END)`;
}

/** remainingWait(row, now) > 0, for the row in scope. */
function isWaiting(now: number): SQL {
  return sql`(${now} - last_failure_at <= ${FAILURE_WINDOW_MS} AND ${now} < last_failure_at + ${waitAfter(sql`failures`)})`;
}

/**
 * Checks and records in one statement: unless one of the keys must still wait, the attempt is
 * counted against both as a failure before the password is even checked, so parallel guesses
 * cannot all slip through on one reading of the count. A success gives it back
 * (`forgiveAttempt`). Returns 0 when the attempt may go ahead, else the milliseconds to wait.
 */
export async function claimAttempt(db: TDatabase, keys: TThrottleKeys, now: number): Promise<number> {
  const list = [keys.account, keys.client];
  const claimed = await db.all<{ key: string }>(sql`
    INSERT INTO sign_in_failures (key, failures, first_failure_at, last_failure_at)
    SELECT column1, 1, ${now}, ${now} FROM (VALUES (${keys.account}), (${keys.client}))
    WHERE NOT EXISTS (
      SELECT 1 FROM sign_in_failures WHERE key IN (${keys.account}, ${keys.client}) AND ${isWaiting(now)}
    )
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN ${now} - last_failure_at > ${FAILURE_WINDOW_MS} THEN 1 ELSE failures + 1 END,
      first_failure_at = CASE WHEN ${now} - last_failure_at > ${FAILURE_WINDOW_MS} THEN ${now} ELSE first_failure_at END,
      last_failure_at = ${now}
    RETURNING key`);
  if (claimed.length > 0) return 0;
  const rows = await db.select().from(signInFailures).where(inArray(signInFailures.key, list));
  // Waiting when claimed, but possibly over by now: never answer "wait 0 seconds".
  return Math.max(1000, ...rows.map((row: TFailureRecord) => remainingWait(row, now)));
}

/**
 * After a right password: this client's tries at this address are forgotten. The client's own
 * count only gives back the claimed attempt (an address that guessed many emails stays slowed),
 * with its last failure set back so that the wait it owed is not started again.
 */
export async function forgiveAttempt(db: TDatabase, keys: TThrottleKeys, now: number): Promise<void> {
  await db.batch([
    db.delete(signInFailures).where(eq(signInFailures.key, keys.account)),
    db
      .update(signInFailures)
      .set({
        failures: sql`${signInFailures.failures} - 1`,
        lastFailureAt: sql`${now} - ${waitAfter(sql`(${signInFailures.failures} - 1)`)}`,
      })
      .where(and(eq(signInFailures.key, keys.client), gt(signInFailures.failures, 0))),
  ]);
}
