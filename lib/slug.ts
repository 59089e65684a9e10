/** ASCII lower-case words of `text` joined by hyphens, at most ~80 characters; empty when it has none. */
export function slugWords(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.length > 80 ? slug.slice(0, 80).replace(/-[^-]*$/, "") : slug;
}

/** Readable URL slug from a title: ASCII lower-case words joined by hyphens, at most ~80 characters. */
export function slugify(title: string): string {
  return slugWords(title) || "thesis";
}
