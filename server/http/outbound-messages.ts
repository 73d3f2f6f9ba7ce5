import { getDb, type TDatabase } from "@/db/client";
import { log } from "@/server/log";
import { processOutboundNotifications } from "@/server/sync/outbound/process-notifications";
import { receiveNotifications } from "@/server/sync/outbound/receive-notifications";
import { takeOutboundRequest, type TOutboundLimiter } from "./outbound-rate-limit";

export type TOutboundAnswer = { status: number; body: string; headers: Record<string, string>; stored: number };

/**
 * POST /api/salesforce/outbound/<token>, first stage: the rate limit (before anything is read),
 * then the token, the body (capped at 1 MiB), storing and the acknowledgement, which is sent only
 * once every notification is stored. A 429 stores and acknowledges nothing, so Salesforce sends
 * the message again. `db` and `limiter` are the process's unless given (tests).
 */
export async function receiveOutboundMessages(input: {
  token: string;
  request: Request;
  now: number;
  db?: TDatabase;
  limiter?: TOutboundLimiter;
}): Promise<TOutboundAnswer> {
  const slot = takeOutboundRequest(input.token, input.now, input.limiter);
  if (!slot.ok) {
    if (slot.firstRefusal) log.warn("outbound.rate_limited", { retryAfterSeconds: slot.retryAfterSeconds });
    return {
      status: 429,
      body: `Too many outbound messages at once; retry after ${slot.retryAfterSeconds} s.`,
      headers: { "content-type": "text/plain; charset=utf-8", "retry-after": String(slot.retryAfterSeconds) },
      stored: 0,
    };
  }
  const result = await receiveNotifications(input.db ?? getDb(), {
    token: input.token,
    body: input.request,
    now: input.now,
  });
  return {
    status: result.status,
    body: result.body,
    headers: { "content-type": result.contentType },
    stored: result.stored,
  };
}

/** Second stage, after the answer: apply the stored notifications; those left pending are logged. */
export async function applyOutboundMessages(): Promise<void> {
  const result = await processOutboundNotifications(getDb());
  if ("skipped" in result || !result.failures?.length) return;
  log.warn("outbound.left_pending", {
    tickId: result.tickId,
    failures: result.failures.map((failure) => failure.code),
  });
}
