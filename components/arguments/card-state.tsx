"use client";

import { createContext, useContext, useState, useTransition, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLiveArgument, type LiveChange } from "@/components/live/live-updates";
import { countOf } from "@/lib/plural";

/**
 * What an action changed in one card, applied in place from the action's answer (the page is not re-sent): an
 * edit's new body, replies posted from the card. It is also kept in memory for the life of the tab, because Back
 * and Forward replay the router's cached copy of a page, rendered before the change.
 */
interface CardMemory {
  /** The edited body, over the revision the page was rendered with. */
  body?: { overRevision: string | null; node: ReactNode };
  /** The reply count after the last reply posted here, and that reply's address. */
  replies?: { count: number; last: string };
}

const memory = new Map<string, CardMemory>();

interface CardState {
  replaceBody: (body: ReactNode) => void;
  replyPosted: (permalink: string) => void;
}

const CardStateContext = createContext<CardState | null>(null);
const BodyContext = createContext<ReactNode | null>(null);
const RepliesContext = createContext<{ count: number; last: string | null }>({ count: 0, last: null });
const LiveChangeContext = createContext<LiveChange | null>(null);

export function CardStateProvider({
  argumentId,
  revisionId,
  replyCount,
  children,
}: {
  argumentId: string;
  /** The revision the server rendered: a remembered edit applies only over that one (a fresh page has the edit). */
  revisionId: string | null;
  replyCount: number;
  children: ReactNode;
}) {
  const remembered = memory.get(argumentId) ?? {};
  const [body, setBody] = useState<ReactNode | null>(remembered.body?.overRevision === revisionId ? remembered.body.node : null);
  const [replies, setReplies] = useState(remembered.replies ?? null);
  const [state] = useState<CardState>(() => ({
    replaceBody: (node) => {
      memory.set(argumentId, { ...memory.get(argumentId), body: { overRevision: revisionId, node } });
      setBody(node);
    },
    replyPosted: (permalink) =>
      setReplies((current) => {
        const next = { count: Math.max(replyCount, current?.count ?? 0) + 1, last: permalink };
        memory.set(argumentId, { ...memory.get(argumentId), replies: next });
        return next;
      }),
  }));
  const live = useLiveArgument(argumentId);
  // The server's count wins once it has caught up (or others replied too, as the live stream tells).
  const count = Math.max(replyCount + live.newReplies, replies?.count ?? 0);
  return (
    <CardStateContext.Provider value={state}>
      <BodyContext.Provider value={body}>
        <LiveChangeContext.Provider value={live.change}>
          <RepliesContext.Provider value={{ count, last: replies?.last ?? null }}>{children}</RepliesContext.Provider>
        </LiveChangeContext.Provider>
      </BodyContext.Provider>
    </CardStateContext.Provider>
  );
}

export function useCardState(): CardState | null {
  return useContext(CardStateContext);
}

/**
 * The server-rendered body, until an edit from this card answers with the new one. A live update marks it: hidden
 * by moderators (the text goes at once), or edited or restored elsewhere (the reader asks for the new version).
 */
export function CardBody({ children }: { children: ReactNode }) {
  const replaced = useContext(BodyContext);
  const live = useContext(LiveChangeContext);
  if (live?.change === "hidden") {
    return (
      <p data-testid="live-hidden-notice" className="mt-2 rounded border border-slate-300 bg-slate-100 px-2 py-1.5 text-sm text-slate-700">
        <span className="font-semibold">Hidden by moderators just now</span>
        {live.reason ? `: ${live.reason}` : "."}
      </p>
    );
  }
  return (
    <>
      {replaced ?? children}
      {live && !replaced && <LiveChangeNotice change={live.change} />}
    </>
  );
}

function LiveChangeNotice({ change }: { change: LiveChange["change"] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <p className="mt-2 text-sm text-slate-700" data-testid="live-change-notice">
      {change === "restored" ? "Restored by moderators since you opened this page." : "Edited since you opened this page."}{" "}
      <button type="button" className="font-medium text-blue-700 underline" onClick={() => startTransition(() => router.refresh())} disabled={pending}>
        {pending ? "Loading…" : "Show the latest version"}
      </button>
    </p>
  );
}

/** The "edited" link to the history: shown when the argument was edited, including from this card just now. */
export function EditedLink({ href, edited, context }: { href: string; edited: boolean; context: string }) {
  const justEdited = useContext(BodyContext) !== null;
  if (!edited && !justEdited) return null;
  return (
    <Link href={href} className="italic underline decoration-dotted hover:decoration-solid">
      edited<span className="sr-only"> — view the history of {context}</span>
    </Link>
  );
}

/** "N replies", counting the ones posted from this card. */
export function ReplyCountLink({ href, context }: { href: string; context: string }) {
  const { count, last } = useContext(RepliesContext);
  return (
    <>
      {count > 0 ? (
        <Link href={href} className="font-medium text-blue-700 hover:underline" data-testid="reply-count">
          {countOf(count, "reply", "replies")}
          <span className="sr-only"> to {context}</span>
        </Link>
      ) : (
        <span data-testid="reply-count">no replies</span>
      )}
      {last && (
        <span role="status">
          Reply posted.{" "}
          <Link href={last} className="text-blue-700 underline">
            View it<span className="sr-only"> (your reply to {context})</span>
          </Link>
        </span>
      )}
    </>
  );
}
