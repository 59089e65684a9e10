"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { LIVE_EVENTS, LIVE_VOTES_EVENT, type LiveArgumentMessage, type LiveVotesMessage } from "@/lib/live/messages";
import { THESIS_STRENGTH_EVENT } from "@/lib/scoring/strength-words";
import { loadLiveCardsAction, type LiveCard } from "@/server/actions/live-actions";

/** What happened to an argument on the page since it was rendered. */
export type LiveChange = Pick<LiveArgumentMessage, "change" | "reason">;

interface LiveState {
  /** Cards the reader asked to see, for the column of (parent, stance) to show on top. */
  shown: LiveCard[];
  changes: Map<string, LiveChange>;
  /** Replies announced live, by parent argument: each card adds them to its reply count. */
  replies: Map<string, Set<string>>;
  /** A card on the page says it is there, so the stream does not announce it as new. */
  onPage: (argumentId: string) => () => void;
}

const LiveContext = createContext<LiveState | null>(null);

/** Cards shown live in one column: none outside a live page. */
export function useLiveColumn(parentId: string | null, stance: "PRO" | "CON"): LiveCard[] {
  const shown = useContext(LiveContext)?.shown;
  return (shown ?? []).filter((card) => card.parentId === parentId && card.stance === stance);
}

/** One card's live facts: a moderation act or an edit since the page was rendered, and replies posted since. */
export function useLiveArgument(argumentId: string): { change: LiveChange | null; newReplies: number } {
  const live = useContext(LiveContext);
  const onPage = live?.onPage;
  useEffect(() => onPage?.(argumentId), [onPage, argumentId]);
  return { change: live?.changes.get(argumentId) ?? null, newReplies: live?.replies.get(argumentId)?.size ?? 0 };
}

/**
 * Keeps an open thesis or focus page current through the thesis's Server-Sent Events stream: vote counts and
 * strengths change in place; new arguments in the columns on screen wait behind a polite "N new arguments — show"
 * (nothing moves under the reader); hidden, restored and edited arguments are marked on their cards. The stream
 * starts after `after`, the newest event when the page was read, and resumes after the last event it got.
 */
export function LiveUpdates({ slug, after, focusId, children }: { slug: string; after: string; focusId: string | null; children: ReactNode }) {
  const [pending, setPending] = useState<LiveArgumentMessage[]>([]);
  const [shown, setShown] = useState<LiveCard[]>([]);
  const [changes, setChanges] = useState<Map<string, LiveChange>>(() => new Map());
  const [replies, setReplies] = useState<Map<string, Set<string>>>(() => new Map());
  const [missed, setMissed] = useState(false);
  const [state, setState] = useState<"connecting" | "open">("connecting");
  const [error, setError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const [announcement, setAnnouncement] = useState("");
  // A refresh re-reads the page and its cursor: what was marked live is in the page now.
  const [seenAfter, setSeenAfter] = useState(after);
  if (seenAfter !== after) {
    setSeenAfter(after);
    setChanges(new Map());
    setReplies(new Map());
    setPending([]);
  }
  const onPageIds = useRef(new Map<string, number>());
  const [, setOnPageVersion] = useState(0);

  const onPage = useCallback((argumentId: string) => {
    const ids = onPageIds.current;
    ids.set(argumentId, (ids.get(argumentId) ?? 0) + 1);
    setOnPageVersion((v) => v + 1);
    return () => {
      const left = (ids.get(argumentId) ?? 1) - 1;
      if (left > 0) ids.set(argumentId, left);
      else ids.delete(argumentId);
    };
  }, []);

  useEffect(() => {
    let lastId = after;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      // A new EventSource starts from `after=`; the browser's own reconnects send Last-Event-ID instead.
      source = new EventSource(`/api/v1/theses/${encodeURIComponent(slug)}/events?after=${lastId}`);
      const track = (event: MessageEvent) => {
        if (event.lastEventId) lastId = event.lastEventId;
      };
      source.onopen = () => setState("open");
      source.addEventListener(LIVE_EVENTS.argument, (event) => {
        track(event);
        const message = JSON.parse(event.data) as LiveArgumentMessage;
        if (message.change === "created") {
          if (message.parentId === focusId) setPending((list) => (list.some((m) => m.id === message.id) ? list : [...list, message]));
          else if (message.parentId) {
            const parentId = message.parentId;
            setReplies((map) => new Map(map).set(parentId, new Set(map.get(parentId)).add(message.id)));
          }
        } else {
          setChanges((map) => new Map(map).set(message.id, { change: message.change, reason: message.reason }));
        }
      });
      source.addEventListener(LIVE_EVENTS.votes, (event) => {
        track(event);
        const message = JSON.parse(event.data) as LiveVotesMessage;
        window.dispatchEvent(new CustomEvent(LIVE_VOTES_EVENT, { detail: message }));
        window.dispatchEvent(new CustomEvent(THESIS_STRENGTH_EVENT, { detail: message.thesisStrength }));
      });
      source.addEventListener(LIVE_EVENTS.reset, (event) => {
        track(event);
        setMissed(true);
      });
      source.onerror = () => {
        setState("connecting");
        // The browser retries by itself unless the answer was refused (then the source is closed): start again.
        if (source?.readyState === EventSource.CLOSED) retry = setTimeout(connect, 5_000);
      };
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [slug, after, focusId]);

  // Arguments already on the page (the reader's own posts, a refreshed list) are not news.
  const fresh = pending.filter((m) => !onPageIds.current.has(m.id) && !shown.some((card) => card.id === m.id));
  const count = fresh.length;
  const noun = count === 1 ? "new argument" : "new arguments";

  useEffect(() => {
    if (count > 0) setAnnouncement(`${count} ${noun}.`);
  }, [count, noun]);

  const show = () => {
    setError(null);
    const ids = fresh.map((m) => m.id);
    startLoading(async () => {
      const result = await loadLiveCardsAction({ slug, ids });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setShown((list) => [...result.cards, ...list]);
      setPending((list) => list.filter((m) => !ids.includes(m.id)));
      setAnnouncement(`${result.cards.length} ${result.cards.length === 1 ? "argument" : "arguments"} added at the top of ${result.cards.length === 1 ? "its column" : "their columns"}.`);
    });
  };

  return (
    <LiveContext.Provider value={{ shown, changes, replies, onPage }}>
      {/* Fixed, so that it never pushes the text the reader is on; first in the tab order of the debate. */}
      <div className="pointer-events-none fixed inset-x-0 bottom-4 z-20 flex justify-center px-4" data-testid="live-updates" data-live-state={state}>
        <div role="status" aria-live="polite" className="pointer-events-auto flex max-w-full flex-wrap items-center justify-center gap-2">
          <span className="sr-only">{announcement}</span>
          {count > 0 && (
            <button
              type="button"
              onClick={show}
              disabled={loading}
              className="rounded-full bg-blue-700 px-4 py-2 text-sm font-medium text-white shadow-lg hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
            >
              {loading ? "Loading…" : `${count} ${noun} — show`}
            </button>
          )}
          {missed && (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 shadow">
              This page was away too long to catch up.{" "}
              <a href="" className="underline">
                Reload it
              </a>{" "}
              to see the latest.
            </p>
          )}
          {error && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 shadow">{error}</p>}
        </div>
      </div>
      {children}
    </LiveContext.Provider>
  );
}
