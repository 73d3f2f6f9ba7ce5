import { getDb } from "@/db/client";
import { processOutboundNotifications } from "@/server/sync/outbound/process-notifications";
import { receiveNotifications, type TReceiveResult } from "@/server/sync/outbound/receive-notifications";

/**
 * POST /api/salesforce/outbound/<token>, first stage: check the token, then read the body (capped
 * at 1 MiB), store and acknowledge.
 */
export function receiveOutboundMessages(input: {
  token: string;
  request: Request;
  now: number;
}): Promise<TReceiveResult> {
  return receiveNotifications(getDb(), { token: input.token, body: input.request, now: input.now });
}

/** Second stage, after the answer: apply the stored notifications; `error` says why some stay pending. */
export async function applyOutboundMessages(): Promise<{ error?: string }> {
  const result = await processOutboundNotifications(getDb());
  if ("skipped" in result || !result.failures?.length) return {};
  return { error: result.failures.map((failure) => failure.message).join(" ") };
}
