import type { SiblingSort } from "@/lib/scoring/sort";

/**
 * Addresses of the debate view. The thesis (`/t/<slug>`) and every argument (`/t/<slug>/a/<id>`, its permalink)
 * is a focus; `?sort=` keeps the reader's order, `?pro=`/`?con=` page one side (keyset cursors), `?tab=con` opens
 * the Against tab on phones. Only non-default values appear, so each view has one canonical address.
 */
export function debateHref(
  slug: string,
  {
    argumentId,
    sort = "best",
    pro,
    con,
    tab,
    hash,
  }: { argumentId?: string | null; sort?: SiblingSort; pro?: string | null; con?: string | null; tab?: "PRO" | "CON"; hash?: string } = {},
): string {
  const params = new URLSearchParams();
  if (sort !== "best") params.set("sort", sort);
  if (pro) params.set("pro", pro);
  if (con) params.set("con", con);
  if (tab === "CON") params.set("tab", "con");
  const query = params.toString();
  return `/t/${slug}${argumentId ? `/a/${argumentId}` : ""}${query ? `?${query}` : ""}${hash ? `#${hash}` : ""}`;
}

/** Where "Cite in an argument" leads: the thesis page's composer for one side, with the quote already cited. */
export function citeHref(slug: string, quoteId: string, side: "PRO" | "CON") {
  return `/t/${slug}?${new URLSearchParams({ cite: quoteId, tab: side === "PRO" ? "pro" : "con" })}`;
}
