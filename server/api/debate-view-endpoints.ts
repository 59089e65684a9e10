import "server-only";
import type { CurrentUser } from "../auth/current-user";
import { getThesisFirstScreen } from "../theses/get-thesis-first-screen";
import { getArgumentFocus } from "../arguments/get-argument-focus";
import { apiArgument, apiCursor, apiSide, apiSort } from "./debate-query";

/**
 * The API's two debate views, the API's most requested reads. One implementation each, mounted twice: by the Next
 * route handlers, and by the production server's fast path (server/api/fast-routes.ts) for calls without a session
 * cookie, which skips Next's per-request pipeline (it costs more CPU than the view's own queries).
 */

/**
 * GET /api/v1/theses/:slug?sort=&pro=&con=: the thesis (with its stored strength) and one page of top-level
 * arguments per side; `nextCursor` goes back as `pro=` or `con=` for the next page.
 */
export async function answerThesisView({ slug, url, viewer }: { slug: string; url: URL; viewer: CurrentUser | null }) {
  const sort = apiSort(url);
  const cursors = { PRO: apiCursor(url, "pro"), CON: apiCursor(url, "con") };
  const { thesis, sides, votes, citations } = await getThesisFirstScreen(slug, viewer, { sort, cursors });
  const { supportProduct: _sp, attackProduct: _ap, ...shown } = thesis;
  const extras = { votes, citations };
  return { thesis: shown, sort, arguments: { PRO: apiSide(sides.PRO, extras), CON: apiSide(sides.CON, extras) } };
}

/**
 * GET /api/v1/arguments/:id?sort=&pro=&con=: an argument as a focus: the path from the thesis (ancestors), the
 * argument, and one page of its supporting replies (PRO) and rebuttals (CON), paged by `nextCursor`.
 */
export async function answerArgumentFocus({ id, url, viewer }: { id: string; url: URL; viewer: CurrentUser | null }) {
  const sort = apiSort(url);
  const cursors = { PRO: apiCursor(url, "pro"), CON: apiCursor(url, "con") };
  const view = await getArgumentFocus(null, id, viewer, { sort, cursors });
  return {
    thesis: { slug: view.thesis.slug, title: view.thesis.title, strength: view.thesis.strength },
    ancestors: view.ancestors,
    argument: apiArgument(view.focus, view),
    sort,
    replies: { PRO: apiSide(view.sides.PRO, view), CON: apiSide(view.sides.CON, view) },
  };
}
