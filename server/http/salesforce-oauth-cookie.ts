import "server-only";
import { cookies } from "next/headers";
import type { NextResponse } from "next/server";
import { FLOW_TTL_MS } from "@/server/salesforce/oauth-flow";

/**
 * The browser half of a started Salesforce OAuth flow (see `stateFor` in oauth-flow.ts): HttpOnly,
 * sent only to the callback, and SameSite=Lax so Salesforce's redirect back (a top-level GET from
 * another site) still carries it.
 */
const NAME = "tandem_salesforce_oauth";
const PATH = "/api/salesforce/oauth";

export async function rememberOAuthBrowser(browserKey: string, origin: string): Promise<void> {
  (await cookies()).set(NAME, browserKey, {
    httpOnly: true,
    sameSite: "lax",
    secure: origin.startsWith("https:"),
    path: PATH,
    maxAge: FLOW_TTL_MS / 1000,
  });
}

export async function readOAuthBrowser(): Promise<string | null> {
  return (await cookies()).get(NAME)?.value ?? null;
}

/** A flow is finished (or refused) once: the key is of no further use. */
export function forgetOAuthBrowser(response: NextResponse, origin: string): NextResponse {
  response.cookies.set(NAME, "", {
    httpOnly: true,
    sameSite: "lax",
    secure: origin.startsWith("https:"),
    path: PATH,
    maxAge: 0,
  });
  return response;
}
