// POST /api/salesforce/outbound/<token> — Salesforce outbound messages. Checks the token, stores and
// acknowledges fast (Salesforce waits at most 60 s), then applies the records after the response.
import { after } from "next/server";
import { withJsonErrors } from "@/server/http/json-errors";
import { applyOutboundMessages, receiveOutboundMessages } from "@/server/http/outbound-messages";

export const dynamic = "force-dynamic";

export const POST = withJsonErrors(
  "outbound",
  async (request: Request, { params }: { params: Promise<{ token: string }> }) => {
    const { token } = await params;
    const result = await receiveOutboundMessages({ token, request, now: Date.now() });
    if (result.stored > 0) {
      after(async () => {
        const outcome = await applyOutboundMessages();
        if (outcome.error) console.error(`[outbound] notifications stay pending: ${outcome.error}`);
      });
    }
    return new Response(result.body, { status: result.status, headers: { "content-type": result.contentType } });
  },
);
