"use client";

import { createContext, Fragment, useContext, useState, useTransition, type ReactNode } from "react";
import { loadArgumentPageAction, type ArgumentPageRequest } from "@/server/actions/argument-page-actions";
import { useLiveColumn } from "@/components/live/live-updates";

/**
 * Cards posted in each column (by slug, parent and side) and the count shown after them, kept for the life of the
 * tab: Back and Forward replay the router's cached copy of a page, rendered before the post.
 */
const memory = new Map<string, { posted: ListedCard[]; count: number }>();

const ColumnContext = createContext<((card: ReactNode, id: string) => void) | null>(null);

/** For a composer inside a column: shows the argument it just posted at the top, from the action's answer. */
export function usePrependToColumn() {
  return useContext(ColumnContext);
}

/**
 * A list of argument cards with "Show more": a plain link to the next page (`?pro=`/`?con=` cursor) that works
 * without JavaScript; with it, the next page's cards come from a server action and are appended in place.
 */
/** One card of a list, with its argument's id: the key that keeps a card's state when the list is re-rendered. */
export interface ListedCard {
  id: string;
  node: ReactNode;
}

export function PagedList({
  cards,
  label,
  request,
  nextCursor,
  nextHref,
  moreLabel,
  composer,
  heading,
}: {
  /** The server's page of cards. */
  cards: ListedCard[];
  /** The column's heading; its count includes what was posted here since the page loaded. */
  heading: { id: string; title: string; count: number; className: string };
  label: string;
  request: Omit<ArgumentPageRequest, "cursor">;
  nextCursor: string | null;
  nextHref: string | null;
  moreLabel: string;
  composer?: ReactNode;
}) {
  const key = `${request.slug}|${request.parentId ?? ""}|${request.stance}`;
  const [posted, setPosted] = useState<ListedCard[]>(() => memory.get(key)?.posted ?? []);
  const [postedCount, setPostedCount] = useState(() => memory.get(key)?.count ?? 0);
  const [pages, setPages] = useState<ListedCard[]>([]);
  const [cursor, setCursor] = useState(nextCursor);
  const [href, setHref] = useState(nextHref);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // Others' arguments the reader chose to see from the live banner, on top with the reader's own posts.
  const live = useLiveColumn(request.parentId, request.stance);
  const liveExtra = live.filter((card) => !cards.some((c) => c.id === card.id) && !posted.some((c) => c.id === card.id)).length;
  const prepend = (card: ReactNode, id: string) => {
    const next = { posted: [{ id, node: card }, ...posted], count: Math.max(heading.count, postedCount) + 1 };
    memory.set(key, next);
    setPosted(next.posted);
    setPostedCount(next.count);
  };

  const showMore = (event: React.MouseEvent<HTMLAnchorElement>) => {
    if (!cursor || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await loadArgumentPageAction({ ...request, cursor });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setPages((list) => [...list, ...result.cards]);
      setCursor(result.nextCursor);
      setHref(result.nextHref);
    });
  };

  return (
    <ColumnContext.Provider value={prepend}>
      <h2 id={heading.id} className={heading.className}>
        {heading.title} ({Math.max(heading.count, postedCount) + liveExtra})
      </h2>
      {composer}
      <ul className="space-y-3" aria-label={label}>
        {/* One keyed list: cards posted here stay on top (a refresh's copy of them is left out), so a card that
            is being edited or replied to keeps its state when the server's version of the list arrives. */}
        {[...posted, ...live, ...cards, ...pages]
          .filter((item, i, all) => all.findIndex((other) => other.id === item.id) === i)
          .map((item) => (
            <Fragment key={item.id}>{item.node}</Fragment>
          ))}
      </ul>
      {cursor && href && (
        <a href={href} onClick={showMore} className="mt-3 inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50" aria-busy={pending}>
          {pending ? "Loading…" : moreLabel}
        </a>
      )}
      <p role="alert" className={error ? "mt-2 rounded bg-red-50 px-2 py-1 text-sm text-red-800" : "sr-only"}>
        {error ?? ""}
      </p>
    </ColumnContext.Provider>
  );
}
