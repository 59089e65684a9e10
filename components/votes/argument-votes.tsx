import type { ViewerVote } from "@/server/votes/get-viewer-votes";
import { VoteControl } from "./vote-control";

/** What the debate tree needs to show votes and strength; loaded once per page by getThesisVoting. */
export interface VotingContext {
  votes: Record<string, ViewerVote>;
  strengths: Record<string, number>;
  /** Votes can change only on an open thesis. */
  open: boolean;
}

interface VotableNode {
  id: string;
  status: "VISIBLE" | "HIDDEN";
  currentRevisionId: string | null;
  upCount: number;
  downCount: number;
  staleUpCount: number;
  staleDownCount: number;
  author: { id: string };
}

/** Vote control and DF-QuAD strength under one argument card. */
export function ArgumentVotes({
  node,
  viewerId,
  voting,
  loginHref,
}: {
  node: VotableNode;
  viewerId: string | null;
  voting: VotingContext | undefined;
  loginHref: string;
}) {
  if (!voting || node.status === "HIDDEN") return null;
  const mine = voting.votes[node.id];
  const mode = !voting.open ? "closed" : !viewerId ? "signed-out" : viewerId === node.author.id ? "own" : "vote";
  const strength = voting.strengths[node.id];
  return (
    <div className="flex flex-wrap items-end justify-between gap-x-3">
      <VoteControl
        argumentId={node.id}
        mode={mode}
        loginHref={loginHref}
        initial={{
          value: mine?.value ?? null,
          stale: mine ? mine.revisionId !== node.currentRevisionId : false,
          upCount: node.upCount,
          downCount: node.downCount,
          staleUpCount: node.staleUpCount,
          staleDownCount: node.staleDownCount,
        }}
      />
      {strength !== undefined && (
        <span className="text-xs text-slate-600" data-testid="argument-strength" title="DF-QuAD strength: its votes, raised by supporting replies, lowered by opposing ones">
          strength <span className="font-semibold tabular-nums text-slate-800">{strength.toFixed(2)}</span>
        </span>
      )}
    </div>
  );
}
