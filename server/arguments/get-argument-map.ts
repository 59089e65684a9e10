import "server-only";
import { db } from "../db";
import { getThesisBySlug } from "../theses/get-thesis-page";
import type { Viewer } from "../access/visibility";
import { markdownToTextFast } from "@/lib/markdown";
import { aggregateMap, MAP_NODE_BUDGET, type MapRow } from "@/lib/argument-map/aggregate-map";
import { layoutMap } from "@/lib/argument-map/layout-map";

/** Characters of each body read for its label: enough for the opening words, whatever the body's length. */
const OPENING_CHARS = 120;

/**
 * The argument map of a thesis: its visible tree in one query of five short columns (no author, no full body),
 * cut to `budget` nodes (lib/argument-map/aggregate-map.ts) and laid out as a radial tree. Hidden arguments and
 * their branches are not on the map, for every viewer: it pictures the tree the thesis's strength is computed from.
 * `maxDepth` limits the levels read (the thumbnail reads two).
 */
export async function getArgumentMap(slug: string, viewer: Viewer, { budget = MAP_NODE_BUDGET, maxDepth }: { budget?: number; maxDepth?: number } = {}) {
  const thesis = await getThesisBySlug(slug, viewer);
  const rows = await db.$queryRaw<MapRow[]>`
    SELECT id, "parentId", stance::text AS stance, strength, left(body, ${OPENING_CHARS}) AS opening
      FROM "Argument"
     WHERE "thesisId" = ${thesis.id} AND status = 'VISIBLE' AND depth < ${maxDepth ?? 2_147_483_647}`;
  const map = aggregateMap(rows, { budget, label: (row) => markdownToTextFast(row.opening, 80) });
  return { thesis, ...map, argumentCount: rows.length, layout: layoutMap(map.root) };
}

export type ArgumentMap = Awaited<ReturnType<typeof getArgumentMap>>;
