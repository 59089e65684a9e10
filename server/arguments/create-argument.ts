import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import type { CreateArgumentInput } from "@/lib/validation/argument";
import type { CurrentUser } from "../auth/current-user";
import { attachCitations } from "../citations/attach-citations";
import { memberLimit, withLimits } from "../access/limits";
import { publishLive, thesisTopic } from "../live/publish";
import { notifyNewArgument } from "../notifications/notify-new-argument";
import { scheduleWatcherNotifications } from "../notifications/deliver-watcher-notifications";

/** Adds an argument on the thesis or a reply to an argument, with its first revision, in one transaction. */
export async function createArgument({ actor, input }: { actor: Pick<CurrentUser, "id">; input: CreateArgumentInput }) {
  const created = await withLimits([await memberLimit("post", actor.id)], () => insertArgument(actor, input));
  scheduleWatcherNotifications();
  return created;
}

function insertArgument(actor: Pick<CurrentUser, "id">, input: CreateArgumentInput) {
  return db.$transaction(async (tx) => {
    // Strength: a new argument has no votes, so strength 0 and no effect on its parent: nothing to propagate. Its
    // writes lock the parent (reply count) before the thesis (counters): the bottom-up order of keep-strength.ts.
    const thesis = await tx.thesis.findUnique({ where: { id: input.thesisId }, select: { id: true, slug: true, status: true, visibility: true } });
    if (!thesis) throw new NotFoundError("That thesis does not exist.");
    if (thesis.status === "LOCKED") throw new ForbiddenError("This thesis is locked: it accepts no new arguments.", "THESIS_LOCKED");
    if (thesis.visibility === "HIDDEN") throw new ForbiddenError("This thesis is hidden by moderators: it accepts no new arguments.", "TARGET_HIDDEN");

    const parent = input.parentId
      ? await tx.argument.findFirst({
          where: { id: input.parentId, thesisId: thesis.id },
          select: { id: true, depth: true, path: true },
        })
      : null;
    if (input.parentId && !parent) {
      const message = "The argument you are replying to does not exist in this thesis.";
      throw new InvalidInputError(message, { parentId: [message] });
    }

    // The id is chosen here because the materialised path ends with it.
    const id = `a${randomBytes(12).toString("hex")}`;
    const path = parent ? `${parent.path}/${id}` : id;
    await tx.argument.create({
      data: {
        id,
        thesisId: thesis.id,
        parentId: parent?.id ?? null,
        stance: input.stance,
        body: input.body,
        authorId: actor.id,
        depth: parent ? parent.depth + 1 : 0,
        path,
      },
    });
    const revision = await tx.argumentRevision.create({
      data: { argumentId: id, number: 1, body: input.body, editorId: actor.id },
      select: { id: true },
    });
    // Evidence: the body's [[q:…]] markers become this revision's footnotes (refused if a quote is missing).
    await attachCitations(tx, { revisionId: revision.id, body: input.body });
    const argument = await tx.argument.update({
      where: { id },
      data: { currentRevisionId: revision.id },
      select: { id: true, depth: true, parentId: true, stance: true },
    });
    // Before the parent's and the thesis's rows are locked (held until commit, and every post in the thesis waits
    // for them): the notifications, whose cost grows with the audience, are written while other posts proceed.
    await notifyNewArgument(tx, { actorId: actor.id, thesisId: thesis.id, argument: { id, parentId: argument.parentId, path }, body: input.body });
    if (parent) await tx.argument.update({ where: { id: parent.id }, data: { replyCount: { increment: 1 } } });
    await tx.thesis.update({
      where: { id: thesis.id },
      data: {
        argumentCount: { increment: 1 },
        lastActivityAt: new Date(),
        ...(parent ? {} : input.stance === "PRO" ? { proCount: { increment: 1 } } : { conCount: { increment: 1 } }),
      },
    });
    await publishLive(tx, thesisTopic(thesis.id), "ARGUMENT_CREATED", id);
    return { ...argument, thesisSlug: thesis.slug };
  });
}
