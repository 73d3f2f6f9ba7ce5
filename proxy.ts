import { type NextRequest, NextResponse } from "next/server";

/**
 * Passes the requested path to server components (layouts cannot read it otherwise), so a
 * visitor sent to sign in comes back to the page they asked for.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-tandem-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: API routes, static assets and Next's internals need no path.
  matcher: ["/((?!api/|_next/|favicon.ico).*)"],
};
