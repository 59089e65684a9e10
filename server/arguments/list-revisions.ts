import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { redactHiddenThesis, viewerModeratesThesis, type Viewer } from "../access/visibility";

/**
 * The full edit history of an argument, newest first. Revisions are public like the argument itself; a hidden
 * argument's history and a hidden thesis's title follow server/access/visibility.ts.
 */
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
      thesis: { select: { id: true, slug: true, title: true, visibility: true, author: { select: { id: true } } } },
      revisions: {
        orderBy: { number: "desc" },
        select: { id: true, number: true, body: true, minor: true, createdAt: true, editor: { select: { name: true, handle: true } } },
      },
    },
  });
  if (!argument) throw new NotFoundError("That argument does not exist.");
  const { thesis } = argument;
  const hidesSomething = argument.status === "HIDDEN" || thesis.visibility === "HIDDEN";
  const moderates = hidesSomething && (await viewerModeratesThesis(viewer, { id: thesis.id, authorId: thesis.author.id }));
  // A hidden argument's history would show its text: only its author and the thesis's moderators get it.
  if (argument.status === "HIDDEN" && argument.author.id !== viewer?.id && !moderates) {
    throw new NotFoundError("That argument is hidden by moderators.");
  }
  return { ...argument, thesis: redactHiddenThesis(thesis, viewer, moderates) };
}
