import "server-only";
import type { Tx } from "../db";
import { topicSlug } from "@/lib/validation/topic";

/**
 * Files a thesis under exactly these topics (validated names, see lib/validation/topic.ts), inside the caller's
 * transaction: topics new to the site are created, links added and removed, and each topic's thesisCount moved
 * with its link. Returns the thesis's topics.
 */
export async function setThesisTopics(tx: Tx, thesisId: string, names: string[]) {
  const wanted = new Map(names.map((name) => [topicSlug(name), name]));
  // ON CONFLICT DO NOTHING: two theses naming the same new topic at once both end up with the one row.
  await tx.topic.createMany({ data: [...wanted].map(([slug, name]) => ({ slug, name })), skipDuplicates: true });
  const topics = await tx.topic.findMany({ where: { slug: { in: [...wanted.keys()] } }, select: { id: true, slug: true, name: true } });
  const current = new Set((await tx.thesisTopic.findMany({ where: { thesisId }, select: { topicId: true } })).map((link) => link.topicId));
  const keep = new Set(topics.map((topic) => topic.id));
  const added = [...keep].filter((id) => !current.has(id));
  const removed = [...current].filter((id) => !keep.has(id));
  if (added.length > 0) {
    await tx.thesisTopic.createMany({ data: added.map((topicId) => ({ thesisId, topicId })) });
    await tx.topic.updateMany({ where: { id: { in: added } }, data: { thesisCount: { increment: 1 } } });
  }
  if (removed.length > 0) {
    await tx.thesisTopic.deleteMany({ where: { thesisId, topicId: { in: removed } } });
    await tx.topic.updateMany({ where: { id: { in: removed } }, data: { thesisCount: { decrement: 1 } } });
  }
  return topics.map(({ slug, name }) => ({ slug, name })).sort((a, b) => (a.slug < b.slug ? -1 : 1));
}
