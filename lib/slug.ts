/** Readable URL slug from a title: ASCII lower-case words joined by hyphens, at most ~80 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = slug.length > 80 ? slug.slice(0, 80).replace(/-[^-]*$/, "") : slug;
  return cut || "thesis";
}
