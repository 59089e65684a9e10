import type { NextConfig } from "next";
import { NOT_EMBED_PATHS, SECURITY_HEADERS } from "./lib/security-headers";

const { "X-Frame-Options": frameOptions, ...everywhere } = SECURITY_HEADERS;

const nextConfig: NextConfig = {
  // Native/wasm database drivers must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "nodemailer"],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: Object.entries(everywhere).map(([key, value]) => ({ key, value })) },
      // Embeds are framed by other sites; nothing else may be.
      { source: NOT_EMBED_PATHS, headers: [{ key: "X-Frame-Options", value: frameOptions! }] },
    ];
  },
};

export default nextConfig;
