import "server-only";
import { db } from "../db";
import { listedQuoteWhere } from "../access/visibility";

/** Quotes whose text or source title contains `query` (newest first): what the cite picker offers. */
export async function searchQuotes(query: string, take = 10) {
  const q = query.trim();
  return db.quote.findMany({
    where: {
      ...listedQuoteWhere,
      ...(q
        ? {
            OR: [
              { exact: { contains: q, mode: "insensitive" as const } },
              { source: { title: { contains: q, mode: "insensitive" as const } } },
              { source: { publisher: { contains: q, mode: "insensitive" as const } } },
            ],
          }
        : {}),
    },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      exact: true,
      source: { select: { id: true, title: true, publisher: true, publishedAt: true } },
    },
  });
}
