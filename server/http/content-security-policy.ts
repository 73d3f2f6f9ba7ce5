/**
 * The Content-Security-Policy of every page. Scripts run only from Tandem's own origin and with
 * the request's nonce ('strict-dynamic' lets those load Next's chunks); nothing may frame a page,
 * post a form elsewhere or load a plugin. Styles allow inline ones: React's style attributes and
 * the toaster's injected stylesheet carry no nonce. The Salesforce login page is reached by a
 * top-level navigation, which CSP does not govern. Pure.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // Next's development server evaluates modules and talks over a websocket.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(options.development ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** A fresh nonce per page request: 16 random bytes in base64. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
