import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { loadActiveActor, requireThesisModerator } from "../access/permissions";
import type { SetThesisTopicsInput } from "@/lib/validation/topic";
import { setThesisTopics } from "./set-thesis-topics";

/** Refiles a thesis under new topics: its owner, its moderators and site moderators may. */
export async function updateThesisTopics({ actorId, slug, input }: { actorId: string; slug: string; input: SetThesisTopicsInput }) {
  return db.$transaction(async (tx) => {
    const thesis = await tx.thesis.findUnique({ where: { slug }, select: { id: true, slug: true } });
    if (!thesis) throw new NotFoundError("That thesis does not exist.");
    await requireThesisModerator(tx, await loadActiveActor(tx, actorId), thesis.id);
    return { slug: thesis.slug, topics: await setThesisTopics(tx, thesis.id, input.topics) };
  });
}
