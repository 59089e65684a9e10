import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { SiblingSort } from "@/lib/scoring/sort";
import { argumentCardSelect, type ArgumentCardRow } from "./argument-select";
import { ARGUMENTS_PER_PAGE, cursorKey, encodeCursor, type PageCursor } from "./page-cursor";
import { redactHiddenArguments, type Viewer } from "../access/visibility";

export interface ArgumentPage {
  rows: ArgumentCardRow[];
  /** Cursor of the page after this one; null on the last page. */
  nextCursor: string | null;
}

/** Rows strictly after `cursor` in `sort`: the keyset condition matching the Argument_page_* indexes. */
function after(sort: SiblingSort, cursor: PageCursor): Prisma.ArgumentWhereInput {
  const { key, createdAt, id } = cursor;
  if (sort === "newest") return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
  const field = sort === "best" ? "wilsonScore" : "disputeScore";
  return {
    OR: [{ [field]: { lt: key } }, { [field]: key, createdAt: { gt: createdAt } }, { [field]: key, createdAt, id: { gt: id } }],
  };
}

function orderBy(sort: SiblingSort): Prisma.ArgumentOrderByWithRelationInput[] {
  if (sort === "newest") return [{ createdAt: "desc" }, { id: "desc" }];
  const field = sort === "best" ? "wilsonScore" : "disputeScore";
  return [{ [field]: "desc" }, { createdAt: "asc" }, { id: "asc" }];
}

/**
 * One page of the arguments directly under the thesis (parentId null) or under one argument, on one side, in
 * the reader's order. One indexed range scan of `limit + 1` rows, whatever the size of the debate. Hidden
 * arguments keep their place; their text goes only to those who may read it (`moderates`, their author).
 */
export async function listArgumentPage({
  thesisId,
  parentId,
  stance,
  sort,
  cursor,
  viewer,
  moderates,
  limit = ARGUMENTS_PER_PAGE,
}: {
  thesisId: string;
  parentId: string | null;
  stance: "PRO" | "CON";
  sort: SiblingSort;
  cursor: PageCursor | null;
  viewer: Viewer;
  moderates: boolean;
  limit?: number;
}): Promise<ArgumentPage> {
  const rows = await db.argument.findMany({
    where: { thesisId, parentId, stance, ...(cursor ? after(sort, cursor) : {}) },
    orderBy: orderBy(sort),
    take: limit + 1,
    select: argumentCardSelect,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ key: cursorKey(sort, last), createdAt: last.createdAt, id: last.id }) : null;
  return { rows: redactHiddenArguments(page, viewer, moderates), nextCursor };
}
