// GET /api/health — database state, Salesforce link state and the last sync tick; for monitors.
import { getHealth } from "@/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await getHealth();
  return Response.json(health, { status: health.db === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
