import "server-only";
import { db } from "../db";
import { isGlobalModerator, type GlobalRole } from "./permissions";

/** Who is looking: decides whether hidden text is sent at all. Null for signed-out visitors. */
export type Viewer = { id: string; role: GlobalRole } | null | undefined;

export const HIDDEN_THESIS_TITLE = "Hidden thesis";

/**
 * Whether the viewer moderates this thesis (site moderator, owner or appointed moderator). At most one
 * query, and none for visitors, site moderators and owners.
 */
export async function viewerModeratesThesis(viewer: Viewer, thesis: { id: string; authorId: string }): Promise<boolean> {
  if (!viewer) return false;
  if (isGlobalModerator(viewer) || viewer.id === thesis.authorId) return true;
  const appointed = await db.thesisModerator.findUnique({
    where: { thesisId_userId: { thesisId: thesis.id, userId: viewer.id } },
    select: { userId: true },
  });
  return appointed !== null;
}

interface HideableArgument {
  status: "VISIBLE" | "HIDDEN";
  body: string;
  author: { id: string };
}

/**
 * Hidden arguments keep their place in the tree (so their replies stay reachable) but their text goes
 * only to their author and the thesis's moderators; everyone else gets an empty body and the reason.
 */
export function redactHiddenArguments<T extends HideableArgument>(
  rows: T[],
  viewer: Viewer,
  moderates: boolean,
): (T & { bodyRedacted: boolean })[] {
  return rows.map((row) => {
    const redact = row.status === "HIDDEN" && !moderates && row.author.id !== viewer?.id;
    return { ...row, body: redact ? "" : row.body, bodyRedacted: redact };
  });
}

interface HideableThesis {
  title: string;
  body: string;
  visibility: "VISIBLE" | "HIDDEN";
  author: { id: string };
}

/** A hidden thesis keeps its page; its title and description go only to its owner and moderators. */
export function redactHiddenThesis<T extends HideableThesis>(thesis: T, viewer: Viewer, moderates: boolean): T & { textRedacted: boolean } {
  const redact = thesis.visibility === "HIDDEN" && !moderates && thesis.author.id !== viewer?.id;
  return redact ? { ...thesis, title: HIDDEN_THESIS_TITLE, body: "", textRedacted: true } : { ...thesis, textRedacted: false };
}
