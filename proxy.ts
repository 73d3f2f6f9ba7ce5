import { type NextRequest, NextResponse } from "next/server";
import { getEnv } from "@/server/env";
import { contentSecurityPolicy, createNonce } from "@/server/http/content-security-policy";

/**
 * Every page request gets a fresh CSP nonce: Next reads it from the request's
 * Content-Security-Policy header and puts it on its own scripts, and the root layout hands it to
 * the theme script. The requested path goes to server components too (layouts cannot read it
 * otherwise), so a visitor sent to sign in comes back to the page they asked for.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { development: getEnv().NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-tandem-path", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: API routes, static assets and Next's internals get their headers from next.config.
  matcher: ["/((?!api/|_next/|favicon.ico).*)"],
};
