import { exportFormatSchema } from "@/lib/validation/interchange";
import { apiRoute } from "@/server/api/route-handler";
import { InvalidInputError } from "@/server/errors";
import { collectThesisExport, openThesisExport, streamThesisExport } from "@/server/interchange/export-thesis";
import { toArgdown } from "@/server/interchange/to-argdown";
import { toAif } from "@/server/interchange/to-aif";

/**
 * GET /api/v1/theses/:slug/export?format=json|argdown|aif: the thesis as a download, as the caller may see it
 * (hidden arguments only for those who moderate it). `json` is the lossless, importable document, streamed.
 */
export const GET = apiRoute<{ slug: string }>(async ({ request, params, viewer }) => {
  const requested = new URL(request.url).searchParams.get("format") ?? "json";
  const format = exportFormatSchema.safeParse(requested);
  if (!format.success) {
    const message = `Unknown export format "${requested.slice(0, 40)}": use json, argdown or aif.`;
    throw new InvalidInputError(message, { format: [message] });
  }
  const parts = await openThesisExport(params.slug, viewer);
  const slug = parts.head.thesis.slug;
  // What is in the file depends on who asks, so no shared cache may keep it.
  const headers = (type: string, filename: string) => ({
    "content-type": type,
    "content-disposition": `attachment; filename="${filename}"`,
    "cache-control": "private, no-store",
  });
  if (format.data === "json") {
    return new Response(streamThesisExport(parts), { headers: headers("application/json; charset=utf-8", `${slug}.agora.json`) });
  }
  const document = await collectThesisExport(parts);
  if (format.data === "argdown") {
    return new Response(toArgdown(document), { headers: headers("text/plain; charset=utf-8", `${slug}.argdown`) });
  }
  return new Response(JSON.stringify(toAif(document)), { headers: headers("application/json; charset=utf-8", `${slug}.aif.json`) });
});
