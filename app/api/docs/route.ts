import { API_DOCS_CSP, API_DOCS_HTML } from "@/server/api/api-docs";

/** GET /api/docs: the browsable reference of /api/v1 (see server/api/api-docs.ts). */
export function GET() {
  return new Response(API_DOCS_HTML, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": API_DOCS_CSP, "Cache-Control": "no-cache" },
  });
}
