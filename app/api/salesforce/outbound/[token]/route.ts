// POST /api/salesforce/outbound/<token> — Salesforce outbound messages. Stores and acknowledges
// fast (Salesforce waits at most 60 s), then applies the records after the response.
import { after } from "next/server";
import { readCappedBody } from "@/server/http/read-capped-body";
import { applyOutboundMessages, receiveOutboundMessages } from "@/server/http/outbound-messages";
import { MAX_ENVELOPE_BYTES } from "@/server/salesforce/outbound-parser";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const body = await readCappedBody(request, MAX_ENVELOPE_BYTES);
  if (body === null) return new Response("Outbound messages larger than 1 MiB are refused.", { status: 413 });
  const { token } = await params;
  const result = await receiveOutboundMessages({ token, body, now: Date.now() });
  if (result.stored > 0) {
    after(async () => {
      const outcome = await applyOutboundMessages();
      if (outcome.error) console.error(`[outbound] notifications stay pending: ${outcome.error}`);
    });
  }
  return new Response(result.body, { status: result.status, headers: { "content-type": result.contentType } });
}
