import { getThesisEmbed } from "@/server/embeds/get-thesis-embed";
import { renderThesisEmbed } from "@/server/embeds/render-thesis-embed";
import { NotFoundError } from "@/server/errors";
import { requestOrigin } from "@/server/request-origin";

/**
 * `/t/<slug>/embed`: a read-only card of the thesis for other sites' iframes, the one answer without
 * `X-Frame-Options: DENY` (next.config.ts). Public content only, so shared caches may keep it a minute.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const embed = await getThesisEmbed((await params).slug);
    return new Response(renderThesisEmbed(embed, requestOrigin(request.headers, request.url)), {
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=60" },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("No thesis lives at that address.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
