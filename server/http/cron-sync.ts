import { getDb } from "@/db/client";
import { runTick } from "@/server/sync/run-tick";
import type { TBusyTick, TTickSummary } from "@/server/sync/tick-summary";

/** What GET /api/cron/sync runs: one tick on the process-wide database. */
export function runCronTick(): Promise<TTickSummary | TBusyTick> {
  return runTick(getDb(), "cron");
}
