import { z } from "zod";

/** `GET /api/oembed` query (oEmbed 1.0, section 2.2): the page's URL, optional size bounds and the format. */
export const oembedQuerySchema = z.object({
  url: z.url({ protocol: /^https?$/, error: "Give the full address of a thesis page as url." }).max(2_000),
  maxwidth: z.coerce.number().int().positive().optional(),
  maxheight: z.coerce.number().int().positive().optional(),
  // Anything but json is answered 501 (Not Implemented), as the specification asks.
  format: z.string().optional(),
});
