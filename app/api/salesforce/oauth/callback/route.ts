// GET /api/salesforce/oauth/callback — where Salesforce sends the admin's browser after consent.
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/server/auth/session";
import { isAppError } from "@/server/errors";
import { getRequestOrigin } from "@/server/request-origin";
import { completeOAuthFlow } from "@/server/salesforce/oauth-flow";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const origin = await getRequestOrigin();
  const back = (query: Record<string, string>) =>
    NextResponse.redirect(`${origin}/setup?${new URLSearchParams({ step: "connect", ...query })}`);
  const user = await getSessionUser();
  if (!user || user.role !== "admin")
    return NextResponse.redirect(`${origin}/sign-in?callbackUrl=${encodeURIComponent("/setup?step=connect")}`);
  const url = new URL(request.url);
  try {
    await completeOAuthFlow(getDb(), {
      state: url.searchParams.get("state"),
      code: url.searchParams.get("code"),
      error: url.searchParams.get("error"),
      errorDescription: url.searchParams.get("error_description"),
      origin,
      now: Date.now(),
    });
    return back({ connected: "1" });
  } catch (error) {
    if (isAppError(error)) return back({ error: error.message });
    console.error(`[oauth] ${error instanceof Error ? error.message : String(error)}`);
    return back({ error: "Connecting to Salesforce failed unexpectedly. Try again; the server log has details." });
  }
}
