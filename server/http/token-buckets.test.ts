import { describe, expect, it } from "vitest";
import { createTokenBuckets } from "./token-buckets";

const options = { capacity: 3, refillPerSecond: 2, maxKeys: 4 };

function takeMany(buckets: ReturnType<typeof createTokenBuckets>, key: string, count: number, now: number) {
  return Array.from({ length: count }, () => buckets.take(key, now));
}

describe("token buckets", () => {
  it("lets a burst of `capacity` through at once, then refuses with the seconds until the next request", () => {
    const buckets = createTokenBuckets(options);
    const taken = takeMany(buckets, "a", 4, 0);
    expect(taken.slice(0, 3)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(taken[3]).toEqual({ ok: false, retryAfterSeconds: 1, firstRefusal: true });
    expect(buckets.take("a", 0)).toEqual({ ok: false, retryAfterSeconds: 1, firstRefusal: false });
  });

  it("calls a refusal first once per flood: requests let through mid-flood do not start another", () => {
    const buckets = createTokenBuckets(options);
    takeMany(buckets, "a", 3, 0);
    expect(buckets.take("a", 0)).toMatchObject({ ok: false, firstRefusal: true });
    expect(buckets.take("a", 500)).toEqual({ ok: true });
    expect(buckets.take("a", 500)).toMatchObject({ ok: false, firstRefusal: false });
    // Idle until full again: the next flood is a new one.
    takeMany(buckets, "a", 3, 10_000);
    expect(buckets.take("a", 10_000)).toMatchObject({ ok: false, firstRefusal: true });
  });

  it.each([
    ["half a request back: still refused", 250, false],
    ["one request back after 1/refill seconds", 500, true],
  ])("refills at its rate: %s", (_name, elapsedMs, ok) => {
    const buckets = createTokenBuckets(options);
    takeMany(buckets, "a", 3, 1_000);
    expect(buckets.take("a", 1_000 + elapsedMs).ok).toBe(ok);
  });

  it("refills no more than its capacity, however long a key was idle", () => {
    const buckets = createTokenBuckets(options);
    takeMany(buckets, "a", 3, 0);
    const later = takeMany(buckets, "a", 4, 3_600_000);
    expect(later.map((take) => take.ok)).toEqual([true, true, true, false]);
  });

  it("counts each key on its own", () => {
    const buckets = createTokenBuckets(options);
    takeMany(buckets, "a", 3, 0);
    expect(buckets.take("a", 0).ok).toBe(false);
    expect(buckets.take("b", 0).ok).toBe(true);
  });

  it("refills nothing when the clock steps back, and takes nothing back either", () => {
    const buckets = createTokenBuckets(options);
    takeMany(buckets, "a", 3, 10_000);
    expect(buckets.take("a", 5_000).ok).toBe(false);
    expect(buckets.take("a", 10_500).ok).toBe(true);
  });

  it("remembers at most maxKeys keys, forgetting the least recently seen, which starts full again", () => {
    const buckets = createTokenBuckets(options);
    takeMany(buckets, "busy", 3, 0);
    for (const key of ["k1", "k2", "k3"]) buckets.take(key, 0);
    buckets.take("busy", 0); // seen again: now the most recent
    buckets.take("k4", 0); // forgets k1, the least recently seen
    expect(buckets.size).toBe(4);
    expect(buckets.take("busy", 0).ok).toBe(false);
    for (let index = 0; index < 100_000; index++) buckets.take(`random-${index}`, 0);
    expect(buckets.size).toBe(4);
  });

  it.each([
    { capacity: 0, refillPerSecond: 1, maxKeys: 1 },
    { capacity: 1, refillPerSecond: 0, maxKeys: 1 },
    { capacity: 1, refillPerSecond: 1, maxKeys: 0 },
  ])("refuses options that could never let a request through: %o", (bad) => {
    expect(() => createTokenBuckets(bad)).toThrow(/capacity >= 1/);
  });
});
