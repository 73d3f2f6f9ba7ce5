// GET /api/cron/sync — run one sync tick (pull, then push) and answer its summary. Vercel cron
// (vercel.json) or any scheduler calls it with `Authorization: Bearer $CRON_SECRET`.
import { isAuthorizedCron } from "@/server/http/cron-auth";
import { runCronTick } from "@/server/http/cron-sync";
import { withJsonErrors } from "@/server/http/json-errors";

export const dynamic = "force-dynamic";
// Inside Vercel's default 300 s function limit; the tick's own budget (SYNC_TIME_BUDGET_MS) is 240 s.
export const maxDuration = 300;

export const GET = withJsonErrors("cron", async (request: Request) => {
  if (!isAuthorizedCron(request)) {
    return Response.json({ ok: false, error: "Send Authorization: Bearer <CRON_SECRET>." }, { status: 401 });
  }
  return Response.json(await runCronTick(), { headers: { "Cache-Control": "no-store" } });
});
