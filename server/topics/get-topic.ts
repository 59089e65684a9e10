import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { topicSlugSchema } from "@/lib/validation/topic";

export async function getTopicBySlug(slug: string) {
  const valid = topicSlugSchema.safeParse(slug);
  const topic = valid.success
    ? await db.topic.findUnique({ where: { slug: valid.data }, select: { id: true, slug: true, name: true, thesisCount: true } })
    : null;
  if (!topic) throw new NotFoundError("There is no such topic.");
  return topic;
}
