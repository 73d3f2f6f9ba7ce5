// GET /api/cron/sync — run one sync tick (pull, then push) and answer its summary. Vercel cron
// (vercel.json) or any scheduler calls it with `Authorization: Bearer $CRON_SECRET`.
import { getDb } from "@/db/client";
import { isAuthorizedCron } from "@/server/cron-auth";
import { runTick } from "@/server/sync/run-tick";

export const dynamic = "force-dynamic";
// Inside Vercel's default 300 s function limit; the tick's own budget (SYNC_TIME_BUDGET_MS) is 240 s.
export const maxDuration = 300;

export async function GET(request: Request) {
  if (!isAuthorizedCron(request)) {
    return Response.json({ ok: false, error: "Send Authorization: Bearer <CRON_SECRET>." }, { status: 401 });
  }
  const summary = await runTick(getDb(), "cron");
  return Response.json(summary, { headers: { "Cache-Control": "no-store" } });
}
