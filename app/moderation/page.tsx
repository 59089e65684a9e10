import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { canSeeModerationQueue, isGlobalModerator } from "@/server/access/permissions";
import { listReviewQueue, REVIEW_QUEUE_PAGE_SIZE } from "@/server/moderation/list-review-queue";
import {
  FLAG_REASONS,
  FLAG_REASON_LABELS,
  reviewQueueCursorSchema,
  reviewQueueFilterSchema,
  type ReviewQueueFilter,
} from "@/lib/validation/moderation";
import { inputClass } from "@/components/ui/field";
import { ReviewItemCard } from "@/components/moderation/review-item-card";
import { ModerationConfirmations } from "@/components/moderation/moderation-confirmation";
import { listQueueTheses } from "@/server/moderation/list-queue-theses";

export const metadata: Metadata = { title: "Review queue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A link to a page of the queue under the same filters: plain query parameters, so paging needs no JavaScript. */
function queueHref(filter: ReviewQueueFilter, cursor?: string | null) {
  const params = new URLSearchParams(Object.entries(filter).filter(([, value]) => value !== ""));
  if (cursor) params.set("cursor", cursor);
  return `/moderation?${params}`;
}

const pageLinkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-blue-700 hover:bg-slate-50";

/** The review queue: site moderators see every item, thesis owners and their moderators their theses' items. */
export default async function ModerationPage({ searchParams }: Props) {
  const viewer = await getCurrentUser();
  if (!viewer) redirect("/login?callbackUrl=/moderation");
  // Not a moderator of anything: a 403 that says who the queue is for (app/forbidden.tsx).
  if (!(await canSeeModerationQueue(viewer))) forbidden();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = reviewQueueFilterSchema.parse(raw);
  // A cut-short or edited page link shows the first page with a word of explanation, never an error page.
  const cursor = raw.cursor ? reviewQueueCursorSchema.safeParse(raw.cursor) : null;
  const [{ items, total, itemsBefore, nextCursor, prevCursor }, theses] = await Promise.all([
    listReviewQueue({ viewer, filter, cursor: cursor?.data }),
    listQueueTheses(viewer),
  ]);
  const siteModerator = isGlobalModerator(viewer);
  const select = (name: string, label: string, value: string, options: [string, string][]) => (
    <div className="space-y-1">
      <label htmlFor={`filter-${name}`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value} className={inputClass}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Review queue</h1>
        <nav aria-label="Moderation" className="flex gap-4 text-sm">
          {viewer.role === "ADMIN" && (
            <>
              <Link href="/moderation/log" className="text-blue-700 hover:underline">Full log</Link>
              <Link href="/moderation/roles" className="text-blue-700 hover:underline">Roles</Link>
              <Link href="/moderation/import" className="text-blue-700 hover:underline">Import a thesis</Link>
            </>
          )}
        </nav>
      </div>
      <p className="text-sm text-slate-600">
        {siteModerator ? "Every flagged item on the site" : "Flagged items in the theses you moderate"}, oldest first.
        Every action is recorded, with its reason, in the public moderation log.
      </p>
      <form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-5 sm:items-end" aria-label="Filter the queue">
        {select("status", "Status", filter.status, [
          ["PENDING", "Pending"],
          ["ACTIONED", "Actioned"],
          ["DISMISSED", "Dismissed"],
          ["ALL", "All"],
        ])}
        {select("targetType", "Content", filter.targetType, [
          ["ALL", "All"],
          ["ARGUMENT", "Arguments"],
          ["THESIS", "Theses"],
          ["SOURCE", "Sources"],
          ["QUOTE", "Quotes"],
        ])}
        {select("reason", "Reason", filter.reason, [["ALL", "All"], ...FLAG_REASONS.map((r): [string, string] => [r, FLAG_REASON_LABELS[r]])])}
        {select("thesis", "Thesis", filter.thesis, [
          ["", "All theses"],
          // A link from elsewhere may name a thesis this list does not hold: keep it selectable, by its address.
          ...(filter.thesis && !theses.some((t) => t.slug === filter.thesis) ? [[filter.thesis, filter.thesis] as [string, string]] : []),
          ...theses.map((t): [string, string] => [t.slug, t.title]),
        ])}
        <button type="submit" className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800">
          Apply filters
        </button>
      </form>
      <ModerationConfirmations>
        {cursor && !cursor.success && (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            That page link is not valid (it may have been cut short), so this is the first page.
          </p>
        )}
        {total === 0 ? (
          <p className="text-sm text-slate-600">Nothing to review here.</p>
        ) : items.length === 0 ? (
          <p className="text-sm text-slate-600">
            No more items after this point: they were resolved meanwhile.{" "}
            <Link href={queueHref(filter)} className="text-blue-700 hover:underline">Back to the first page</Link>
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-600" data-testid="queue-range">
              Showing {itemsBefore + 1}–{itemsBefore + items.length} of {total}
            </p>
            <ul className="space-y-4" aria-label="Review items">
              {items.map((item) => (
                <ReviewItemCard key={item.id} item={item} viewer={viewer} />
              ))}
            </ul>
          </>
        )}
      </ModerationConfirmations>
      {(prevCursor || nextCursor) && (
        <nav aria-label="Pages of the review queue" className="flex justify-between gap-4 text-sm">
          {prevCursor ? (
            // Less than a page back is the first page: link to it plainly rather than through a cursor.
            <Link href={queueHref(filter, itemsBefore > REVIEW_QUEUE_PAGE_SIZE ? prevCursor : null)} rel="prev" className={pageLinkClass}>
              <span aria-hidden="true">←</span> Previous page
            </Link>
          ) : (
            <span />
          )}
          {nextCursor && (
            <Link href={queueHref(filter, nextCursor)} rel="next" className={pageLinkClass}>
              Next page <span aria-hidden="true">→</span>
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
