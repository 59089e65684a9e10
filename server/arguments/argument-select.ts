import "server-only";

/** What the debate tree shows for each argument: one select shared by every tree query. */
export const argumentNodeSelect = {
  id: true,
  parentId: true,
  stance: true,
  body: true,
  status: true,
  depth: true,
  path: true,
  replyCount: true,
  createdAt: true,
  editedAt: true,
  author: { select: { id: true, name: true, handle: true } },
  // Votes: counts on the current revision, stale counts on earlier ones, and the revision votes are cast on.
  currentRevisionId: true,
  upCount: true,
  downCount: true,
  staleUpCount: true,
  staleDownCount: true,
  wilsonScore: true,
  // Moderation: the reason shown in a hidden argument's placeholder, and the argument it duplicates.
  moderationNote: true,
  duplicateOfId: true,
} as const;

/** What a compact card shows (thesis first screen, replies of a focus, outline): the tree's fields and more. */
export const argumentCardSelect = {
  ...argumentNodeSelect,
  strength: true,
  disputeScore: true,
} as const;

export interface ArgumentCardRow extends ArgumentNodeRow {
  strength: number;
  disputeScore: number;
}


export interface ArgumentNodeRow {
  id: string;
  parentId: string | null;
  stance: "PRO" | "CON";
  body: string;
  status: "VISIBLE" | "HIDDEN";
  depth: number;
  path: string;
  replyCount: number;
  createdAt: Date;
  editedAt: Date | null;
  author: { id: string; name: string; handle: string };
  currentRevisionId: string | null;
  upCount: number;
  downCount: number;
  staleUpCount: number;
  staleDownCount: number;
  wilsonScore: number;
  moderationNote: string | null;
  duplicateOfId: string | null;
  /** Set by server/access/visibility.ts when the viewer may not read a hidden argument's text. */
  bodyRedacted?: boolean;
}
