import "server-only";
import http from "node:http";
import https from "node:https";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { InvalidInputError } from "../errors";
import { loopbackAllowedByEnv, refusedAddress } from "./address-policy";

export const FETCH_LIMITS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 } as const;

export type LookupFn = (hostname: string) => Promise<{ address: string; family: number }[]>;

export interface SafeFetchOptions {
  /** Defaults to AGORA_FETCH_ALLOW_LOOPBACK=1 (tests only). */
  allowLoopback?: boolean;
  /** DNS resolution; tests inject one to make a name resolve to a private address. */
  lookup?: LookupFn;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface FetchedPage {
  finalUrl: string;
  contentType: string;
  charset: string | null;
  body: Buffer;
}

/** A refused or failed fetch: shown to the member on the URL field, never a 500. */
export class FetchRefusedError extends InvalidInputError {
  constructor(message: string) {
    super(message, { url: [message] }, "FETCH_REFUSED");
  }
}

const defaultLookup: LookupFn = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * GET an HTML page from the public web, safely: http(s) only, at most 10 s, 5 MB and 5 redirects, and every
 * hop's host resolved here and checked (every address it resolves to) before connecting — to the very
 * address that was checked, so a second DNS answer cannot swap in a private one (DNS rebinding).
 */
export async function safeFetchHtml(rawUrl: string, options: SafeFetchOptions = {}): Promise<FetchedPage> {
  const policy = { allowLoopback: options.allowLoopback ?? loopbackAllowedByEnv() };
  const lookup = options.lookup ?? defaultLookup;
  const deadline = Date.now() + (options.timeoutMs ?? FETCH_LIMITS.timeoutMs);
  const maxBytes = options.maxBytes ?? FETCH_LIMITS.maxBytes;

  let url = parseFetchableUrl(rawUrl);
  for (let hop = 0; ; hop++) {
    const address = await resolveChecked(url, lookup, policy, deadline);
    const response = await request(url, address, deadline, maxBytes);
    if (response.kind === "redirect") {
      if (hop >= FETCH_LIMITS.maxRedirects) throw new FetchRefusedError(`The page redirected more than ${FETCH_LIMITS.maxRedirects} times.`);
      let next: URL;
      try {
        next = new URL(response.location, url);
      } catch {
        throw new FetchRefusedError("The page redirected to an invalid address.");
      }
      url = parseFetchableUrl(next.toString(), "The page redirected to");
      continue;
    }
    return { finalUrl: url.toString(), contentType: response.contentType, charset: response.charset, body: response.body };
  }
}

/** Only http(s) URLs without credentials; `context` words the message for redirect targets. */
export function parseFetchableUrl(raw: string, context = "That address"): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FetchRefusedError("Enter a full web address, starting with http:// or https://.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchRefusedError(`${context} uses "${url.protocol.replace(/:$/, "")}:": only http and https pages can be fetched.`);
  }
  if (url.username || url.password) throw new FetchRefusedError("Web addresses with a user name or password are not accepted.");
  // Fragments never reach the server.
  url.hash = "";
  return url;
}

async function resolveChecked(url: URL, lookup: LookupFn, policy: { allowLoopback: boolean }, deadline: number) {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await withDeadline(lookup(host), deadline);
    } catch (error) {
      if (error instanceof FetchRefusedError) throw error;
      throw new FetchRefusedError(`The host "${host}" could not be found.`);
    }
    if (addresses.length === 0) throw new FetchRefusedError(`The host "${host}" could not be found.`);
  }
  // Every answer is checked, not only the one we use: a mixed answer is a red flag in itself.
  for (const { address } of addresses) {
    const why = refusedAddress(address, policy);
    if (why) throw new FetchRefusedError(`Refused to fetch ${url.host}: its address ${address} ${why}.`);
  }
  return addresses[0]!;
}

function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(new FetchRefusedError("The page took longer than 10 seconds to answer."));
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new FetchRefusedError("The page took longer than 10 seconds to answer.")), left);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

type HopResult =
  | { kind: "redirect"; location: string }
  | { kind: "page"; contentType: string; charset: string | null; body: Buffer };

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);

function request(url: URL, address: { address: string; family: number }, deadline: number, maxBytes: number): Promise<HopResult> {
  return new Promise((resolve, reject) => {
    const left = deadline - Date.now();
    if (left <= 0) return reject(new FetchRefusedError("The page took longer than 10 seconds to answer."));
    const client = url.protocol === "https:" ? https : http;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    };
    const req = client.request(
      url,
      {
        method: "GET",
        headers: {
          "User-Agent": "AgoraSourceFetcher/1.0 (+https://github.com/agora; snapshots of cited sources)",
          Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
          "Accept-Encoding": "identity",
        },
        // Connect to the address we checked, whatever DNS would answer now.
        lookup: (_hostname, opts, callback) => {
          const cb = callback as (...args: unknown[]) => void;
          if ((opts as { all?: boolean }).all) cb(null, [{ address: address.address, family: address.family }]);
          else cb(null, address.address, address.family);
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          settled = true;
          clearTimeout(timer);
          req.destroy();
          return resolve({ kind: "redirect", location: res.headers.location });
        }
        if (status < 200 || status >= 300) {
          res.resume();
          return fail(new FetchRefusedError(`The page could not be fetched: the server answered HTTP ${status}.`));
        }
        const contentTypeHeader = String(res.headers["content-type"] ?? "");
        const [mime = "", ...params] = contentTypeHeader.split(";").map((part) => part.trim());
        if (!HTML_TYPES.has(mime.toLowerCase())) {
          res.resume();
          return fail(
            new FetchRefusedError(
              `That address serves ${mime ? `"${mime}"` : "content of no declared type"}, not an HTML page. Paste the text instead.`,
            ),
          );
        }
        const declared = Number(res.headers["content-length"]);
        if (Number.isFinite(declared) && declared > maxBytes) {
          res.resume();
          return fail(new FetchRefusedError(`The page is larger than ${formatMb(maxBytes)}: too large to store as a snapshot.`));
        }
        const charset = params.map((p) => /^charset=["']?([\w.:-]+)/i.exec(p)?.[1]).find(Boolean) ?? null;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) return fail(new FetchRefusedError(`The page is larger than ${formatMb(maxBytes)}: too large to store as a snapshot.`));
          chunks.push(chunk);
        });
        res.on("end", () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ kind: "page", contentType: mime.toLowerCase(), charset, body: Buffer.concat(chunks) });
        });
        res.on("error", () => fail(new FetchRefusedError("The connection broke while the page was loading.")));
      },
    );
    const timer = setTimeout(() => fail(new FetchRefusedError("The page took longer than 10 seconds to answer.")), left);
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error instanceof FetchRefusedError) return fail(error);
      const reason =
        error.code === "ECONNREFUSED"
          ? "the server refused the connection"
          : error.code === "ENOTFOUND"
            ? "the host could not be found"
            : error.code?.startsWith("ERR_TLS") || error.code?.includes("CERT")
              ? "its HTTPS certificate is not valid"
              : "the server could not be reached";
      fail(new FetchRefusedError(`The page could not be fetched: ${reason}.`));
    });
    req.end();
  });
}

function formatMb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
