// POST /api/salesforce/outbound/<token> — Salesforce outbound messages. Stores and acknowledges
// fast (Salesforce waits at most 60 s), then applies the records after the response.
import { after } from "next/server";
import { getDb } from "@/db/client";
import { readCappedBody } from "@/server/read-capped-body";
import { MAX_ENVELOPE_BYTES } from "@/server/salesforce/outbound-parser";
import { applyPendingNotifications } from "@/server/sync/outbound/apply-notifications";
import { receiveNotifications } from "@/server/sync/outbound/receive-notifications";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const body = await readCappedBody(request, MAX_ENVELOPE_BYTES);
  if (body === null) return new Response("Outbound messages larger than 1 MiB are refused.", { status: 413 });
  const { token } = await params;
  const db = getDb();
  const result = await receiveNotifications(db, { token, body, now: Date.now() });
  if (result.stored > 0) {
    after(async () => {
      const outcome = await applyPendingNotifications(db);
      if (outcome.error) console.error(`[outbound] notifications stay pending: ${outcome.error}`);
    });
  }
  return new Response(result.body, { status: result.status, headers: { "content-type": result.contentType } });
}
