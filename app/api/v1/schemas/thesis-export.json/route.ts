import { thesisExportJsonSchema } from "@/lib/interchange/export-schema";

/** The JSON Schema of the thesis export document, generated from the zod schema the import parses with. */
export const dynamic = "force-static";

export function GET() {
  return Response.json(thesisExportJsonSchema());
}
