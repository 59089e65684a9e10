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
const EditedContext = createContext(false);
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
        <EditedContext.Provider value={body !== null}>
          <RepliesContext.Provider value={replies}>{children}</RepliesContext.Provider>
        </EditedContext.Provider>
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

/** The "edited" link to the history: shown when the argument was edited, including from this card just now. */
export function EditedLink({ href, edited, context }: { href: string; edited: boolean; context: string }) {
  const justEdited = useContext(EditedContext);
  if (!edited && !justEdited) return null;
  return (
    <Link href={href} className="italic underline decoration-dotted hover:decoration-solid">
      edited<span className="sr-only"> — view the history of {context}</span>
    </Link>
  );
}

/** "N replies", counting the ones posted from this card since the page loaded. */
export function ReplyCountLink({ href, count, context }: { href: string; count: number; context: string }) {
  const { added, last } = useContext(RepliesContext);
  // `count` grows when a refresh brings the server's new count: never count a reply posted here twice.
  const [baseline] = useState(count);
  const total = Math.max(count, baseline + added);
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
