import "server-only";
import { db } from "../db";
import { ConflictError, ForbiddenError, NotFoundError, uniqueViolation } from "../errors";
import type { EditArgumentInput } from "@/lib/validation/argument";
import type { CurrentUser } from "../auth/current-user";
import { attachCitations } from "../citations/attach-citations";
import { refreshStrength } from "../strength/keep-strength";
import { classifyEdit } from "@/lib/arguments/edit-kind";
import { applyEditToVotes } from "./apply-edit-to-votes";
import { publishLive, thesisTopic } from "../live/publish";
import { notifyArgumentEdited } from "../notifications/notify-argument-edited";

/**
 * Saves a new body as a new revision; earlier revisions stay untouched. Saving the same text again
 * changes nothing. `minor` tells the caller whether the votes stayed current (a typo fix, see
 * lib/arguments/edit-kind.ts) or moved to stale, i.e. whether the argument's standing changed.
 */
export async function editArgument({ actor, input }: { actor: Pick<CurrentUser, "id">; input: EditArgumentInput }) {
  try {
    return await db.$transaction(async (tx) => {
      const argument = await tx.argument.findUnique({
        where: { id: input.argumentId },
        select: {
          id: true,
          body: true,
          authorId: true,
          currentRevisionId: true,
          thesisId: true,
          thesis: { select: { slug: true, status: true } },
          _count: { select: { revisions: true } },
        },
      });
      if (!argument) throw new NotFoundError("That argument does not exist.");
      if (argument.authorId !== actor.id) throw new ForbiddenError("You can only edit your own arguments.");
      if (argument.thesis.status === "LOCKED") throw new ForbiddenError("This thesis is locked: arguments cannot be edited.", "THESIS_LOCKED");
      const result = { id: argument.id, thesisSlug: argument.thesis.slug };
      if (argument.body === input.body) return { ...result, changed: false, minor: false, majorReason: null };
      const kind = classifyEdit(argument.body, input.body);

      const revision = await tx.argumentRevision.create({
        data: { argumentId: argument.id, number: argument._count.revisions + 1, body: input.body, editorId: actor.id, minor: kind.minor },
        select: { id: true },
      });
      // Evidence: citations belong to the revision that made them.
      await attachCitations(tx, { revisionId: revision.id, body: input.body });
      await tx.argument.update({
        where: { id: argument.id },
        data: { body: input.body, currentRevisionId: revision.id, editedAt: new Date() },
      });
      await applyEditToVotes(tx, { argumentId: argument.id, previousRevisionId: argument.currentRevisionId, revisionId: revision.id, minor: kind.minor });
      // A major edit moved the votes to stale, so the argument's base score (and strength) changed with it.
      if (!kind.minor) await refreshStrength(tx, argument.id);
      await publishLive(tx, thesisTopic(argument.thesisId), "ARGUMENT_EDITED", argument.id);
      await notifyArgumentEdited(tx, {
        actorId: actor.id,
        argumentId: argument.id,
        previousRevisionId: argument.currentRevisionId,
        previousBody: argument.body,
        body: input.body,
        minor: kind.minor,
      });
      return { ...result, changed: true, minor: kind.minor, majorReason: kind.minor ? null : kind.reason };
    });
  } catch (error) {
    // Two saves raced for the same revision number: the loser keeps their text in the form and retries.
    if (uniqueViolation(error)) throw new ConflictError("This argument was just edited elsewhere. Reload and try again.");
    throw error;
  }
}
