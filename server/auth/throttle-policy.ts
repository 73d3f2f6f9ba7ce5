/**
 * How repeated sign-in failures are slowed down. Pure: the caller passes the clock.
 * The first few mistakes are free; after that each further attempt must wait twice as long
 * as the one before, up to a cap, and the count is forgotten after a quiet window.
 */
export const FREE_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const MAX_WAIT_MS = 5 * 60_000;

export type TFailureRecord = { failures: number; firstFailureAt: number; lastFailureAt: number };

export function isExpired(record: TFailureRecord, now: number): boolean {
  return now - record.lastFailureAt > FAILURE_WINDOW_MS;
}

/** Milliseconds the caller must still wait before another attempt is even checked; 0 if none. */
export function remainingWait(record: TFailureRecord | undefined, now: number): number {
  if (!record || isExpired(record, now) || record.failures < FREE_FAILURES) return 0;
  const wait = Math.min(1000 * 2 ** (record.failures - FREE_FAILURES), MAX_WAIT_MS);
  return Math.max(0, record.lastFailureAt + wait - now);
}

export function addFailure(record: TFailureRecord | undefined, now: number): TFailureRecord {
  if (!record || isExpired(record, now)) return { failures: 1, firstFailureAt: now, lastFailureAt: now };
  return { failures: record.failures + 1, firstFailureAt: record.firstFailureAt, lastFailureAt: now };
}
