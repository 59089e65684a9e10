import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/security-headers";
import { BODY_LIMITS } from "./lib/validation/limits";

const nextConfig: NextConfig = {
  // Native/wasm database drivers must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "nodemailer"],
  poweredByHeader: false,
  // The same limit as the API's largest body (a pasted source): see BODY_LIMITS.
  experimental: { serverActions: { bodySizeLimit: BODY_LIMITS.pastedSource } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default nextConfig;
