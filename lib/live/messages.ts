/**
 * What a thesis's live stream (GET /api/v1/theses/:slug/events) sends, shared by the server that writes it and
 * the page that reads it. Messages carry no argument text: a page fetches new cards through the usual loaders,
 * which apply the visibility rules.
 */
export interface LiveArgumentMessage {
  id: string;
  parentId: string | null;
  stance: "PRO" | "CON";
  change: "created" | "edited" | "hidden" | "restored";
  /** The moderators' public reason, for "hidden". */
  reason: string | null;
}

export interface LiveVoteState {
  id: string;
  upCount: number;
  downCount: number;
  staleUpCount: number;
  staleDownCount: number;
  strength: number;
}

/** The voted argument and its ancestors (whose strength the vote moved), and the thesis strength. */
export interface LiveVotesMessage {
  arguments: LiveVoteState[];
  thesisStrength: number;
}

/** SSE event names. "reset": events were pruned before this page could have them; it should reload. */
export const LIVE_EVENTS = { argument: "argument", votes: "votes", reset: "reset" } as const;

/** Window event the live stream sends with a LiveVotesMessage, for the vote controls on the page. */
export const LIVE_VOTES_EVENT = "agora:live-votes";
