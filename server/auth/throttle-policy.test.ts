import { describe, expect, it } from "vitest";
import {
  addFailure,
  FAILURE_WINDOW_MS,
  FREE_FAILURES,
  MAX_WAIT_MS,
  remainingWait,
  type TFailureRecord,
} from "./throttle-policy";

function failures(count: number, at = 0): TFailureRecord {
  return { failures: count, firstFailureAt: at, lastFailureAt: at };
}

describe("sign-in throttle policy", () => {
  it.each([
    { name: "no record", record: undefined, now: 0, wait: 0 },
    { name: "below the free failures", record: failures(FREE_FAILURES - 1), now: 0, wait: 0 },
    { name: "at the free failures, right away", record: failures(FREE_FAILURES), now: 0, wait: 1000 },
    { name: "at the free failures, after a second", record: failures(FREE_FAILURES), now: 1000, wait: 0 },
    { name: "doubles with each failure", record: failures(FREE_FAILURES + 3), now: 0, wait: 8000 },
    { name: "is capped", record: failures(FREE_FAILURES + 30), now: 0, wait: MAX_WAIT_MS },
    { name: "forgotten after the window", record: failures(50), now: FAILURE_WINDOW_MS + 1, wait: 0 },
  ])("wait: $name", ({ record, now, wait }) => {
    expect(remainingWait(record, now)).toBe(wait);
  });

  it("counts failures inside the window and restarts after it", () => {
    const first = addFailure(undefined, 100);
    const second = addFailure(first, 200);
    expect(second).toEqual({ failures: 2, firstFailureAt: 100, lastFailureAt: 200 });
    expect(addFailure(second, 200 + FAILURE_WINDOW_MS + 1)).toEqual({
      failures: 1,
      firstFailureAt: 200 + FAILURE_WINDOW_MS + 1,
      lastFailureAt: 200 + FAILURE_WINDOW_MS + 1,
    });
  });
});
