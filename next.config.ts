import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // libSQL's native driver and jsforce must be required at run time, not bundled.
  serverExternalPackages: ["@libsql/client", "libsql", "jsforce"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
