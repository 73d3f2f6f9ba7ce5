export type TTokenBucketOptions = {
  /** The burst: requests a key may make at once after being idle. */
  capacity: number;
  /** Requests a key regains per second, up to `capacity`. */
  refillPerSecond: number;
  /** Keys remembered at most; past that the least recently seen is forgotten. */
  maxKeys: number;
};

export type TTake =
  | { ok: true }
  | {
      ok: false;
      /** Whole seconds until the key has a request again (at least 1). */
      retryAfterSeconds: number;
      /** The first refusal since the key's bucket was last full: one log line per flood, not per request. */
      firstRefusal: boolean;
    };

export type TTokenBuckets = {
  /** Spends one request of `key` at time `now` (ms), or says how long to wait. */
  take(key: string, now: number): TTake;
  /** Keys currently remembered (never more than `maxKeys`). */
  readonly size: number;
};

type TBucket = { tokens: number; at: number; refused: number };

/**
 * A token bucket per key, in this process's memory, bounded in size. The map keeps keys in the
 * order they were last seen, so the first one is the least recently used: when a new key comes
 * and the map is full, that one is forgotten. Forgetting a key only gives it a full bucket again,
 * so the bound can make the limiter more lenient, never stricter. The clock is the caller's.
 */
export function createTokenBuckets(options: TTokenBucketOptions): TTokenBuckets {
  const { capacity, refillPerSecond, maxKeys } = options;
  if (!(capacity >= 1 && refillPerSecond > 0 && maxKeys >= 1)) {
    throw new Error("Token buckets need capacity >= 1, refillPerSecond > 0 and maxKeys >= 1.");
  }
  const buckets = new Map<string, TBucket>();
  return {
    take(key, now) {
      let bucket = buckets.get(key);
      if (bucket) {
        buckets.delete(key);
        // A clock that stepped back refills nothing (and takes nothing back).
        const elapsedMs = Math.max(0, now - bucket.at);
        bucket.tokens = Math.min(capacity, bucket.tokens + (elapsedMs / 1000) * refillPerSecond);
        bucket.at = Math.max(bucket.at, now);
        if (bucket.tokens >= capacity) bucket.refused = 0;
      } else {
        if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
        bucket = { tokens: capacity, at: now, refused: 0 };
      }
      buckets.set(key, bucket);
      // Refills add fractions of a request: rounding must not refuse one that has fully come back.
      if (bucket.tokens >= 1 - 1e-9) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      bucket.refused += 1;
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond));
      return { ok: false, retryAfterSeconds, firstRefusal: bucket.refused === 1 };
    },
    get size() {
      return buckets.size;
    },
  };
}
