import http from "node:http";
import { BlockList, isIP } from "node:net";

/**
 * Where a request comes from, for the limits keyed by address (sign-in, registration).
 *
 * Next's server passes `X-Forwarded-For` through as the client sent it and fills it from the socket only when
 * it is absent (base-server.js: `headers['x-forwarded-for'] ??= socket.remoteAddress`), so that header alone
 * is whatever the client wants it to be. The socket address itself never reaches route handlers or Auth.js's
 * authorize(request). So every HTTP server in the process stamps it into SOCKET_ADDRESS_HEADER, overwriting
 * anything a client sent under that name (installSocketAddressStamp, run by instrumentation.ts for `next
 * start` and by scripts/serve.ts), and resolveClientAddress decides from the socket and the configured
 * proxies how much of `X-Forwarded-For` to believe.
 */
export const SOCKET_ADDRESS_HEADER = "x-agora-socket-address";

/** The key requests share when the socket address is unknown (a server that did not stamp it). */
export const UNKNOWN_ADDRESS = "unknown";

export type ProxyTrust = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; list: BlockList; text: string };

const STAMPED = Symbol.for("agora.socketAddressStamp");

/** Idempotent: patches http.Server so that every request's headers carry its socket's address. */
export function installSocketAddressStamp(): void {
  const proto = http.Server.prototype as http.Server & { [STAMPED]?: boolean };
  if (proto[STAMPED]) return;
  proto[STAMPED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? UNKNOWN_ADDRESS;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
}

/**
 * AGORA_TRUSTED_PROXIES: unset or empty trusts nobody (the socket is the client); a whole number N says the app
 * sits behind exactly N proxies that each append to X-Forwarded-For; otherwise a comma-separated list of
 * addresses and CIDR ranges (e.g. `10.0.0.0/8, 2001:db8::/32, 127.0.0.1`) of the proxies to trust.
 */
export function parseTrustedProxies(value: string | undefined): ProxyTrust {
  const text = value?.trim() ?? "";
  if (!text) return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops === 0 ? { kind: "none" } : { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const entry of text.split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address, prefixText, extra] = entry.split("/");
    const family = isIP(normalizeAddress(address ?? ""));
    const prefix = prefixText === undefined ? (family === 6 ? 128 : 32) : Number(prefixText);
    const maxPrefix = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix) {
      throw new Error(`AGORA_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8), nor is the whole value a hop count.`);
    }
    list.addSubnet(normalizeAddress(address!), prefix, family === 6 ? "ipv6" : "ipv4");
  }
  return { kind: "cidrs", list, text };
}

/** IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d; the same client must get the same key. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1]! : trimmed).toLowerCase();
}

function isTrusted(trust: Extract<ProxyTrust, { kind: "cidrs" }>, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trust.list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy. Then the `X-Forwarded-For` chain
 * is read from the right (each proxy appends the address it was connected from), skipping trusted proxies,
 * and the first untrusted entry is the client: entries left of it were written by the client and prove
 * nothing. With a hop count, the socket and the entries appended by the first N-1 proxies are skipped.
 */
export function resolveClientAddress({
  socketAddress,
  forwardedFor,
  trust,
}: {
  socketAddress: string | null | undefined;
  forwardedFor: string | null | undefined;
  trust: ProxyTrust;
}): string {
  if (!socketAddress) return UNKNOWN_ADDRESS;
  const socket = normalizeAddress(socketAddress);
  if (trust.kind === "none") return socket;
  const hops = (forwardedFor ?? "").split(",").map(normalizeAddress).filter(Boolean);
  // The chain from the client's end to ours: what the proxies reported, then who connected to us.
  const chain = [...hops, socket];
  if (trust.kind === "hops") {
    for (let i = chain.length - 1, skipped = 0; i >= 0; i--, skipped++) {
      // A malformed entry cannot be a peer a proxy saw: the last address a proxy did report stands instead.
      if (!isIP(chain[i]!)) return chain[i + 1] ?? socket;
      if (skipped === trust.hops || i === 0) return chain[i]!;
    }
    return socket;
  }
  if (!isTrusted(trust, socket)) return socket;
  for (let i = chain.length - 2; i >= 0; i--) {
    const entry = chain[i]!;
    if (!isIP(entry)) return chain[i + 1]!;
    if (!isTrusted(trust, entry)) return entry;
  }
  // Every hop is a trusted proxy: the left-most is as close to the client as anyone reported.
  return chain[0]!;
}

let configured: ProxyTrust | undefined;
let warnedUnstamped = false;

/** The client address of a request that reached Agora through this process's HTTP server. */
export function clientAddress(headers: Headers): string {
  configured ??= parseTrustedProxies(process.env.AGORA_TRUSTED_PROXIES);
  const socketAddress = headers.get(SOCKET_ADDRESS_HEADER);
  if (!socketAddress && !warnedUnstamped) {
    warnedUnstamped = true;
    console.warn(
      `Agora: a request arrived without ${SOCKET_ADDRESS_HEADER}, so limits by address treat every such client as one. ` +
        "Serve Agora with `npm start` or `next start` (instrumentation.ts stamps the socket address).",
    );
  }
  return resolveClientAddress({ socketAddress, forwardedFor: headers.get("x-forwarded-for"), trust: configured });
}

/**
 * Whether the client reached us over HTTPS. Agora's own server speaks plain HTTP, so only a proxy terminating TLS
 * can say so, in `X-Forwarded-Proto`; that is believed only from a trusted proxy (the socket's peer), as
 * `X-Forwarded-For` is. The last value is the one the nearest proxy set or appended.
 */
export function isHttpsThroughProxies({
  socketAddress,
  forwardedProto,
  trust,
}: {
  socketAddress: string | null | undefined;
  forwardedProto: string | null | undefined;
  trust: ProxyTrust;
}): boolean {
  if (!socketAddress || !forwardedProto || trust.kind === "none") return false;
  if (trust.kind === "cidrs" && !isTrusted(trust, normalizeAddress(socketAddress))) return false;
  return forwardedProto.split(",").at(-1)?.trim().toLowerCase() === "https";
}

/** isHttpsThroughProxies with this process's AGORA_TRUSTED_PROXIES, for a request's headers. */
export function servedOverHttps(header: (name: string) => string | null | undefined): boolean {
  configured ??= parseTrustedProxies(process.env.AGORA_TRUSTED_PROXIES);
  return isHttpsThroughProxies({ socketAddress: header(SOCKET_ADDRESS_HEADER), forwardedProto: header("x-forwarded-proto"), trust: configured });
}
