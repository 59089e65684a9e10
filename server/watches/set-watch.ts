import "server-only";
import { db, type Tx } from "../db";
import { NotFoundError } from "../errors";
import { viewerModeratesThesis } from "../access/visibility";
import type { CurrentUser } from "../auth/current-user";
import type { WatchTargetInput } from "@/lib/validation/watch";

/**
 * Starts (`watching: true`) or stops watching a thesis or an argument. Idempotent: watching twice keeps one
 * watch. A target the member may not read (missing, or hidden from them) is a 404, so a watch cannot be used to
 * learn that hidden content exists.
 */
export async function setWatch({
  actor,
  input,
  watching,
}: {
  actor: Pick<CurrentUser, "id" | "role">;
  input: WatchTargetInput;
  watching: boolean;
}): Promise<{ watching: boolean; thesisSlug: string; argumentId: string | null }> {
  return db.$transaction(async (tx) => {
    const target = await loadWatchTarget(tx, actor, input);
    const key = { userId: actor.id, targetType: input.targetType, targetId: input.targetId };
    if (watching) {
      await tx.watch.upsert({ where: { userId_targetType_targetId: key }, create: key, update: {} });
    } else {
      await tx.watch.deleteMany({ where: key });
    }
    return { watching, ...target };
  });
}

async function loadWatchTarget(tx: Tx, actor: Pick<CurrentUser, "id" | "role">, input: WatchTargetInput) {
  if (input.targetType === "THESIS") {
    const thesis = await tx.thesis.findUnique({ where: { id: input.targetId }, select: { id: true, slug: true, authorId: true, visibility: true } });
    if (!thesis || (thesis.visibility === "HIDDEN" && !(await viewerModeratesThesis(actor, thesis)))) {
      throw new NotFoundError("That thesis does not exist.");
    }
    return { thesisSlug: thesis.slug, argumentId: null };
  }
  const argument = await tx.argument.findUnique({
    where: { id: input.targetId },
    select: { id: true, status: true, authorId: true, thesis: { select: { id: true, slug: true, authorId: true, visibility: true } } },
  });
  const hidden = argument && (argument.status === "HIDDEN" || argument.thesis.visibility === "HIDDEN") && argument.authorId !== actor.id;
  if (!argument || (hidden && !(await viewerModeratesThesis(actor, argument.thesis)))) {
    throw new NotFoundError("That argument does not exist.");
  }
  return { thesisSlug: argument.thesis.slug, argumentId: argument.id };
}
