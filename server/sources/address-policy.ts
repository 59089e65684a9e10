import "server-only";
import { BlockList, isIP } from "node:net";

/**
 * Which IP addresses the server may fetch from. Sources are fetched on a member's say-so, so the fetcher must
 * never reach the machine itself, the private network around it, or a cloud metadata service (SSRF).
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, including 169.254.169.254 (metadata)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128],
  ["::", 96], // IPv4-compatible (deprecated)
  ["::ffff:0:0:0", 96], // IPv4-translated (SIIT) embeds an IPv4 address too
  ["64:ff9b::", 96], // NAT64 can reach private IPv4 space
  ["2002::", 16], // 6to4 embeds an IPv4 address, private ones included
  ["2001::", 32], // Teredo tunnels to an embedded IPv4 address
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/**
 * IPv4-mapped IPv6 (::ffff:0:0/96). Such addresses are unmapped and judged as IPv4; one unmapIPv4 cannot read (a
 * zone id, say) is refused as a whole rather than judged as a public IPv6 address. A list of its own: Node's
 * BlockList matches every IPv4 address against this range, so in `blocked` it would refuse them all.
 */
const ipv4Mapped = new BlockList();
ipv4Mapped.addSubnet("::ffff:0:0", 96, "ipv6");

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d or ::ffff:xxxx:xxxx), else null. */
export function unmapIPv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower) ?? /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const high = parseInt(hex[1]!, 16);
    const low = parseInt(hex[2]!, 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return null;
}

function isLoopback(address: string, family: 4 | 6): boolean {
  if (family === 4) return address.startsWith("127.");
  const mapped = unmapIPv4(address);
  return mapped ? mapped.startsWith("127.") : /^(?:0{0,4}:){0,7}:?0{0,3}1$/.test(address) || address === "::1";
}

export interface AddressPolicy {
  /** Tests serve fixtures on 127.0.0.1: AGORA_FETCH_ALLOW_LOOPBACK=1 lets loopback (and only loopback) through. */
  allowLoopback: boolean;
}

/** Why `address` may not be fetched from, or null when it is a public address. */
export function refusedAddress(address: string, policy: AddressPolicy): string | null {
  const family = isIP(address);
  if (family === 0) return "is not an IP address";
  const mapped = family === 6 ? unmapIPv4(address) : null;
  if (family === 6 && !mapped && ipv4Mapped.check(address, "ipv6")) return "is an IPv4-mapped address that could not be read";
  const [ip, fam] = mapped ? [mapped, 4 as const] : [address, family as 4 | 6];
  if (policy.allowLoopback && isLoopback(ip, fam)) return null;
  if (blocked.check(ip, fam === 4 ? "ipv4" : "ipv6")) {
    if (ip === "169.254.169.254") return "is a cloud metadata address";
    if (isLoopback(ip, fam)) return "is this server itself (loopback)";
    return "is a private, link-local or reserved address";
  }
  return null;
}

export function loopbackAllowedByEnv(): boolean {
  return process.env.AGORA_FETCH_ALLOW_LOOPBACK === "1";
}
