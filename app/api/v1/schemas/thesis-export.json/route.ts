import { thesisExportJsonSchema } from "@/lib/interchange/export-schema";
import { apiRoute } from "@/server/api/route-handler";

/**
 * The JSON Schema of the thesis export document, generated from the zod schema the import parses with. Through
 * apiRoute like every /api/v1 answer, so a bad token is refused here as everywhere.
 */
export const GET = apiRoute(async () => thesisExportJsonSchema());
