// GET /api/health — database state, Salesforce link state and the last sync tick; for monitors.
import { withJsonErrors } from "@/server/http/json-errors";
import { getHealth } from "@/server/status/health";

export const dynamic = "force-dynamic";

export const GET = withJsonErrors("health", async () => {
  const health = await getHealth();
  return Response.json(health, { status: health.db === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
