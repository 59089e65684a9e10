import { describe, expect, it } from "vitest";
import { API_SECURITY_HEADERS, contentSecurityPolicy, isEmbedPath, pageSecurityHeaders } from "@/lib/security-headers";
import { isHttpsThroughProxies, parseTrustedProxies } from "@/server/auth/client-address";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("page security headers", () => {
  const page = pageSecurityHeaders({ pathname: "/t/some-thesis", nonce: "bm9uY2U=", https: false });
  const csp = page["Content-Security-Policy"]!;

  it("let only scripts carrying the request's nonce run", () => {
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(csp, "base-uri")).toBe("base-uri 'self'");
    // Only `next dev` gets eval, for its error overlay.
    expect(contentSecurityPolicy({ pathname: "/", nonce: "n", https: false, dev: true })).toMatch(/script-src [^;]*'unsafe-eval'/);
  });

  it("forbid framing everywhere but the embed view", () => {
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(page["X-Frame-Options"]).toBe("DENY");
    for (const pathname of ["/t/x/embed", "/t/some-thesis/embed/"]) {
      const embed = pageSecurityHeaders({ pathname, nonce: "n", https: false });
      expect(directive(embed["Content-Security-Policy"]!, "frame-ancestors")).toBe("frame-ancestors *");
      expect(embed["X-Frame-Options"]).toBeUndefined();
    }
    for (const pathname of ["/t/x/embed/more", "/t/embed", "/embed", "/t/x/a/embed", "/u/t/x/embed"]) expect(isEmbedPath(pathname), pathname).toBe(false);
    expect(API_SECURITY_HEADERS["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
  });

  it("deny powerful features and send HSTS only over HTTPS", () => {
    expect(page["Permissions-Policy"]).toMatch(/camera=\(\)/);
    expect(page["Permissions-Policy"]).toMatch(/microphone=\(\)/);
    expect(page["Permissions-Policy"]).toMatch(/geolocation=\(\)/);
    expect(page["Strict-Transport-Security"]).toBeUndefined();
    expect(csp).not.toContain("upgrade-insecure-requests");
    const secure = pageSecurityHeaders({ pathname: "/", nonce: "n", https: true });
    expect(secure["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
    expect(secure["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("let a sign-in form post on to GitHub only when GitHub sign-in is configured", () => {
    expect(directive(csp, "form-action")).toBe("form-action 'self'");
    const github = contentSecurityPolicy({ pathname: "/login", nonce: "n", https: false, formTargets: ["https://github.com"] });
    expect(directive(github, "form-action")).toBe("form-action 'self' https://github.com");
  });
});

describe("HTTPS as seen through trusted proxies", () => {
  const none = parseTrustedProxies(undefined);
  const cidrs = parseTrustedProxies("10.0.0.0/8");
  const hops = parseTrustedProxies("1");

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(isHttpsThroughProxies({ socketAddress: "203.0.113.5", forwardedProto: "https", trust: none })).toBe(false);
    expect(isHttpsThroughProxies({ socketAddress: "203.0.113.5", forwardedProto: "https", trust: cidrs })).toBe(false);
    expect(isHttpsThroughProxies({ socketAddress: "10.1.2.3", forwardedProto: "https", trust: cidrs })).toBe(true);
    expect(isHttpsThroughProxies({ socketAddress: "::ffff:10.1.2.3", forwardedProto: "HTTPS", trust: cidrs })).toBe(true);
    expect(isHttpsThroughProxies({ socketAddress: "10.1.2.3", forwardedProto: "http", trust: cidrs })).toBe(false);
    expect(isHttpsThroughProxies({ socketAddress: "10.1.2.3", forwardedProto: null, trust: cidrs })).toBe(false);
    expect(isHttpsThroughProxies({ socketAddress: "198.51.100.1", forwardedProto: "https", trust: hops })).toBe(true);
  });

  it("takes the value the nearest proxy set, not one a client sent before it", () => {
    expect(isHttpsThroughProxies({ socketAddress: "10.1.2.3", forwardedProto: "https, http", trust: cidrs })).toBe(false);
    expect(isHttpsThroughProxies({ socketAddress: "10.1.2.3", forwardedProto: "http, https", trust: cidrs })).toBe(true);
  });
});
