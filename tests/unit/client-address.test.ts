import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import {
  SOCKET_ADDRESS_HEADER,
  installSocketAddressStamp,
  parseTrustedProxies,
  resolveClientAddress,
} from "@/server/auth/client-address";

const none = parseTrustedProxies(undefined);

describe("resolveClientAddress", () => {
  it("uses the socket and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientAddress({ socketAddress: "198.51.100.7", forwardedFor: "203.0.113.1", trust: none })).toBe("198.51.100.7");
    expect(resolveClientAddress({ socketAddress: "::ffff:198.51.100.7", forwardedFor: null, trust: none })).toBe("198.51.100.7");
  });

  it("does not trust loopback by default", () => {
    expect(resolveClientAddress({ socketAddress: "127.0.0.1", forwardedFor: "203.0.113.1", trust: none })).toBe("127.0.0.1");
    expect(resolveClientAddress({ socketAddress: "::1", forwardedFor: "203.0.113.1", trust: parseTrustedProxies("") })).toBe("::1");
  });

  it("ignores X-Forwarded-For from a client that is not a trusted proxy", () => {
    const trust = parseTrustedProxies("10.0.0.0/8");
    expect(resolveClientAddress({ socketAddress: "198.51.100.7", forwardedFor: "203.0.113.1", trust })).toBe("198.51.100.7");
  });

  it("takes the right-most untrusted entry behind trusted proxies, whatever the client prepended", () => {
    const trust = parseTrustedProxies("10.0.0.0/8, 192.168.1.5");
    // client (forged "1.2.3.4") → 192.168.1.5 → 10.0.0.2 → app
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 203.0.113.9, 192.168.1.5", trust })).toBe("203.0.113.9");
    expect(resolveClientAddress({ socketAddress: "::ffff:10.0.0.2", forwardedFor: "203.0.113.9", trust })).toBe("203.0.113.9");
    // Every hop trusted: the left-most is the closest anyone reported.
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "10.1.1.1", trust })).toBe("10.1.1.1");
    // A trusted proxy that sent no header is itself the client.
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: null, trust })).toBe("10.0.0.2");
    // Garbage in the chain stops the walk at the last address a proxy did report.
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "203.0.113.9, not-an-ip", trust })).toBe("10.0.0.2");
  });

  it("trusts IPv6 ranges", () => {
    const trust = parseTrustedProxies("2001:db8::/32");
    expect(resolveClientAddress({ socketAddress: "2001:db8::1", forwardedFor: "2001:DB8::2, 2600::1", trust })).toBe("2600::1");
  });

  it("with a hop count, skips that many proxies from the right", () => {
    const one = parseTrustedProxies("1");
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 203.0.113.9", trust: one })).toBe("203.0.113.9");
    const two = parseTrustedProxies("2");
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 203.0.113.9, 10.0.0.1", trust: two })).toBe("203.0.113.9");
    // Fewer entries than hops: the left-most.
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "203.0.113.9", trust: two })).toBe("203.0.113.9");
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: null, trust: one })).toBe("10.0.0.2");
  });

  it("refuses a malformed AGORA_TRUSTED_PROXIES with a message naming the entry", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/"10.0.0.0\/33"/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/not an IP address or CIDR range/);
    expect(parseTrustedProxies("0")).toEqual({ kind: "none" });
  });
});

describe("installSocketAddressStamp", () => {
  it("overwrites a client's own socket-address header with the real socket address", async () => {
    installSocketAddressStamp();
    installSocketAddressStamp(); // idempotent
    const server = http.createServer((request, response) => {
      response.end(JSON.stringify({ stamped: request.headers[SOCKET_ADDRESS_HEADER], forwarded: request.headers["x-forwarded-for"] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/`, { headers: { [SOCKET_ADDRESS_HEADER]: "203.0.113.66", "x-forwarded-for": "203.0.113.66" } });
      const seen = (await answer.json()) as { stamped: string; forwarded: string };
      expect(seen.stamped).toBe("127.0.0.1");
      expect(resolveClientAddress({ socketAddress: seen.stamped, forwardedFor: seen.forwarded, trust: none })).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});
