import { apiRoute } from "@/server/api/route-handler";
import { answerVoteRequest } from "@/server/api/vote-endpoint";

/** PUT { value: 1 | -1 }: cast or change the caller's vote. Replaying the same request changes nothing. */
export const PUT = apiRoute<{ id: string }>(({ params, json, requireUser }) =>
  answerVoteRequest({ method: "PUT", argumentId: params.id, json, requireUser }),
);

/** DELETE: withdraw the caller's vote (succeeds, changing nothing, when there is none). */
export const DELETE = apiRoute<{ id: string }>(({ params, json, requireUser }) =>
  answerVoteRequest({ method: "DELETE", argumentId: params.id, json, requireUser }),
);
