import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // libSQL's native driver and jsforce must be required at run time, not bundled.
  serverExternalPackages: ["@libsql/client", "libsql", "jsforce"],
  poweredByHeader: false,
  // "Load sample prospects" reads samples/*.csv at run time, which tracing cannot see.
  outputFileTracingIncludes: { "/api/trpc/[trpc]": ["./samples/**/*"] },
  typedRoutes: false,
  experimental: {
    // Server actions carry small forms (sign-in, the first admin); files go through tRPC, whose
    // route caps its own bodies (app/api/trpc/[trpc]/route.ts).
    serverActions: { bodySizeLimit: "100kb" },
  },
};

export default nextConfig;
