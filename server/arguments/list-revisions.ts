import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";

/** The full edit history of an argument, newest first. Revisions are public, like the argument itself. */
export async function listRevisions(argumentId: string) {
  const argument = await db.argument.findUnique({
    where: { id: argumentId },
    select: {
      id: true,
      stance: true,
      parentId: true,
      currentRevisionId: true,
      author: { select: { name: true, handle: true } },
      thesis: { select: { slug: true, title: true } },
      revisions: {
        orderBy: { number: "desc" },
        select: { id: true, number: true, body: true, createdAt: true, editor: { select: { name: true, handle: true } } },
      },
    },
  });
  if (!argument) throw new NotFoundError("That argument does not exist.");
  return argument;
}
