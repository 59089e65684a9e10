import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { viewerModeratesThesis, type Viewer } from "../moderation/redact";

/** The full edit history of an argument, newest first. Revisions are public, like the argument itself. */
export async function listRevisions(argumentId: string, viewer?: Viewer) {
  const argument = await db.argument.findUnique({
    where: { id: argumentId },
    select: {
      id: true,
      stance: true,
      parentId: true,
      currentRevisionId: true,
      status: true,
      author: { select: { id: true, name: true, handle: true } },
      thesis: { select: { id: true, slug: true, title: true, authorId: true } },
      revisions: {
        orderBy: { number: "desc" },
        select: { id: true, number: true, body: true, minor: true, createdAt: true, editor: { select: { name: true, handle: true } } },
      },
    },
  });
  if (!argument) throw new NotFoundError("That argument does not exist.");
  // A hidden argument's history would show its text: only its author and the thesis's moderators get it.
  if (argument.status === "HIDDEN" && argument.author.id !== viewer?.id && !(await viewerModeratesThesis(viewer, { id: argument.thesis.id, authorId: argument.thesis.authorId }))) {
    throw new NotFoundError("That argument is hidden by moderators.");
  }
  return argument;
}
