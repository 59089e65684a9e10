import Link from "next/link";
import { Markdown } from "@/components/ui/markdown";
import { RelativeTime } from "@/components/ui/relative-time";
import { markdownToText } from "@/lib/markdown";
import { FLAG_REASON_LABELS } from "@/lib/validation/moderation";
import type { ReviewQueueItem } from "@/server/moderation/list-review-queue";
import { canSuspend, canUndo, isGlobalModerator, queueActorRole, type GlobalRole } from "@/server/access/permissions";
import { ReviewActions, type ReviewOffer } from "./review-actions";
import { countOf } from "@/lib/plural";

const TYPE_LABELS = { ARGUMENT: "Argument", THESIS: "Thesis", SOURCE: "Source", QUOTE: "Quote", USER: "Member" } as const;

/** One review item: the content and its context, its flags, its history and the actions open to this moderator. */
export function ReviewItemCard({ item, viewer }: { item: ReviewQueueItem; viewer: { id: string; role: GlobalRole } }) {
  const author = item.argument?.author ?? item.thesis?.author ?? item.source?.addedBy ?? item.quote?.createdBy ?? null;
  const hidden =
    (item.argument?.status ?? item.thesis?.visibility ?? item.source?.visibility ?? item.quote?.visibility) === "HIDDEN";
  const thesis = item.argument?.thesis ?? (item.thesis ? { id: item.thesis.id, slug: item.thesis.slug, title: item.thesis.title, status: item.thesis.status } : null);
  const subject = author ? `${TYPE_LABELS[item.targetType]} by ${author.name}` : TYPE_LABELS[item.targetType];
  const offers = reviewOffers(item, viewer, { author, hidden, thesis });
  const fields: Record<string, string> = { reviewItemId: item.id, targetType: item.targetType, targetId: item.targetId };
  if (thesis) fields.thesisId = thesis.id;
  if (author) fields.userId = author.id;
  const headingId = `review-${item.id}`;
  return (
    <li>
      <article aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="review-item">
        <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h2 id={headingId} className="text-base font-semibold">
            {TYPE_LABELS[item.targetType]} · {countOf(item.flagCount, "flag")}
          </h2>
          <span className="rounded bg-slate-100 px-1.5 text-xs font-medium text-slate-700">{item.status.toLowerCase()}</span>
          {hidden && <span className="rounded bg-slate-700 px-1.5 text-xs font-medium text-white">hidden</span>}
          <span className="text-xs text-slate-600">
            first flagged <RelativeTime date={item.createdAt} />
          </span>
        </header>

        <section aria-label="Content" className="space-y-2 rounded-md bg-slate-50 p-3 text-sm">
          {thesis && (
            <p>
              In <Link href={`/t/${thesis.slug}`} className="font-medium text-blue-700 hover:underline">{thesis.title}</Link>
              {thesis.status === "LOCKED" && <span className="ml-2 rounded bg-slate-200 px-1 text-xs">locked</span>}
            </p>
          )}
          {item.argument?.parent && (
            <p className="border-l-2 border-slate-300 pl-2 text-slate-600">
              Replying to {item.argument.parent.author.name}: {markdownToText(item.argument.parent.body, 160)}
            </p>
          )}
          {item.argument && (
            <>
              <Markdown source={item.argument.body} className="text-slate-900" />
              <Link href={`/t/${item.argument.thesis.slug}/a/${item.argument.id}`} className="text-xs text-blue-700 hover:underline">
                Open in the debate
              </Link>
            </>
          )}
          {item.thesis && (
            <>
              <p className="font-semibold">{item.thesis.title}</p>
              {item.thesis.body && <Markdown source={item.thesis.body} />}
            </>
          )}
          {item.source && (
            <p>
              <span className="font-semibold">{item.source.title}</span> {item.source.publisher && `· ${item.source.publisher}`}{" "}
              {item.source.url && <span className="break-all text-slate-600">{item.source.url}</span>}
            </p>
          )}
          {item.quote && (
            <blockquote className="border-l-2 border-slate-400 pl-2 italic">
              “{item.quote.exact}” — {item.quote.source.title}
            </blockquote>
          )}
          {!item.argument && !item.thesis && !item.source && !item.quote && <p className="text-slate-600">The content no longer exists.</p>}
          {author && (
            <p className="text-xs text-slate-600">
              By <Link href={`/u/${author.handle}`} className="hover:underline">{author.name}</Link>
              {author.suspendedUntil && author.suspendedUntil > new Date() && ` · suspended until ${author.suspendedUntil.toUTCString()}`}
            </p>
          )}
        </section>

        <section aria-label="Flags">
          <h3 className="text-sm font-semibold">Flags</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {item.flags.map((flag) => (
              <li key={flag.id} data-testid="flag">
                <span className="font-medium">{FLAG_REASON_LABELS[flag.reason]}</span>
                {flag.details && <>: {flag.details}</>} <span className="text-slate-600">— {flag.reporter.name}, <RelativeTime date={flag.createdAt} /></span>
              </li>
            ))}
          </ul>
        </section>

        {item.history.length > 0 && (
          <section aria-label="History">
            <h3 className="text-sm font-semibold">History</h3>
            <ol className="mt-1 space-y-1 text-sm text-slate-700">
              {item.history.map((entry) => (
                <li key={entry.seq}>
                  #{entry.seq} {entry.action.toLowerCase().replace("_", " ")} by {entry.actor.name} ({entry.actorRole.toLowerCase().replace("_", " ")})
                  {entry.reason && <>: {entry.reason}</>} · <RelativeTime date={entry.createdAt} />
                </li>
              ))}
            </ol>
          </section>
        )}

        <ReviewActions
          subject={subject}
          fields={fields}
          offers={offers}
          duplicateSearch={item.argument ? { thesisId: item.argument.thesis.id, argumentId: item.argument.id, text: item.argument.body } : undefined}
        />
      </article>
    </li>
  );
}

/**
 * The acts this moderator may take on the item, as server/access/permissions.ts decides them: arguments belong to
 * their thesis's team, theses, sources and quotes to site moderators; nobody judges their own content; only site
 * moderators suspend, never an administrator; a restore needs a rank at least that of every hiding or duplicate
 * mark it would lift. Each comes with its undo (the inverse act) when that undo will pass the same rules.
 */
function reviewOffers(
  item: ReviewQueueItem,
  viewer: { id: string; role: GlobalRole },
  { author, hidden, thesis }: { author: { id: string; role: GlobalRole } | null; hidden: boolean; thesis: { id: string; status: string } | null },
): ReviewOffer[] {
  const siteModerator = isGlobalModerator(viewer);
  const ownContent = author?.id === viewer.id;
  const target = { targetType: item.targetType, targetId: item.targetId };
  const restore = { action: "RESTORE", ...target };
  // The acts a restore would lift: every hiding and duplicate mark since the last restore.
  const sinceRestore: string[] = [];
  for (const entry of item.history) {
    if (entry.action === "RESTORE") sinceRestore.length = 0;
    else if (entry.action === "HIDE" || entry.action === "MARK_DUPLICATE") sinceRestore.push(entry.actorRole);
  }
  const mayRestore = canUndo(queueActorRole(viewer), sinceRestore);
  const mayJudge = (item.targetType === "ARGUMENT" || siteModerator) && !ownContent;
  const duplicate = Boolean(item.argument?.duplicateOfId);
  const offers: ReviewOffer[] = [];
  if (item.status === "PENDING" && !ownContent) offers.push({ action: "DISMISS", label: "Dismiss flags", undo: null });
  if (mayJudge && !hidden) offers.push({ action: "HIDE", label: "Hide", undo: mayRestore && !duplicate ? restore : null });
  if (mayJudge && (hidden || duplicate) && mayRestore) offers.push({ action: "RESTORE", label: "Restore", undo: null });
  if (mayJudge && item.argument && !duplicate) offers.push({ action: "MARK_DUPLICATE", label: "Mark as duplicate", undo: mayRestore && !hidden ? restore : null });
  if (thesis) {
    offers.push(
      thesis.status === "LOCKED"
        ? { action: "UNLOCK", label: "Unlock thesis", undo: null }
        : { action: "LOCK", label: "Lock thesis", undo: { action: "UNLOCK", thesisId: thesis.id } },
    );
  }
  if (author && canSuspend(viewer, author)) offers.push({ action: "SUSPEND", label: "Suspend author", undo: { action: "UNSUSPEND", userId: author.id } });
  return offers;
}
