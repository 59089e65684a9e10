import "server-only";
import { db } from "../db";

export const TOPICS_PER_PAGE = 50;

/**
 * Topics that file at least one thesis, with their stored thesis counts, by name (slug) one page at a time: the
 * cursor is the last slug shown.
 */
export async function listTopics({ after = null, limit = TOPICS_PER_PAGE }: { after?: string | null; limit?: number } = {}) {
  const rows = await db.topic.findMany({
    where: { thesisCount: { gt: 0 }, ...(after ? { slug: { gt: after } } : {}) },
    select: { slug: true, name: true, thesisCount: true },
    orderBy: { slug: "asc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { topics: page, nextCursor: rows.length > limit ? page[page.length - 1]!.slug : null };
}

/** The most used topics, for pickers and the home page's filter. */
export async function listPopularTopics(limit = 12) {
  return db.topic.findMany({
    where: { thesisCount: { gt: 0 } },
    select: { slug: true, name: true, thesisCount: true },
    orderBy: [{ thesisCount: "desc" }, { slug: "asc" }],
    take: limit,
  });
}
