// GET /api/salesforce/oauth/callback — where Salesforce sends the admin's browser after consent.
import { NextResponse } from "next/server";
import { getSessionUser } from "@/server/auth/session";
import { withJsonErrors } from "@/server/http/json-errors";
import { getRequestOrigin } from "@/server/http/request-origin";
import { finishSalesforceOAuth } from "@/server/http/salesforce-oauth-callback";

export const dynamic = "force-dynamic";

export const GET = withJsonErrors("oauth", async (request: Request) => {
  const origin = await getRequestOrigin();
  const user = await getSessionUser();
  if (!user || user.role !== "admin")
    return NextResponse.redirect(`${origin}/sign-in?callbackUrl=${encodeURIComponent("/setup?step=connect")}`);
  return finishSalesforceOAuth(request, { userId: user.id, origin });
});
