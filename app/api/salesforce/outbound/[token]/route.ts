// POST /api/salesforce/outbound/<token> — Salesforce outbound messages. Rate-limits, checks the token,
// stores and acknowledges fast (Salesforce waits at most 60 s), then applies the records after the response.
import { after } from "next/server";
import { withJsonErrors } from "@/server/http/json-errors";
import { applyOutboundMessages, receiveOutboundMessages } from "@/server/http/outbound-messages";

export const dynamic = "force-dynamic";

export const POST = withJsonErrors(
  "outbound",
  async (request: Request, { params }: { params: Promise<{ token: string }> }) => {
    const { token } = await params;
    const answer = await receiveOutboundMessages({ token, request, now: Date.now() });
    if (answer.stored > 0) after(applyOutboundMessages);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  },
);
