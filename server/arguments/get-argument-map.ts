import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { db } from "../db";
import { getThesisBySlug } from "../theses/get-thesis-page";
import type { Viewer } from "../access/visibility";
import { markdownToText } from "@/lib/markdown";
import { aggregateMap, MAP_NODE_BUDGET, type MapRow } from "@/lib/argument-map/aggregate-map";
import { layoutMap } from "@/lib/argument-map/layout-map";
import { thesisTopic } from "../live/publish";
import { renderMapDrawing, renderMapList } from "@/components/argument-map/map-markup";

/** Characters of each body read for its label: enough for the opening words, whatever the body's length. */
const OPENING_CHARS = 120;

/**
 * The argument map of a thesis: its visible tree in one query of five short columns (no author, no full body),
 * cut to `budget` nodes (lib/argument-map/aggregate-map.ts) and laid out as a radial tree. Hidden arguments and
 * their branches are not on the map, for every viewer: it pictures the tree the thesis's strength is computed from.
 * `maxDepth` limits the levels read (the thumbnail reads two).
 */
export async function getArgumentMap(slug: string, viewer: Viewer, options: { budget?: number; maxDepth?: number } = {}) {
  const thesis = await getThesisBySlug(slug, viewer);
  return { thesis, ...(await readMapTree(thesis.id, options)) };
}

async function readMapTree(thesisId: string, { budget = MAP_NODE_BUDGET, maxDepth }: { budget?: number; maxDepth?: number }) {
  const rows = await db.$queryRaw<MapRow[]>`
    SELECT id, "parentId", stance::text AS stance, strength, left(body, ${OPENING_CHARS}) AS opening
      FROM "Argument"
     WHERE "thesisId" = ${thesisId} AND status = 'VISIBLE' AND depth < ${maxDepth ?? 2_147_483_647}`;
  const map = aggregateMap(rows, { budget, label: (row) => markdownToText(row.opening, 80) });
  return { ...map, argumentCount: rows.length, layout: layoutMap(map.root) };
}

export type ArgumentMap = Awaited<ReturnType<typeof getArgumentMap>>;

/** The cache tag of a thesis's map (revalidateArgumentMap). */
export const argumentMapTag = (slug: string) => `argument-map:${slug}`;

/**
 * After this many seconds an entry is built again in the background at the next view. It bounds how long views
 * build the map themselves after a write that did not mark the entry stale: API votes, whose code
 * (server/api/vote-endpoint.ts) the fast vote route also runs outside Next (server/api/fast-routes.ts), where
 * Next's cache cannot be reached.
 */
const MAP_CACHE_SECONDS = 60;

/**
 * The version of a thesis's tree: its newest live event (server/live/publish.ts). Every write that changes what
 * the map draws publishes one in its own transaction (posting, editing, hiding, restoring, every vote, including
 * the votes cast inside the SQL vote function), and pruning always keeps each topic's newest row.
 */
async function mapVersion(thesisId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ id: string | null }[]>`SELECT max(id)::text AS id FROM "LiveEvent" WHERE topic = ${thesisTopic(thesisId)}`;
  return row?.id ?? "0";
}

/**
 * The map page's content: the drawing and the list as markup, built once per version of the debate and cached
 * across requests and viewers (Next's data cache, one entry per thesis, tagged). One entry serves every viewer
 * because the map never depends on the viewer: hidden branches are off it for everyone, moderators included.
 * Who may see the thesis at all is decided per request, before the cache is read; the title and slug the markup
 * names are part of the key.
 *
 * The entry is used only if it was built at the tree's current version (one indexed read per request), so a
 * write shows on the very next view whichever way it was made; the writes' revalidateArgumentMap calls make the
 * entry catch up in the background, and until it has, views build the map themselves.
 */
export async function getArgumentMapMarkup(slug: string, viewer: Viewer) {
  const thesis = await getThesisBySlug(slug, viewer);
  const [version, cached] = await Promise.all([
    mapVersion(thesis.id),
    unstable_cache(renderMapMarkup, ["argument-map-markup"], { tags: [argumentMapTag(thesis.slug)], revalidate: MAP_CACHE_SECONDS })(thesis.id, thesis.slug, thesis.title),
  ]);
  return { thesis, ...(cached.version === version ? cached : await renderMapMarkup(thesis.id, thesis.slug, thesis.title)) };
}

async function renderMapMarkup(thesisId: string, slug: string, title: string) {
  // The version first: a write landing between the two reads leaves an entry older than its content, never newer.
  const version = await mapVersion(thesisId);
  const { layout, root, nodeCount, drawnArguments, aggregatedArguments, argumentCount } = await readMapTree(thesisId, {});
  return {
    version,
    drawing: renderMapDrawing(layout, slug, title),
    list: renderMapList(root, slug, title),
    viewBox: layout.viewBox,
    nodeCount,
    drawnArguments,
    aggregatedArguments,
    argumentCount,
  };
}

/**
 * Marks a thesis's cached map stale, to be built again in the background ("max": stale-while-revalidate, so a
 * server action calling it does not make the client re-render its page). Called by the server actions and Next
 * API routes that post, edit, hide or restore an argument, and by the website's vote action; Next's cache calls need a
 * request's context, which the shared mutation functions (also run by scripts, tests and the fast vote route)
 * do not have.
 */
export function revalidateArgumentMap(slug: string): void {
  revalidateTag(argumentMapTag(slug), "max");
}
