import { timingSafeEqual } from "node:crypto";
import { getEnv } from "@/server/env";

/**
 * Every cron route checks `Authorization: Bearer $CRON_SECRET` here. Without CRON_SECRET set,
 * cron routes refuse everything rather than run unauthenticated.
 */
export function isAuthorizedCron(request: Request, secret: string | undefined = getEnv().CRON_SECRET): boolean {
  if (!secret) return false;
  const header = request.headers.get("authorization") ?? "";
  const expected = Buffer.from(`Bearer ${secret}`);
  const actual = Buffer.from(header);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
