import { z } from "zod";
import { LIMITS } from "./limits";
import { idSchema } from "./argument";
import { text } from "./primitives";

/** "Has this been said already?": the draft (or an argument's body) to compare, and an argument to leave out. */
export const similarArgumentsQuerySchema = z.object({
  q: text({ error: "Send the text to compare." })
    .trim()
    .min(LIMITS.similarQueryMin, `Type at least ${LIMITS.similarQueryMin} characters to look for similar arguments.`)
    .max(LIMITS.argumentBody, `Arguments can have at most ${LIMITS.argumentBody.toLocaleString("en")} characters.`),
  exclude: idSchema.optional(),
});
export type SimilarArgumentsQuery = z.infer<typeof similarArgumentsQuerySchema>;

/** The composer's request: the draft, for one thesis. */
export const similarToDraftSchema = similarArgumentsQuerySchema.extend({ thesisId: idSchema });
