import Link from "next/link";
import { countDescendants, type TreeNode } from "@/lib/argument-tree";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ArgumentNodeRow } from "@/server/arguments/argument-select";
import { ArgumentActions } from "./argument-actions";
import { CollapsibleReplies } from "./collapsible-replies";
import { stanceClasses, stanceLabel } from "./stance";
import { ArgumentVotes, type VotingContext } from "@/components/votes/argument-votes";
import { ArgumentBody } from "@/components/citations/argument-body";
import type { CitationMap } from "@/server/citations/load-citations";
import { HiddenArgumentNotice } from "@/components/moderation/hidden-notice";
import { ArgumentModeration } from "@/components/moderation/argument-moderation";
import { withSiblingSort, type SiblingSort } from "@/lib/scoring/sort";

export interface TreeContext {
  thesisId: string;
  slug: string;
  viewerId: string | null;
  focusId?: string;
  /** Votes: the viewer's votes and DF-QuAD strengths, loaded once per page (components/votes). */
  voting?: VotingContext;
  /** Evidence: footnotes of every visible argument, loaded in one query per page (server/citations). */
  citations?: CitationMap;
  /** Moderation: whether the viewer moderates this thesis (owner, appointed or site moderator). */
  viewerModerates?: boolean;
  /** Sibling order the page shows (?sort=); links to other arguments' pages keep it. Default "best". */
  sort?: SiblingSort;
}

type Node = TreeNode<ArgumentNodeRow>;

export function argumentPermalink(slug: string, argumentId: string) {
  return `/t/${slug}/a/${argumentId}`;
}

/** A list of sibling arguments and, recursively, their replies. */
export function ArgumentList({ nodes, ctx, label }: { nodes: Node[]; ctx: TreeContext; label?: string }) {
  return (
    <ul className="space-y-3" aria-label={label}>
      {nodes.map((node) => (
        <ArgumentItem key={node.id} node={node} ctx={ctx} />
      ))}
    </ul>
  );
}

function ArgumentItem({ node, ctx }: { node: Node; ctx: TreeContext }) {
  const isReply = node.parentId !== null;
  const permalink = argumentPermalink(ctx.slug, node.id);
  // Links that open this argument's own page keep the reader's order; its history has no tree to sort.
  const sortedPermalink = withSiblingSort(permalink, ctx.sort ?? "best");
  const loginHref = `/login?callbackUrl=${encodeURIComponent(sortedPermalink)}`;
  const unloadedReplies = node.children.length === 0 && node.replyCount > 0;
  return (
    <li id={`arg-${node.id}`} data-testid="argument" data-depth={node.depth}>
      <article
        className={`argument-card rounded-md border-l-4 bg-white p-3 shadow-sm ${node.stance === "PRO" ? "border-pro" : "border-con"}`}
        data-focused={ctx.focusId === node.id ? "true" : undefined}
        aria-label={`${stanceLabel(node.stance, isReply)} argument by ${node.author.name}`}
      >
        <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
          <span className={`rounded border px-1.5 py-0.5 font-semibold ${stanceClasses(node.stance)}`}>{stanceLabel(node.stance, isReply)}</span>
          <Link href={`/u/${node.author.handle}`} className="font-medium text-slate-800 hover:underline">
            {node.author.name}
          </Link>
          <Link href={sortedPermalink} className="hover:underline" data-focus-target tabIndex={-1}>
            <RelativeTime date={node.createdAt} />
          </Link>
          {node.editedAt && (
            <Link href={`${permalink}/history`} className="italic hover:underline">
              edited <span className="sr-only">— view history</span>
            </Link>
          )}
        </header>
        <HiddenArgumentNotice node={node} slug={ctx.slug} />
        <ArgumentBody argumentId={node.id} body={node.body} citations={ctx.citations?.get(node.id)} className="mt-2 text-[0.95rem] leading-relaxed" />
        <ArgumentVotes node={node} viewerId={ctx.viewerId} voting={ctx.voting} loginHref={loginHref} />
        <ArgumentActions
          thesisId={ctx.thesisId}
          argumentId={node.id}
          body={node.body}
          permalink={sortedPermalink}
          canReply={ctx.viewerId !== null}
          canEdit={ctx.viewerId === node.author.id}
          loginHref={loginHref}
        />
        <ArgumentModeration
          argumentId={node.id}
          hidden={node.status === "HIDDEN"}
          duplicate={node.duplicateOfId !== null}
          canFlag={ctx.viewerId !== null && ctx.viewerId !== node.author.id}
          canModerate={ctx.viewerModerates === true}
        />
      </article>
      {node.children.length > 0 && (
        <div className="ml-3 mt-2 border-l border-slate-200 pl-3 sm:ml-5 sm:pl-4">
          <CollapsibleReplies count={countDescendants(node)}>
            <ArgumentList nodes={node.children} ctx={ctx} label={`Replies to ${node.author.name}`} />
          </CollapsibleReplies>
        </div>
      )}
      {unloadedReplies && (
        <Link href={sortedPermalink} className="ml-5 mt-1 inline-block text-sm font-medium text-blue-700 hover:underline">
          Continue this thread ({node.replyCount} {node.replyCount === 1 ? "reply" : "replies"}) →
        </Link>
      )}
    </li>
  );
}
