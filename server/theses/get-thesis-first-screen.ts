import "server-only";
import type { SiblingSort } from "@/lib/scoring/sort";
import { getThesisBySlug } from "./get-thesis-page";
import { listArgumentPage } from "../arguments/list-argument-page";
import type { PageCursor } from "../arguments/page-cursor";
import { loadCardExtras } from "../arguments/card-extras";
import { viewerModeratesThesis, type Viewer } from "../access/visibility";

/**
 * The thesis page's first screen: the thesis and one page of top-level arguments per side in the reader's order,
 * with the viewer's votes and their footnotes. A fixed number of queries and rows whatever the size of the
 * debate; nothing below the first level is sent (replies open in the focus view).
 */
export async function getThesisFirstScreen(
  slug: string,
  viewer: Viewer,
  { sort, cursors }: { sort: SiblingSort; cursors: { PRO: PageCursor | null; CON: PageCursor | null } },
) {
  const thesis = await getThesisBySlug(slug, viewer);
  const moderates = await viewerModeratesThesis(viewer, { id: thesis.id, authorId: thesis.author.id });
  const page = (stance: "PRO" | "CON") =>
    listArgumentPage({ thesisId: thesis.id, parentId: null, stance, sort, cursor: cursors[stance], viewer, moderates });
  const [pro, con] = await Promise.all([page("PRO"), page("CON")]);
  const extras = await loadCardExtras([...pro.rows, ...con.rows].map((row) => row.id), viewer?.id);
  return {
    thesis,
    moderates,
    sides: { PRO: { ...pro, count: thesis.proCount }, CON: { ...con, count: thesis.conCount } },
    ...extras,
  };
}
