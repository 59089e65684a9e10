import "server-only";
import { db } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import type { CurrentUser } from "../auth/current-user";

export interface StanceResult {
  thesisSlug: string;
  value: number | null;
}

/** Records (−2 … 2) or clears (null) where the actor stands on a thesis: one row per member and thesis. */
export async function setThesisStance({
  actor,
  thesisId,
  value,
}: {
  actor: Pick<CurrentUser, "id">;
  thesisId: string;
  value: -2 | -1 | 0 | 1 | 2 | null;
}): Promise<StanceResult> {
  return db.$transaction(async (tx) => {
    const thesis = await tx.thesis.findUnique({ where: { id: thesisId }, select: { slug: true, status: true, visibility: true } });
    if (!thesis || thesis.visibility === "HIDDEN") throw new NotFoundError("That thesis does not exist.");
    if (thesis.status === "LOCKED") throw new ForbiddenError("This thesis is locked: stances can no longer change.", "THESIS_LOCKED");
    const key = { userId_thesisId: { userId: actor.id, thesisId } };
    if (value === null) await tx.thesisStance.deleteMany({ where: { userId: actor.id, thesisId } });
    else await tx.thesisStance.upsert({ where: key, create: { userId: actor.id, thesisId, value }, update: { value } });
    return { thesisSlug: thesis.slug, value };
  });
}
