import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { SiblingSort } from "@/lib/scoring/sort";
import { getThesisBySlug, presentThesis, thesisViewSelect } from "../theses/get-thesis-page";
import { argumentCardSelect } from "./argument-select";
import { listArgumentPage } from "./list-argument-page";
import type { PageCursor } from "./page-cursor";
import { loadCardExtras } from "./card-extras";
import { idSchema } from "@/lib/validation/argument";
import { redactHiddenArguments, viewerModeratesThesis, type Viewer } from "../access/visibility";

/**
 * The thesis and one of its arguments, or a 404 for a malformed id or an argument of another thesis. Pages know the
 * thesis from their address (`slug`); the API knows only the argument (`slug` null), so its thesis is joined onto it.
 */
async function findFocus(slug: string | null, argumentId: string, viewer: Viewer) {
  if (!idSchema.safeParse(argumentId).success) throw new NotFoundError("That argument is not part of this thesis.");
  if (slug === null) {
    // The thesis joined onto the argument: one round trip, not two.
    const found = await db.argument.findUnique({ where: { id: argumentId }, select: { ...argumentCardSelect, thesis: { select: thesisViewSelect } } });
    if (!found) throw new NotFoundError("That argument does not exist.");
    const { thesis, ...focusRow } = found;
    return { thesis: await presentThesis(thesis, viewer), focusRow };
  }
  const [thesis, focusRow] = await Promise.all([
    getThesisBySlug(slug, viewer),
    db.argument.findFirst({ where: { id: argumentId, thesis: { slug } }, select: argumentCardSelect }),
  ]);
  if (!focusRow) throw new NotFoundError("That argument is not part of this thesis.");
  return { thesis, focusRow };
}

/** What a focus page's title names, as a visitor may read it: two queries, not the whole focus view. */
export async function getArgumentHeading(slug: string, argumentId: string) {
  const { thesis, focusRow } = await findFocus(slug, argumentId, null);
  return { thesis, focus: redactHiddenArguments([focusRow], null, false)[0]! };
}

/**
 * An argument as the focus of the debate view (its permalink): the path from the thesis down to it, the argument
 * in full, and one page of its direct replies per side (supports, rebuttals). A fixed number of queries whatever
 * the size of the debate or the depth of the argument. `slug` null: the argument's own thesis (the API's focus).
 */
export async function getArgumentFocus(
  slug: string | null,
  argumentId: string,
  viewer: Viewer,
  { sort, cursors }: { sort: SiblingSort; cursors: { PRO: PageCursor | null; CON: PageCursor | null } },
) {
  const { thesis, focusRow } = await findFocus(slug, argumentId, viewer);
  const ancestorIds = focusRow.path.split("/").slice(0, -1);
  // One round trip for everything that needs only the focus row (the pages need `moderates`: no query for a visitor).
  const moderates = await viewerModeratesThesis(viewer, { id: thesis.id, authorId: thesis.author.id });
  const page = (stance: "PRO" | "CON") =>
    listArgumentPage({ thesisId: thesis.id, parentId: focusRow.id, stance, sort, cursor: cursors[stance], viewer, moderates });
  const [ancestorRows, counts, pro, con] = await Promise.all([
    ancestorIds.length
      ? db.argument.findMany({
          where: { id: { in: ancestorIds } },
          select: { id: true, parentId: true, stance: true, body: true, status: true, author: { select: { id: true, name: true, handle: true } } },
          orderBy: { depth: "asc" },
        })
      : Promise.resolve([]),
    db.argument.groupBy({ by: ["stance"], where: { parentId: focusRow.id }, _count: { _all: true } }),
    page("PRO"),
    page("CON"),
  ]);
  const [focus] = redactHiddenArguments([focusRow], viewer, moderates);
  const ancestors = redactHiddenArguments(ancestorRows, viewer, moderates);
  const extras = await loadCardExtras([focusRow.id, ...pro.rows.map((r) => r.id), ...con.rows.map((r) => r.id)], viewer?.id);
  const count = (stance: "PRO" | "CON") => counts.find((c) => c.stance === stance)?._count._all ?? 0;
  return {
    thesis,
    moderates,
    focus: focus!,
    ancestors,
    sides: { PRO: { ...pro, count: count("PRO") }, CON: { ...con, count: count("CON") } },
    ...extras,
  };
}
