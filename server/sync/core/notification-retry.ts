/**
 * ERR-3 for outbound messages: a notification whose record Salesforce will not give back is tried
 * again with growing pauses, then marked failed with the reason (shown on the Sync page), so one
 * bad record never jams the queue.
 */
export const MAX_NOTIFICATION_ATTEMPTS = 6;
const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;

export type TNotificationRetry =
  | { status: "pending"; attempts: number; nextAttemptAt: number }
  | { status: "failed"; attempts: number; nextAttemptAt: null };

export function planNotificationRetry(input: {
  attempts: number;
  retryable: boolean;
  now: number;
}): TNotificationRetry {
  const attempts = input.attempts + 1;
  // A permanent refusal (a field the user cannot see, an object not allowed) will not heal by
  // waiting; a transient one (row lock, 5xx, limits) is worth the full schedule.
  const limit = input.retryable ? MAX_NOTIFICATION_ATTEMPTS : 2;
  if (attempts >= limit) return { status: "failed", attempts, nextAttemptAt: null };
  const backoff = Math.min(FIRST_BACKOFF_MS * 2 ** (attempts - 1), MAX_BACKOFF_MS);
  return { status: "pending", attempts, nextAttemptAt: input.now + backoff };
}
