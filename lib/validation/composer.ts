import { z } from "zod";
import { text } from "./primitives";
import { LIMITS } from "./limits";
import { idSchema } from "./argument";

/** The composer's preview: any draft the argument form would accept, empty included (nothing to show). */
export const previewDraftSchema = z.object({
  body: text().max(LIMITS.argumentBody, `Arguments can have at most ${LIMITS.argumentBody.toLocaleString("en")} characters.`),
});

/**
 * Quote ids of a draft's markers, to show them as readable entries. Bounded well above the 20 citations an
 * argument may have, so an over-cited draft still gets its entries while a request stays small.
 */
export const citedQuoteIdsSchema = z.array(idSchema).max(50);
