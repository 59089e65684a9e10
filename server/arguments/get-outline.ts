import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { idSchema } from "@/lib/validation/argument";
import { getThesisBySlug } from "../theses/get-thesis-page";
import { redactHiddenArguments, viewerModeratesThesis, type Viewer } from "../access/visibility";

/** Children listed per open level; longer lists continue in that argument's focus view. */
export const OUTLINE_LEVEL_LIMIT = 50;
/** Levels open at once (ids in `?open=`); more are ignored, so a link cannot ask for the whole tree. */
export const OUTLINE_MAX_OPEN = 30;

const outlineSelect = {
  id: true,
  parentId: true,
  stance: true,
  body: true,
  status: true,
  depth: true,
  replyCount: true,
  upCount: true,
  downCount: true,
  strength: true,
  author: { select: { id: true, name: true, handle: true } },
} as const;

/** `?open=a,b,c` as a list of well-formed ids, without repeats, at most OUTLINE_MAX_OPEN. */
export function parseOpenParam(value: string | string[] | undefined): string[] {
  const raw = typeof value === "string" ? value.split(",") : [];
  return [...new Set(raw.filter((id) => idSchema.safeParse(id).success))].slice(0, OUTLINE_MAX_OPEN);
}

/**
 * Outline mode: a branch (the thesis, or `rootId`) as an indented tree whose levels are loaded only where the
 * reader opened them (`openIds`): one query per open level, each at most OUTLINE_LEVEL_LIMIT + 1 rows.
 */
export async function getOutline(slug: string, viewer: Viewer, { rootId, openIds }: { rootId: string | null; openIds: string[] }) {
  const thesis = await getThesisBySlug(slug, viewer);
  const moderates = await viewerModeratesThesis(viewer, { id: thesis.id, authorId: thesis.author.id });
  const root = rootId
    ? await db.argument.findFirst({ where: { id: rootId, thesisId: thesis.id }, select: outlineSelect })
    : null;
  if (rootId && !root) throw new NotFoundError("That argument is not part of this thesis.");
  const parents = [root?.id ?? null, ...openIds.filter((id) => id !== root?.id)];
  const levels = await Promise.all(
    parents.map((parentId) =>
      db.argument.findMany({
        where: { thesisId: thesis.id, parentId },
        orderBy: [{ wilsonScore: "desc" }, { createdAt: "asc" }, { id: "asc" }],
        take: OUTLINE_LEVEL_LIMIT + 1,
        select: outlineSelect,
      }),
    ),
  );
  const children = new Map<string | null, { rows: ReturnType<typeof redactHiddenArguments<(typeof levels)[number][number]>>; more: boolean }>();
  parents.forEach((parentId, i) => {
    const rows = levels[i]!;
    children.set(parentId, { rows: redactHiddenArguments(rows.slice(0, OUTLINE_LEVEL_LIMIT), viewer, moderates), more: rows.length > OUTLINE_LEVEL_LIMIT });
  });
  return { thesis, root: root ? redactHiddenArguments([root], viewer, moderates)[0]! : null, children };
}

export type Outline = Awaited<ReturnType<typeof getOutline>>;
