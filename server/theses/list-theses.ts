import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { listedThesisWhere } from "../access/visibility";
import { THESES_PER_PAGE, type ThesisSort } from "@/lib/validation/thesis-list";
import { encodeThesisCursor, type ThesisCursor } from "./thesis-cursor";

const summary = {
  id: true,
  slug: true,
  title: true,
  status: true,
  argumentCount: true,
  proCount: true,
  conCount: true,
  contestScore: true,
  createdAt: true,
  lastActivityAt: true,
  author: { select: { name: true, handle: true } },
  topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { slug: "asc" } } },
} as const satisfies Prisma.ThesisSelect;

type SummaryRow = Prisma.ThesisGetPayload<{ select: typeof summary }>;

/** The stored column each order pages by (all kept on write, see prisma/schema.prisma), newest id first among equals. */
const SORT_COLUMN = {
  active: "lastActivityAt",
  newest: "createdAt",
  argued: "argumentCount",
  contested: "contestScore",
} as const satisfies Record<ThesisSort, keyof SummaryRow>;

function sortKey(sort: ThesisSort, row: SummaryRow): number {
  const value = row[SORT_COLUMN[sort]];
  return value instanceof Date ? value.getTime() : value;
}

/** Rows strictly after `cursor`: the keyset condition matching the Thesis_list_* indexes. */
function after({ sort, key, id }: ThesisCursor): Prisma.ThesisWhereInput {
  const column = SORT_COLUMN[sort];
  const value = column === "lastActivityAt" || column === "createdAt" ? new Date(key) : key;
  return { OR: [{ [column]: { lt: value } }, { [column]: value, id: { lt: id } }] };
}

/**
 * One page of listed theses (hidden ones keep their page but leave the lists) in `sort`, optionally only those
 * filed under one topic: one indexed range scan of `limit + 1` rows whatever the number of theses.
 */
export async function listTheses({
  sort,
  topicId,
  cursor = null,
  limit = THESES_PER_PAGE,
}: {
  sort: ThesisSort;
  topicId?: string;
  cursor?: ThesisCursor | null;
  limit?: number;
}) {
  const rows = await db.thesis.findMany({
    select: summary,
    where: {
      ...listedThesisWhere,
      ...(topicId ? { topics: { some: { topicId } } } : {}),
      ...(cursor ? after(cursor) : {}),
    },
    orderBy: [{ [SORT_COLUMN[sort]]: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    theses: page.map(({ topics, ...thesis }) => ({ ...thesis, topics: topics.map((link) => link.topic) })),
    nextCursor: rows.length > limit && last ? encodeThesisCursor({ sort, key: sortKey(sort, last), id: last.id }) : null,
  };
}

export type ThesisSummary = Awaited<ReturnType<typeof listTheses>>["theses"][number];
