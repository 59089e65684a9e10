import { scalarScript } from "@/server/api/api-docs";

/** The reference page's renderer, served from our origin so the page needs no other host. */
export async function GET() {
  return new Response(new Uint8Array(await scalarScript()), {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
