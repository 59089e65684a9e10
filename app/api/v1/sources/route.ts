import { z } from "zod";
import { apiRoute } from "@/server/api/route-handler";
import { BODY_LIMITS } from "@/lib/validation/limits";
import { addPastedSourceSchema, addSourceByUrlSchema } from "@/lib/validation/source";
import { createSourceFromUrl } from "@/server/sources/create-source-from-url";
import { createPastedSource } from "@/server/sources/create-pasted-source";

/**
 * `{ url }` fetches and snapshots a page (the existing source when its canonical URL is already known);
 * `{ title, text, url?, publisher?, byline?, publishedAt? }` stores pasted text, shown as supplied by the caller.
 */
export const POST = apiRoute(
  async ({ json, requireUser }) => {
    const raw = await json(z.record(z.string(), z.unknown()));
    // Field messages of the shape the caller meant, not of both.
    const pasted = "text" in raw;
    const input = pasted ? addPastedSourceSchema.parse(raw) : addSourceByUrlSchema.parse(raw);
    const actor = await requireUser();
    if (pasted) return { source: await createPastedSource({ actor, input: input as z.infer<typeof addPastedSourceSchema> }), created: true };
    return createSourceFromUrl({ actor, input: input as z.infer<typeof addSourceByUrlSchema> });
  },
  { status: 201, maxBodyBytes: BODY_LIMITS.pastedSource },
);
