import { createHash } from "node:crypto";
import { createTokenBuckets, type TTake, type TTokenBuckets } from "./token-buckets";

/**
 * How hard one outbound-message URL may be called, per process.
 *
 * What Salesforce documents about its delivery: up to 100 notifications per SOAP message, and
 * separate saves "sometimes batched together" into one message; messages wait in a queue that a
 * background process sends, each waiting up to 60 s for the answer; a message not acknowledged is
 * sent again at growing intervals (at most 2 h apart) until it is 24 h old. It documents no rate
 * and no number of parallel deliveries. So the limits sit far above what that queue sends:
 * - BURST 100 messages at once, i.e. up to 10,000 notifications: a mass update arrives as a
 *   backlog, and a backlog makes Salesforce's messages fuller (100 notifications each), not more
 *   numerous.
 * - 10 messages a second after that (up to 1,000 notifications a second, 36,000 messages an
 *   hour).
 * A refused message loses nothing: the refusal comes before the body is read, nothing is stored
 * or acknowledged, and Salesforce sends the message again (its first retries come within
 * seconds). What the limit stops is a caller who has the URL (or keeps guessing one token)
 * making Tandem read, parse and store megabytes, and start a tick, many times a second.
 *
 * Unknown tokens count, each on its own bucket: the limiter runs before the token check it exists
 * to spare (a settings read and a decryption), so it cannot tell them apart. A stranger repeating
 * one wrong token is slowed like anyone; one spraying random tokens gets 401s and can never spend
 * the real token's bucket. Memory stays bounded: keys are SHA-256 digests (a 16 KB path costs as
 * much as a short one), at most MAX_KEYS of them, the least recently seen forgotten first (a
 * forgotten key just starts full again).
 *
 * Per process: each server process (each Vercel function instance) keeps its own buckets, so N
 * instances let N times as much through, and a new instance starts full. That is enough to damp
 * a flood where it lands; a limit shared across instances would need a shared store.
 */
export const OUTBOUND_LIMITS = { capacity: 100, refillPerSecond: 10, maxKeys: 1000 } as const;

export type TOutboundLimiter = TTokenBuckets;

export function createOutboundLimiter(): TOutboundLimiter {
  return createTokenBuckets(OUTBOUND_LIMITS);
}

const processLimiter = createOutboundLimiter();

/** Spends one request of this path token at `now` (ms), on the process's limiter unless given one. */
export function takeOutboundRequest(token: string, now: number, limiter: TOutboundLimiter = processLimiter): TTake {
  return limiter.take(createHash("sha256").update(token).digest("base64url"), now);
}
