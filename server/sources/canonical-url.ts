import "server-only";

const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl|yclid|ocid|cmpid)$/i;

/**
 * The one URL a page is known by: lower-case host (URL does it), no fragment, no default port, no
 * tracking parameters, the remaining parameters sorted. The same canonical URL always means the same Source.
 */
export function canonicalizeUrl(raw: string): string {
  const url = new URL(raw);
  url.hash = "";
  url.username = "";
  url.password = "";
  const kept = [...url.searchParams.entries()].filter(([key]) => !TRACKING.test(key));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = "";
  for (const [key, value] of kept) url.searchParams.append(key, value);
  if (url.pathname === "") url.pathname = "/";
  return url.toString();
}

function siteOf(host: string): string {
  return host.toLowerCase().replace(/^www\./, "");
}

/**
 * The page's own <link rel="canonical"> when it points to the same site (a page cannot claim another
 * site's identity), else the final URL after redirects.
 */
export function chooseCanonicalUrl(finalUrl: string, declared: string | null): string {
  if (declared) {
    try {
      const target = new URL(declared);
      if ((target.protocol === "https:" || target.protocol === "http:") && siteOf(target.hostname) === siteOf(new URL(finalUrl).hostname)) {
        return canonicalizeUrl(target.toString());
      }
    } catch {
      // An unparsable declaration is ignored.
    }
  }
  return canonicalizeUrl(finalUrl);
}
