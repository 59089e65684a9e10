import { getArgumentMap } from "@/server/arguments/get-argument-map";
import { NotFoundError } from "@/server/errors";
import { renderMapThumbnail } from "@/lib/argument-map/render-thumbnail";

/** How much of the map the thumbnail shows: the thesis, its arguments and their first replies. */
const THUMBNAIL_LEVELS = 2;
const THUMBNAIL_NODES = 80;

/** `/t/<slug>/map/thumbnail`: the top of the argument map as an SVG image, for the thesis page's link to the map. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const map = await getArgumentMap((await params).slug, null, { budget: THUMBNAIL_NODES, maxDepth: THUMBNAIL_LEVELS });
    return new Response(renderMapThumbnail(map.layout), {
      headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=300" },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("No thesis lives at that address.", { status: 404 });
    throw error;
  }
}
