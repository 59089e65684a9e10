import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { canSeeModerationQueue, isGlobalModerator } from "@/server/moderation/permissions";
import { listReviewQueue } from "@/server/moderation/list-review-queue";
import { FLAG_REASONS, FLAG_REASON_LABELS, reviewQueueFilterSchema } from "@/lib/validation/moderation";
import { inputClass } from "@/components/ui/field";
import { ReviewItemCard } from "@/components/moderation/review-item-card";

export const metadata: Metadata = { title: "Review queue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The review queue: site moderators see every item, thesis owners and their moderators their theses' items. */
export default async function ModerationPage({ searchParams }: Props) {
  const viewer = await getCurrentUser();
  if (!viewer) redirect("/login?callbackUrl=/moderation");
  // Not a moderator of anything: as far as this member is concerned, there is no such page.
  if (!(await canSeeModerationQueue(viewer))) notFound();
  const raw = await searchParams;
  const filter = reviewQueueFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const items = await listReviewQueue({ viewer, filter });
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
            </>
          )}
        </nav>
      </div>
      <p className="text-sm text-slate-600">
        {siteModerator ? "Every flagged item on the site" : "Flagged items in the theses you moderate"}, oldest first, then
        most flagged. Every action is recorded, with its reason, in the public moderation log.
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
        <div className="space-y-1">
          <label htmlFor="filter-thesis" className="block text-sm font-medium text-slate-800">
            Thesis (address)
          </label>
          <input id="filter-thesis" name="thesis" defaultValue={filter.thesis} className={inputClass} placeholder="slug" />
        </div>
        <button type="submit" className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800">
          Apply filters
        </button>
      </form>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing to review here.</p>
      ) : (
        <ul className="space-y-4" aria-label="Review items">
          {items.map((item) => (
            <ReviewItemCard key={item.id} item={item} siteModerator={siteModerator} viewerId={viewer.id} />
          ))}
        </ul>
      )}
    </div>
  );
}
