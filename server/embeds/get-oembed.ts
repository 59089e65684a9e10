import "server-only";
import escapeHtml from "escape-html";
import { NotFoundError } from "../errors";
import { getThesisBySlug } from "../theses/get-thesis-page";

/** The embed card's natural size; consumers may ask for less with maxwidth/maxheight. */
const WIDTH = 560;
const HEIGHT = 400;

/**
 * The oEmbed "rich" answer for a thesis page of this site (`/t/<slug>` or any page under it): an iframe of its
 * embed card. Another site's URL, an address that is not a thesis, an unknown or a hidden thesis: 404.
 */
export async function getOembed({ url, maxwidth, maxheight }: { url: string; maxwidth?: number; maxheight?: number }, origin: string) {
  const target = new URL(url);
  const slug = target.pathname.match(/^\/t\/([^/]+)(?:\/.*)?$/)?.[1];
  if (target.host !== new URL(origin).host || !slug || slug === "new") throw new NotFoundError("That address is not a thesis on this site.");
  const thesis = await getThesisBySlug(slug, null);
  if (thesis.textRedacted) throw new NotFoundError("No thesis lives at that address.");
  const width = Math.min(WIDTH, maxwidth ?? WIDTH);
  const height = Math.min(HEIGHT, maxheight ?? HEIGHT);
  const src = `${origin}/t/${thesis.slug}/embed`;
  return {
    version: "1.0",
    type: "rich",
    provider_name: "Agora",
    provider_url: origin,
    title: thesis.title,
    width,
    height,
    html: `<iframe src="${escapeHtml(src)}" width="${width}" height="${height}" title="${escapeHtml(`${thesis.title} (Agora)`)}" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    cache_age: 300,
  };
}
