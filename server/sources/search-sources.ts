import "server-only";
import { db } from "../db";
import { listedSourceWhere } from "../access/visibility";

/** Sources whose title, publisher or URL contains `query` (newest first): the cite picker's source list. */
export async function searchSources(query: string, take = 10) {
  const q = query.trim();
  return db.source.findMany({
    where: {
      ...listedSourceWhere,
      // New passages are quoted from a page's newest snapshot; quotes of older ones stay citable.
      supersededById: null,
      ...(q
        ? {
            OR: [
              { title: { contains: q, mode: "insensitive" as const } },
              { publisher: { contains: q, mode: "insensitive" as const } },
              { canonicalUrl: { contains: q, mode: "insensitive" as const } },
            ],
          }
        : {}),
    },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, title: true, publisher: true, publishedAt: true, captureMethod: true },
  });
}
