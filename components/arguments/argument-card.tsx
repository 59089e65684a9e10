import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ArgumentCardRow } from "@/server/arguments/argument-select";
import type { CitationMap } from "@/server/citations/load-citations";
import type { ViewerVote } from "@/server/votes/get-viewer-votes";
import { markdownToText, truncateText } from "@/lib/markdown";
import { debateHref } from "@/lib/debate-url";
import type { SiblingSort } from "@/lib/scoring/sort";
import { ArgumentBody } from "@/components/citations/argument-body";
import { HiddenArgumentNotice } from "@/components/moderation/hidden-notice";
import { ArgumentModeration } from "@/components/moderation/argument-moderation";
import { ArgumentVotes } from "@/components/votes/argument-votes";
import { ArgumentActions } from "./argument-actions";
import { CardBody, CardStateProvider, EditedLink, ReplyCountLink } from "./card-state";
import { OpenOnClick } from "./open-on-click";
import { stanceClasses, stanceLabel } from "./stance";
import { countOf } from "@/lib/plural";

/** What every card on a page shares: who is looking, in which order, and the page's votes and footnotes. */
export interface CardContext {
  thesisId: string;
  slug: string;
  viewerId: string | null;
  moderates: boolean;
  sort: SiblingSort;
  /** Votes and replies are accepted (the thesis is open and visible). */
  open: boolean;
  votes: Record<string, ViewerVote>;
  citations: CitationMap;
}

export type CardRow = ArgumentCardRow & { bodyRedacted?: boolean };

/** Plain-text length past which a compact card shows the opening only, the rest behind "Read more". */
const COMPACT_TEXT = 320;

export function argumentPermalink(slug: string, argumentId: string) {
  return `/t/${slug}/a/${argumentId}`;
}

/**
 * One argument. "compact" (the lists of the debate view): the opening of the text, author, votes, strength, the
 * number of replies and citations, and a link that makes it the focus. "focus": the argument in full with its
 * footnotes, the top of its own page.
 */
export function ArgumentCard({ node, ctx, variant = "compact" }: { node: CardRow; ctx: CardContext; variant?: "compact" | "focus" }) {
  const isReply = node.parentId !== null;
  const focusHref = debateHref(ctx.slug, { argumentId: node.id, sort: ctx.sort });
  const permalink = argumentPermalink(ctx.slug, node.id);
  const loginHref = `/login?callbackUrl=${encodeURIComponent(focusHref)}`;
  const citations = ctx.citations.get(node.id) ?? [];
  const text = node.bodyRedacted ? "" : markdownToText(node.body, COMPACT_TEXT + 1);
  const long = variant === "compact" && text.length > COMPACT_TEXT;
  // Distinct accessible names for each card's links: the opening words tell cards by one author apart.
  const who = node.bodyRedacted ? `the hidden argument by ${node.author.name}` : `“${truncateText(text, 48)}” by ${node.author.name}`;
  const compact = variant === "compact";
  const card = (
    <article
      className={`argument-card min-w-0 rounded-md border-l-4 bg-white p-3 shadow-sm ${node.stance === "PRO" ? "border-pro" : "border-con"}`}
      data-focused={variant === "focus" ? "true" : undefined}
      aria-label={`${stanceLabel(node.stance, isReply)} argument by ${node.author.name}`}
    >
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
        <span className={`rounded border px-1.5 py-0.5 font-semibold ${stanceClasses(node.stance)}`}>{stanceLabel(node.stance, isReply)}</span>
        <Link href={`/u/${node.author.handle}`} className="font-medium text-slate-800 hover:underline">
          {node.author.name}
        </Link>
        <Link href={focusHref} className="hover:underline" tabIndex={-1}>
          <RelativeTime date={node.createdAt} />
        </Link>
        <EditedLink href={`${permalink}/history`} edited={node.editedAt !== null} context={who} />
      </header>
      <HiddenArgumentNotice node={node} slug={ctx.slug} />
      <CardBody>
        {long ? (
          // The opening only, as plain text: the rest (its formatting and footnotes) is one "Read more" away, and a
          // page of cards stays the same size whatever the length of the arguments on it.
          <p className="prose-argument mt-2 text-[0.95rem] leading-relaxed" data-testid="card-opening">
            {text.slice(0, COMPACT_TEXT - 1).trimEnd()}…
          </p>
        ) : (
          <ArgumentBody
            argumentId={node.id}
            body={node.body}
            citations={citations}
            footnotes={!compact}
            footnoteBase={compact ? permalink : undefined}
            className="mt-2 text-[0.95rem] leading-relaxed"
          />
        )}
      </CardBody>
      {long && (
        <Link href={focusHref} className="mt-1 inline-block text-sm font-medium text-blue-700 hover:underline" data-testid="read-more">
          Read more<span className="sr-only"> of {who}</span>
        </Link>
      )}
      <ArgumentVotes node={node} viewerId={ctx.viewerId} vote={ctx.votes[node.id]} open={ctx.open} loginHref={loginHref} />
      {compact && (
        <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
          <ReplyCountLink href={focusHref} context={who} />
          {citations.length > 0 && (
            <span data-testid="citation-count">
              {countOf(citations.length, "citation")}
            </span>
          )}
        </p>
      )}
      <ArgumentActions
        thesisId={ctx.thesisId}
        argumentId={node.id}
        // The text goes to the browser a second time only for its author's edit form.
        body={ctx.viewerId === node.author.id ? node.body : ""}
        permalink={focusHref}
        canReply={ctx.open && ctx.viewerId !== null && compact}
        showReply={compact}
        canEdit={ctx.viewerId === node.author.id && ctx.open}
        loginHref={loginHref}
        context={who}
      />
      <ArgumentModeration
        argumentId={node.id}
        hidden={node.status === "HIDDEN"}
        duplicate={node.duplicateOfId !== null}
        canFlag={ctx.viewerId !== null && ctx.viewerId !== node.author.id}
        canModerate={ctx.moderates}
        duplicateSearch={ctx.moderates ? { thesisId: ctx.thesisId, text: node.body } : undefined}
      />
    </article>
  );
  if (!compact) {
    return (
      <div id={`arg-${node.id}`} data-testid="argument" data-depth={node.depth}>
        <CardStateProvider argumentId={node.id} revisionId={node.currentRevisionId} replyCount={node.replyCount}>
          {card}
        </CardStateProvider>
      </div>
    );
  }
  return (
    <li id={`arg-${node.id}`} data-testid="argument" data-depth={node.depth}>
      <CardStateProvider argumentId={node.id} revisionId={node.currentRevisionId} replyCount={node.replyCount}>
        <OpenOnClick href={focusHref}>{card}</OpenOnClick>
      </CardStateProvider>
    </li>
  );
}
