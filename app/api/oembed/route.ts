import { oembedQuerySchema } from "@/lib/validation/oembed";
import { getOembed } from "@/server/embeds/get-oembed";
import { NotFoundError } from "@/server/errors";
import { requestOrigin } from "@/server/request-origin";

const text = (status: number, message: string) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** oEmbed provider endpoint (https://oembed.com), discovered from each thesis page's <link rel="alternate">. */
export async function GET(request: Request) {
  const query = oembedQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return text(400, query.error.issues.map((issue) => issue.message).join(" "));
  if ((query.data.format ?? "json") !== "json") return text(501, "Only format=json is available.");
  try {
    return Response.json(await getOembed(query.data, requestOrigin(request.headers, request.url)), { headers: { "Cache-Control": "public, max-age=300" } });
  } catch (error) {
    if (error instanceof NotFoundError) return text(404, error.message);
    throw error;
  }
}
