import type { NextConfig } from "next";

/** API answers are data, never documents: nothing to run, nothing may frame them. */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Sent with every answer; pages add their own Content-Security-Policy in proxy.ts. */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

const nextConfig: NextConfig = {
  // libSQL's native driver and jsforce must be required at run time, not bundled.
  serverExternalPackages: ["@libsql/client", "libsql", "jsforce"],
  poweredByHeader: false,
  // "Load sample prospects" reads samples/*.csv at run time, which tracing cannot see.
  outputFileTracingIncludes: { "/api/trpc/[trpc]": ["./samples/**/*"] },
  typedRoutes: false,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
  experimental: {
    // Server actions carry small forms (sign-in, the first admin); files go through tRPC, whose
    // route caps its own bodies (app/api/trpc/[trpc]/route.ts).
    serverActions: { bodySizeLimit: "100kb" },
  },
};

export default nextConfig;
