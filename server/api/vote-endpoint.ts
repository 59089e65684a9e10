import "server-only";
import { z } from "zod";
import { voteBodySchema, withdrawVoteSchema } from "@/lib/validation/vote";
import type { CurrentUser } from "../auth/current-user";
import { setVote } from "../votes/cast-vote";

/**
 * PUT /api/v1/arguments/:id/vote {value: 1 | -1} casts or changes the caller's vote (a replay changes nothing);
 * DELETE withdraws it (and succeeds, changing nothing, when there is none). One implementation, mounted twice:
 * by the Next route handler, and by the production server's fast path for API-token calls
 * (server/api/fast-routes.ts), which skips Next's per-request pipeline on the API's hottest call.
 */
export async function answerVoteRequest({
  method,
  argumentId,
  json,
  requireUser,
}: {
  method: "PUT" | "DELETE";
  argumentId: string;
  json: <S extends z.ZodType>(schema: S) => Promise<z.infer<S>>;
  requireUser: () => Promise<CurrentUser>;
}) {
  const value = method === "PUT" ? (await json(voteBodySchema)).value : null;
  const parsed = withdrawVoteSchema.parse({ argumentId });
  const actor = await requireUser();
  const { thesisSlug: _slug, ...vote } = await setVote({ actor, argumentId: parsed.argumentId, value });
  return { vote };
}
