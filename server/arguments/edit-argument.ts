import "server-only";
import { db } from "../db";
import { ConflictError, ForbiddenError, NotFoundError, uniqueViolation } from "../errors";
import type { EditArgumentInput } from "@/lib/validation/argument";
import type { CurrentUser } from "../auth/current-user";
import { attachCitations } from "../citations/attach-citations";
import { moveVotesToStale } from "../votes/vote-counts";
import { lockThesisForStrength, refreshStrength } from "../strength/keep-strength";

/**
 * Saves a new body as a new revision; earlier revisions stay untouched. Saving the same text again
 * changes nothing.
 */
export async function editArgument({ actor, input }: { actor: Pick<CurrentUser, "id">; input: EditArgumentInput }) {
  try {
    return await db.$transaction(async (tx) => {
      const owner = await tx.argument.findUnique({ where: { id: input.argumentId }, select: { thesisId: true } });
      if (!owner) throw new NotFoundError("That argument does not exist.");
      await lockThesisForStrength(tx, owner.thesisId);
      const argument = await tx.argument.findUnique({
        where: { id: input.argumentId },
        select: {
          id: true,
          body: true,
          authorId: true,
          thesis: { select: { slug: true, status: true } },
          _count: { select: { revisions: true } },
        },
      });
      if (!argument) throw new NotFoundError("That argument does not exist.");
      if (argument.authorId !== actor.id) throw new ForbiddenError("You can only edit your own arguments.");
      if (argument.thesis.status === "LOCKED") throw new ForbiddenError("This thesis is locked: arguments cannot be edited.");
      const result = { id: argument.id, thesisSlug: argument.thesis.slug };
      if (argument.body === input.body) return { ...result, changed: false };

      const revision = await tx.argumentRevision.create({
        data: { argumentId: argument.id, number: argument._count.revisions + 1, body: input.body, editorId: actor.id },
        select: { id: true },
      });
      // Evidence: citations belong to the revision that made them.
      await attachCitations(tx, { revisionId: revision.id, body: input.body });
      await tx.argument.update({
        where: { id: argument.id },
        data: { body: input.body, currentRevisionId: revision.id, editedAt: new Date() },
      });
      // Votes judged the earlier text: they count as stale until each voter reconfirms.
      await moveVotesToStale(tx, argument.id);
      await refreshStrength(tx, argument.id);
      return { ...result, changed: true };
    });
  } catch (error) {
    // Two saves raced for the same revision number: the loser keeps their text in the form and retries.
    if (uniqueViolation(error)) throw new ConflictError("This argument was just edited elsewhere. Reload and try again.");
    throw error;
  }
}
