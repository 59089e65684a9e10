import "server-only";
import { db } from "../db";
import type { SiblingSort } from "@/lib/scoring/sort";
import type { CurrentUser } from "../auth/current-user";
import { argumentCardSelect } from "./argument-select";
import { loadCardExtras } from "./card-extras";
import { redactHiddenArguments, viewerModeratesThesis } from "../access/visibility";
import { ArgumentCard, type CardContext, type CardRow } from "@/components/arguments/argument-card";
import { ArgumentBody } from "@/components/citations/argument-body";

type ThesisRef = { id: string; slug: string; status: "OPEN" | "LOCKED"; visibility: "VISIBLE" | "HIDDEN" };

/** What every card of a page shares, from what the page's loader already read. */
export function toCardContext({
  thesis,
  viewerId,
  sort,
  moderates,
  votes,
  citations,
}: { thesis: ThesisRef; viewerId: string | null | undefined; sort: SiblingSort } & Pick<CardContext, "moderates" | "votes" | "citations">): CardContext {
  return {
    thesisId: thesis.id,
    slug: thesis.slug,
    viewerId: viewerId ?? null,
    moderates,
    sort,
    // Votes and replies are accepted only on an open, visible thesis.
    open: thesis.status === "OPEN" && thesis.visibility === "VISIBLE",
    votes,
    citations,
  };
}

/** The context cards need for `rows`, for a server action that answers with rendered cards (not the page). */
export async function cardContextFor(
  thesis: ThesisRef & { authorId: string },
  viewer: CurrentUser | null,
  sort: SiblingSort,
  argumentIds: string[],
  moderates?: boolean,
): Promise<CardContext> {
  const [isModerator, extras] = await Promise.all([
    moderates ?? viewerModeratesThesis(viewer, { id: thesis.id, authorId: thesis.authorId }),
    loadCardExtras(argumentIds, viewer?.id),
  ]);
  return toCardContext({ thesis, viewerId: viewer?.id, sort, moderates: isModerator, ...extras });
}

export function renderCards(rows: CardRow[], ctx: CardContext) {
  return rows.map((row) => ({ id: row.id, node: <ArgumentCard node={row} ctx={ctx} /> }));
}

/** A just-posted argument's card, as its author sees it: what the composer puts at the top of its column. */
export async function renderNewCard(argumentId: string, viewer: CurrentUser) {
  const row = await db.argument.findUniqueOrThrow({
    where: { id: argumentId },
    select: { ...argumentCardSelect, thesis: { select: { id: true, slug: true, status: true, visibility: true, authorId: true } } },
  });
  const { thesis, ...card } = row;
  const ctx = await cardContextFor(thesis, viewer, "best", [card.id]);
  const [shown] = redactHiddenArguments([card], viewer, ctx.moderates);
  return <ArgumentCard node={shown!} ctx={ctx} />;
}

/** An argument's body after an edit, with its new footnotes (listed, so its author sees what the edit cites). */
export async function renderBody(argumentId: string) {
  const row = await db.argument.findUniqueOrThrow({ where: { id: argumentId }, select: { id: true, body: true } });
  const { citations } = await loadCardExtras([row.id], null);
  return (
    <ArgumentBody
      argumentId={row.id}
      body={row.body}
      citations={citations.get(row.id) ?? []}
      className="mt-2 text-[0.95rem] leading-relaxed"
    />
  );
}
