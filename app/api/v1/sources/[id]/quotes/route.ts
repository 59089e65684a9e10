import { apiRoute } from "@/server/api/route-handler";
import { quoteBodySchema } from "@/lib/validation/source";
import { createQuote } from "@/server/quotes/create-quote";

/**
 * Quote a passage: `{ exact, prefix?, suffix?, start? }`. 201 with the anchored quote; 422 with
 * `details.suggestion` for a misquote (`details.reason`: `cuts_word` when it starts or ends inside a word,
 * `not_in_text` otherwise), or `details.candidates` for a repeated passage (send `start` back).
 */
export const POST = apiRoute<{ id: string }>(
  async ({ params, json, requireUser }) => {
    const input = await json(quoteBodySchema);
    const actor = await requireUser();
    return createQuote({ actor, input: { ...input, sourceId: params.id } });
  },
  { status: 201 },
);
