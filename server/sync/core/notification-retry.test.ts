import { describe, expect, it } from "vitest";
import { MAX_NOTIFICATION_ATTEMPTS, planNotificationRetry } from "./notification-retry";

describe("ERR-3 outbound notification retries", () => {
  it("ERR-3: a transient refusal is retried with a doubling backoff", () => {
    expect(planNotificationRetry({ attempts: 0, retryable: true, now: 1000 })).toEqual({
      status: "pending",
      attempts: 1,
      nextAttemptAt: 31_000,
    });
    expect(planNotificationRetry({ attempts: 1, retryable: true, now: 1000 }).nextAttemptAt).toBe(61_000);
  });

  it("ERR-3: a transient refusal fails for good after the last attempt", () => {
    const last = planNotificationRetry({ attempts: MAX_NOTIFICATION_ATTEMPTS - 1, retryable: true, now: 0 });
    expect(last).toEqual({ status: "failed", attempts: MAX_NOTIFICATION_ATTEMPTS, nextAttemptAt: null });
  });

  it("ERR-3: a permanent refusal gets one more try, then fails", () => {
    expect(planNotificationRetry({ attempts: 0, retryable: false, now: 0 }).status).toBe("pending");
    expect(planNotificationRetry({ attempts: 1, retryable: false, now: 0 }).status).toBe("failed");
  });

  it("ERR-3: the backoff is capped at an hour", () => {
    const retry = planNotificationRetry({ attempts: 4, retryable: true, now: 0 });
    expect(retry.status === "pending" && retry.nextAttemptAt).toBeLessThanOrEqual(3_600_000);
  });
});
