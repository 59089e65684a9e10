import { z } from "zod";
import { apiRoute } from "@/server/api/route-handler";
import { voteValueSchema, withdrawVoteSchema } from "@/lib/validation/vote";
import { setVote } from "@/server/votes/cast-vote";

function present({ thesisSlug: _slug, ...result }: Awaited<ReturnType<typeof setVote>>) {
  return { vote: result };
}

/** PUT { value: 1 | -1 }: cast or change the caller's vote. Replaying the same request changes nothing. */
export const PUT = apiRoute<{ id: string }>(async ({ params, json, requireUser }) => {
  const { value } = await json(z.object({ value: voteValueSchema }));
  const { argumentId } = withdrawVoteSchema.parse({ argumentId: params.id });
  const actor = await requireUser();
  return present(await setVote({ actor, argumentId, value }));
});

/** DELETE: withdraw the caller's vote (succeeds, changing nothing, when there is none). */
export const DELETE = apiRoute<{ id: string }>(async ({ params, requireUser }) => {
  const { argumentId } = withdrawVoteSchema.parse({ argumentId: params.id });
  const actor = await requireUser();
  return present(await setVote({ actor, argumentId, value: null }));
});
