import type { ViewerVote } from "@/server/votes/get-viewer-votes";
import { VoteControl } from "./vote-control";

interface VotableNode {
  id: string;
  status: "VISIBLE" | "HIDDEN";
  currentRevisionId: string | null;
  upCount: number;
  downCount: number;
  staleUpCount: number;
  staleDownCount: number;
  strength: number;
  author: { id: string };
}

/** Vote control and stored DF-QuAD strength under one argument card. */
export function ArgumentVotes({
  node,
  viewerId,
  vote,
  open,
  loginHref,
}: {
  node: VotableNode;
  viewerId: string | null;
  vote: ViewerVote | undefined;
  /** Votes can change only on an open thesis. */
  open: boolean;
  loginHref: string;
}) {
  if (node.status === "HIDDEN") return null;
  const mode = !open ? "closed" : !viewerId ? "signed-out" : viewerId === node.author.id ? "own" : "vote";
  return (
    <VoteControl
      argumentId={node.id}
      mode={mode}
      loginHref={loginHref}
      initial={{
        value: vote?.value ?? null,
        stale: vote ? vote.revisionId !== node.currentRevisionId : false,
        upCount: node.upCount,
        downCount: node.downCount,
        staleUpCount: node.staleUpCount,
        staleDownCount: node.staleDownCount,
        strength: node.strength,
      }}
    />
  );
}
