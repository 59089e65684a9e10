import { BODY_LIMITS } from "@/lib/validation/limits";
import { importRequestSchema } from "@/lib/validation/interchange";
import { apiRoute } from "@/server/api/route-handler";
import { assertImportSize, IMPORT_MAX_BYTES, importRefused } from "@/server/interchange/check-export";
import { importThesis } from "@/server/interchange/import-thesis";


/**
 * POST /api/v1/imports `{ file, authors? }` (administrators): imports a thesis export. 201 with the new thesis
 * and what was imported; a refusal is a 422 listing every problem, and nothing is written.
 */
export const POST = apiRoute(
  async ({ request, requireUser, json }) => {
    const user = await requireUser();
    // A body past the limit (with room for JSON's escaping of the file) is refused before it is read.
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > 2 * IMPORT_MAX_BYTES) assertImportSize(length / 2);
    const input = await json(importRequestSchema);
    assertImportSize(Buffer.byteLength(input.file, "utf8"));
    let authors: unknown = {};
    if (input.authors?.trim()) {
      try {
        authors = JSON.parse(input.authors);
      } catch {
        throw importRefused("The authors mapping is not valid JSON.");
      }
    }
    const report = await importThesis({ actorId: user.id, text: input.file, authors: authors as Record<string, string> });
    return { thesis: { ...report.thesis, url: `/t/${report.thesis.slug}` }, counts: report.counts, authors: report.authors };
  },
  { status: 201, maxBodyBytes: BODY_LIMITS.thesisImport },
);
