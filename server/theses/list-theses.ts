import "server-only";
import { db } from "../db";
import { listedThesisWhere } from "../access/visibility";

export type ThesisSort = "newest" | "active";

const summary = {
  id: true,
  slug: true,
  title: true,
  status: true,
  argumentCount: true,
  proCount: true,
  conCount: true,
  createdAt: true,
  lastActivityAt: true,
  author: { select: { name: true, handle: true } },
} as const;

const ACTIVE_WINDOW_DAYS = 7;

const listed = listedThesisWhere;

/**
 * Theses for the home page. "active" ranks by arguments posted in the last week, then by the latest
 * activity, so a debate that was busy long ago does not sit on top forever.
 */
export async function listTheses({ sort, take = 30 }: { sort: ThesisSort; take?: number }) {
  if (sort === "newest") {
    return db.thesis.findMany({ select: summary, where: listed, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  }
  const since = new Date(Date.now() - ACTIVE_WINDOW_DAYS * 86_400_000);
  const busy = await db.argument.groupBy({
    by: ["thesisId"],
    where: { createdAt: { gte: since } },
    _count: { _all: true },
    orderBy: [{ _count: { thesisId: "desc" } }, { thesisId: "asc" }],
    take,
  });
  const recent = new Map(busy.map((row) => [row.thesisId, row._count._all]));
  const ids = [...recent.keys()];
  const [hot, rest] = await Promise.all([
    db.thesis.findMany({ select: summary, where: { id: { in: ids }, ...listed } }),
    db.thesis.findMany({
      select: summary,
      where: { id: { notIn: ids }, ...listed },
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      take,
    }),
  ]);
  hot.sort((a, b) => recent.get(b.id)! - recent.get(a.id)! || b.lastActivityAt.getTime() - a.lastActivityAt.getTime());
  return [...hot, ...rest].slice(0, take);
}

export type ThesisSummary = Awaited<ReturnType<typeof listTheses>>[number];
