"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import Link from "next/link";

/**
 * What an action changes in one card, applied in place from the action's answer (the page is not re-sent): an
 * edit's new body, replies posted from the card.
 */
interface CardState {
  replaceBody: (body: ReactNode) => void;
  replyPosted: (permalink: string) => void;
}

const CardStateContext = createContext<CardState | null>(null);
const BodyContext = createContext<ReactNode | null>(null);
const RepliesContext = createContext<{ added: number; last: string | null }>({ added: 0, last: null });

export function CardStateProvider({ children }: { children: ReactNode }) {
  const [body, setBody] = useState<ReactNode | null>(null);
  const [replies, setReplies] = useState<{ added: number; last: string | null }>({ added: 0, last: null });
  const [state] = useState<CardState>(() => ({
    replaceBody: (next) => setBody(next),
    replyPosted: (permalink) => setReplies((r) => ({ added: r.added + 1, last: permalink })),
  }));
  return (
    <CardStateContext.Provider value={state}>
      <BodyContext.Provider value={body}>
        <RepliesContext.Provider value={replies}>{children}</RepliesContext.Provider>
      </BodyContext.Provider>
    </CardStateContext.Provider>
  );
}

export function useCardState(): CardState | null {
  return useContext(CardStateContext);
}

/** The server-rendered body, until an edit from this card answers with the new one. */
export function CardBody({ children }: { children: ReactNode }) {
  const replaced = useContext(BodyContext);
  return <>{replaced ?? children}</>;
}

/** "N replies", counting the ones posted from this card since the page loaded. */
export function ReplyCountLink({ href, count, context }: { href: string; count: number; context: string }) {
  const { added, last } = useContext(RepliesContext);
  const total = count + added;
  return (
    <>
      {total > 0 ? (
        <Link href={href} className="font-medium text-blue-700 hover:underline" data-testid="reply-count">
          {total} {total === 1 ? "reply" : "replies"}
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
