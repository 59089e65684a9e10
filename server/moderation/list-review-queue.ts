import "server-only";
import { db } from "../db";
import { ForbiddenError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { encodeReviewQueueCursor, type ReviewQueueCursor, type ReviewQueueFilter } from "@/lib/validation/moderation";
import { isGlobalModerator, moderatedThesisIds, type GlobalRole } from "../access/permissions";

export const REVIEW_QUEUE_PAGE_SIZE = 50;

// Who wrote each target, with what a moderator needs to decide on a sanction.
const PERSON = { select: { id: true, name: true, handle: true, suspendedUntil: true, role: true } } as const;

const ITEM_INCLUDE = {
  flags: {
    orderBy: { createdAt: "asc" },
    select: { id: true, reason: true, details: true, createdAt: true, reporter: { select: { name: true, handle: true } } },
  },
  resolvedBy: { select: { name: true, handle: true } },
} as const satisfies Prisma.ReviewItemInclude;

/*
 * Paging is keyset paging on (createdAt, id), oldest first; ties within the same millisecond go by id.
 * Both columns are fixed when the item is created (a new flag, a resolution or a reopening changes status and
 * flagCount only), so a cursor names a position that never moves. Following nextCursor page after page
 * therefore shows every item that matches the filters all along exactly once and in order, however many items
 * before or after it are resolved, flagged or added meanwhile: nothing shifts as it would with OFFSET. Items
 * added meanwhile are newer, so they come at the end. What a cursor cannot show is an item that starts to
 * match behind it (a resolved item flagged again returns to the pending queue at its first-flag time): it is
 * on the earlier pages, and the total counts it.
 *
 * "Most flagged" is deliberately not part of the order: flagCount changes between page loads, so a cursor on
 * it could skip or repeat items, and as a tiebreak after a millisecond timestamp it almost never applied.
 */
const ORDER_ASC: Prisma.ReviewItemOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];
const ORDER_DESC: Prisma.ReviewItemOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

/** Items after the cursor's item in queue order; before it (or up to and including it). */
const afterKey = ({ createdAt, id }: ReviewQueueCursor): Prisma.ReviewItemWhereInput => ({
  OR: [{ createdAt: { gt: createdAt } }, { createdAt, id: { gt: id } }],
});
const beforeKey = ({ createdAt, id }: ReviewQueueCursor, inclusive = false): Prisma.ReviewItemWhereInput => ({
  OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: inclusive ? { lte: id } : { lt: id } }],
});

/**
 * One page of the review queue as this moderator may see it: site moderators see everything, thesis owners and
 * appointed moderators only their theses. Oldest first; each item comes with its content, context, flags and
 * history. Also returns how many items match (`total`), how many come before this page (`itemsBefore`), and the
 * cursors of the neighbouring pages (null at either end). A fixed number of queries whatever the page size.
 */
export async function listReviewQueue({
  viewer,
  filter,
  cursor,
}: {
  viewer: { id: string; role: GlobalRole };
  filter: ReviewQueueFilter;
  cursor?: ReviewQueueCursor;
}) {
  const scope = isGlobalModerator(viewer) ? null : await moderatedThesisIds(db, viewer.id);
  if (scope && scope.length === 0) throw new ForbiddenError("The review queue is for moderators and for owners of theses.");
  const thesisFilter = filter.thesis
    ? ((await db.thesis.findUnique({ where: { slug: filter.thesis }, select: { id: true } }))?.id ?? "none")
    : null;

  const where: Prisma.ReviewItemWhereInput = {
    ...(filter.status !== "ALL" ? { status: filter.status } : {}),
    ...(filter.targetType !== "ALL" ? { targetType: filter.targetType } : {}),
    ...(filter.reason !== "ALL" ? { flags: { some: { reason: filter.reason } } } : {}),
    AND: [scope ? { thesisId: { in: scope } } : {}, thesisFilter ? { thesisId: thesisFilter } : {}],
  };
  const matching = (extra?: Prisma.ReviewItemWhereInput) => (extra ? { AND: [where, extra] } : where);
  const pageOf = (extra?: Prisma.ReviewItemWhereInput, orderBy = ORDER_ASC) =>
    db.reviewItem.findMany({ where: matching(extra), orderBy, take: REVIEW_QUEUE_PAGE_SIZE, include: ITEM_INCLUDE });
  const countOf = (extra?: Prisma.ReviewItemWhereInput) => db.reviewItem.count({ where: matching(extra) });

  // The page, the total and the position read one snapshot, so the counts and the links always agree with the
  // items. (The embedded PGlite ignores the isolation level, but its one connection runs the transaction alone.)
  const snapshot = { isolationLevel: "RepeatableRead" } as const;
  let items: Awaited<ReturnType<typeof pageOf>>;
  let total: number;
  let itemsBefore = 0;
  if (!cursor) {
    [items, total] = await db.$transaction([pageOf(), countOf()], snapshot);
  } else if (cursor.direction === "after") {
    [items, total, itemsBefore] = await db.$transaction([pageOf(afterKey(cursor)), countOf(), countOf(beforeKey(cursor, true))], snapshot);
  } else {
    // The page that ends just before the cursor. When less than a page precedes it (items were resolved
    // meanwhile), the first page is shown instead, full: it is read alongside, so no second round is needed.
    let older, first, beforeCursor;
    [older, first, total, beforeCursor] = await db.$transaction(
      [pageOf(beforeKey(cursor), ORDER_DESC), pageOf(), countOf(), countOf(beforeKey(cursor))],
      snapshot,
    );
    const full = beforeCursor >= REVIEW_QUEUE_PAGE_SIZE;
    [items, itemsBefore] = full ? [older.reverse(), beforeCursor - REVIEW_QUEUE_PAGE_SIZE] : [first, 0];
  }
  const last = items.at(-1);
  const nextCursor = last && itemsBefore + items.length < total ? encodeReviewQueueCursor("after", last) : null;
  // An empty page past the end (its items were resolved meanwhile) still leads back, from the cursor itself.
  const prevCursor = itemsBefore > 0 ? encodeReviewQueueCursor("before", items[0] ?? cursor!) : null;

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
  const page = items.map((item) => ({
    ...item,
    argument: item.targetType === "ARGUMENT" ? (args.get(item.targetId) ?? null) : null,
    thesis: item.targetType === "THESIS" ? (theses.get(item.targetId) ?? null) : null,
    source: item.targetType === "SOURCE" ? (sources.get(item.targetId) ?? null) : null,
    quote: item.targetType === "QUOTE" ? (quotes.get(item.targetId) ?? null) : null,
    history: history.filter((entry) => entry.targetType === item.targetType && entry.targetId === item.targetId),
  }));
  return { items: page, total, itemsBefore, nextCursor, prevCursor };
}

export type ReviewQueuePage = Awaited<ReturnType<typeof listReviewQueue>>;
export type ReviewQueueItem = ReviewQueuePage["items"][number];
