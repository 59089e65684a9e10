import "server-only";
import { db } from "../db";
import { ForbiddenError } from "../errors";
import type { ReviewQueueFilter } from "@/lib/validation/moderation";
import { isGlobalModerator, moderatedThesisIds, type GlobalRole } from "./permissions";

const PAGE_SIZE = 50;

// Who wrote each target, with what a moderator needs to decide on a sanction.
const PERSON = { select: { id: true, name: true, handle: true, suspendedUntil: true, role: true } } as const;

/**
 * The review queue as this moderator may see it: site moderators see everything, thesis owners and
 * appointed moderators only their theses. Oldest first, then most flagged; each item comes with its
 * content, context, flags and history, in a fixed number of queries whatever the page size.
 */
export async function listReviewQueue({ viewer, filter }: { viewer: { id: string; role: GlobalRole }; filter: ReviewQueueFilter }) {
  const scope = isGlobalModerator(viewer) ? null : await moderatedThesisIds(db, viewer.id);
  if (scope && scope.length === 0) throw new ForbiddenError("The review queue is for moderators and for owners of theses.");
  const thesisFilter = filter.thesis
    ? ((await db.thesis.findUnique({ where: { slug: filter.thesis }, select: { id: true } }))?.id ?? "none")
    : null;

  const items = await db.reviewItem.findMany({
    where: {
      ...(filter.status !== "ALL" ? { status: filter.status } : {}),
      ...(filter.targetType !== "ALL" ? { targetType: filter.targetType } : {}),
      ...(filter.reason !== "ALL" ? { flags: { some: { reason: filter.reason } } } : {}),
      AND: [scope ? { thesisId: { in: scope } } : {}, thesisFilter ? { thesisId: thesisFilter } : {}],
    },
    orderBy: [{ createdAt: "asc" }, { flagCount: "desc" }, { id: "asc" }],
    take: PAGE_SIZE,
    include: {
      flags: {
        orderBy: { createdAt: "asc" },
        select: { id: true, reason: true, details: true, createdAt: true, reporter: { select: { name: true, handle: true } } },
      },
      resolvedBy: { select: { name: true, handle: true } },
    },
  });

  const ids = (type: string) => items.filter((item) => item.targetType === type).map((item) => item.targetId);
  const [argumentRows, thesisRows, sourceRows, quoteRows, history] = await Promise.all([
    db.argument.findMany({
      where: { id: { in: ids("ARGUMENT") } },
      select: {
        id: true,
        body: true,
        stance: true,
        status: true,
        moderationNote: true,
        duplicateOfId: true,
        createdAt: true,
        author: PERSON,
        thesis: { select: { id: true, slug: true, title: true, status: true } },
        parent: { select: { id: true, body: true, author: { select: { name: true } } } },
      },
    }),
    db.thesis.findMany({
      where: { id: { in: ids("THESIS") } },
      select: {
        id: true,
        slug: true,
        title: true,
        body: true,
        status: true,
        visibility: true,
        moderationNote: true,
        author: PERSON,
      },
    }),
    db.source.findMany({
      where: { id: { in: ids("SOURCE") } },
      select: {
        id: true,
        title: true,
        url: true,
        publisher: true,
        visibility: true,
        moderationNote: true,
        addedBy: PERSON,
      },
    }),
    db.quote.findMany({
      where: { id: { in: ids("QUOTE") } },
      select: {
        id: true,
        exact: true,
        visibility: true,
        moderationNote: true,
        source: { select: { id: true, title: true } },
        createdBy: PERSON,
      },
    }),
    items.length === 0
      ? Promise.resolve([])
      : db.moderationAction.findMany({
          where: { OR: items.map((item) => ({ targetType: item.targetType, targetId: item.targetId })) },
          orderBy: { seq: "asc" },
          select: {
            seq: true,
            action: true,
            actorRole: true,
            reason: true,
            targetType: true,
            targetId: true,
            createdAt: true,
            actor: { select: { name: true, handle: true } },
          },
        }),
  ]);

  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const [args, theses, sources, quotes] = [byId(argumentRows), byId(thesisRows), byId(sourceRows), byId(quoteRows)];
  return items.map((item) => ({
    ...item,
    argument: item.targetType === "ARGUMENT" ? (args.get(item.targetId) ?? null) : null,
    thesis: item.targetType === "THESIS" ? (theses.get(item.targetId) ?? null) : null,
    source: item.targetType === "SOURCE" ? (sources.get(item.targetId) ?? null) : null,
    quote: item.targetType === "QUOTE" ? (quotes.get(item.targetId) ?? null) : null,
    history: history.filter((entry) => entry.targetType === item.targetType && entry.targetId === item.targetId),
  }));
}

export type ReviewQueueItem = Awaited<ReturnType<typeof listReviewQueue>>[number];
