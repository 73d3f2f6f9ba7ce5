import "server-only";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { isAppError } from "@/server/errors";
import { reportUnexpectedError } from "@/server/report-error";
import { completeOAuthFlow } from "@/server/salesforce/oauth-flow";
import { forgetOAuthBrowser, readOAuthBrowser } from "./salesforce-oauth-cookie";

/**
 * GET /api/salesforce/oauth/callback: finishes connecting Salesforce for the signed-in admin and
 * sends the browser back to the wizard, with the sentence to show when it failed. Unexpected
 * failures are logged under an error id and answered in general terms.
 */
export async function finishSalesforceOAuth(
  request: Request,
  admin: { userId: string; origin: string },
): Promise<NextResponse> {
  const params = new URL(request.url).searchParams;
  let query: Record<string, string>;
  try {
    await completeOAuthFlow(getDb(), {
      state: params.get("state"),
      code: params.get("code"),
      error: params.get("error"),
      errorDescription: params.get("error_description"),
      origin: admin.origin,
      userId: admin.userId,
      browserKey: await readOAuthBrowser(),
      now: Date.now(),
    });
    query = { connected: "1" };
  } catch (error) {
    query = { error: isAppError(error) ? error.message : reportUnexpectedError("oauth", error).message };
  }
  const back = `${admin.origin}/setup?${new URLSearchParams({ step: "connect", ...query })}`;
  return forgetOAuthBrowser(NextResponse.redirect(back), admin.origin);
}
