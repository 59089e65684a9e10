import type { NextConfig } from "next";
import { API_SECURITY_HEADERS, SECURITY_HEADERS } from "./lib/security-headers";
import { BODY_LIMITS } from "./lib/validation/limits";

const nextConfig: NextConfig = {
  // Native/wasm database drivers must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "nodemailer"],
  poweredByHeader: false,
  experimental: {
    // The same limit as the API's largest body (a pasted source): see BODY_LIMITS.
    serverActions: { bodySizeLimit: BODY_LIMITS.pastedSource },
    // forbidden() and app/forbidden.tsx: a signed-in member without the role gets a 403 that says why, not a 404.
    authInterrupts: true,
  },
  async headers() {
    const list = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));
    // Pages get their Content-Security-Policy (with a nonce) and framing rules from proxy.ts.
    return [
      { source: "/:path*", headers: list(SECURITY_HEADERS) },
      // /api/docs is a page (the API reference) and sets its own policy: server/api/api-docs.ts.
      { source: "/api/:path((?!docs(?:/|$)).*)", headers: list(API_SECURITY_HEADERS) },
    ];
  },
};

export default nextConfig;
