import "server-only";
import { db } from "../db";
import { slugify } from "@/lib/slug";
import type { CreateThesisInput } from "@/lib/validation/thesis";
import type { CurrentUser } from "../auth/current-user";
import { memberLimit, withLimits } from "../access/limits";
import { setThesisTopics } from "../topics/set-thesis-topics";

export async function createThesis({ actor, input }: { actor: Pick<CurrentUser, "id">; input: CreateThesisInput }) {
  return withLimits([await memberLimit("thesis", actor.id)], () => db.$transaction(async (tx) => {
    const base = slugify(input.title);
    const taken = new Set(
      (await tx.thesis.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((t) => t.slug),
    );
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const thesis = await tx.thesis.create({
      data: { slug, title: input.title, body: input.body, authorId: actor.id },
      select: { id: true, slug: true },
    });
    // Members watch what they post: its new arguments notify them (server/notifications).
    await tx.watch.create({ data: { userId: actor.id, targetType: "THESIS", targetId: thesis.id } });
    return { ...thesis, topics: await setThesisTopics(tx, thesis.id, input.topics) };
  }));
}
