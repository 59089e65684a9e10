import Link from "next/link";
import type { ReactNode } from "react";
import type { ThesisSummary } from "@/server/theses/list-theses";
import { THESIS_SORTS, THESIS_SORT_LABELS, thesisListHref, type ThesisSort } from "@/lib/validation/thesis-list";
import { PageNotice } from "@/components/arguments/page-notice";
import { ThesisList } from "./thesis-list";

/**
 * A thesis list with its sort tabs and "Next page" (a plain link carrying the keyset cursor, so it works without
 * JavaScript), shared by the home page (`base` "/", optional `topic` filter) and the topic pages.
 */
export function ThesisListPage({
  base,
  topic = null,
  sort,
  theses,
  nextCursor,
  paged,
  notice,
  filter,
  empty,
}: {
  base: string;
  topic?: string | null;
  sort: ThesisSort;
  theses: ThesisSummary[];
  nextCursor: string | null;
  /** This is a later page (a cursor was given): offer the way back to the first. */
  paged: boolean;
  notice?: string | null;
  filter?: ReactNode;
  empty?: string;
}) {
  return (
    <div className="space-y-4">
      {notice && <PageNotice>{notice}</PageNotice>}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <nav aria-label="Sort theses" className="flex flex-wrap gap-2">
          {THESIS_SORTS.map((option) => (
            <Link
              key={option}
              href={thesisListHref(base, { sort: option, topic })}
              aria-current={option === sort ? "page" : undefined}
              className="rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:border-blue-700 aria-[current=page]:bg-blue-700 aria-[current=page]:text-white"
            >
              {THESIS_SORT_LABELS[option]}
            </Link>
          ))}
        </nav>
        {filter}
      </div>
      <ThesisList theses={theses} empty={empty} />
      {(nextCursor || paged) && (
        <nav aria-label="More theses" className="flex flex-wrap gap-4 text-sm">
          {paged && (
            <Link href={thesisListHref(base, { sort, topic })} className="text-blue-700 underline">
              First page
            </Link>
          )}
          {nextCursor && (
            <Link href={thesisListHref(base, { sort, topic, cursor: nextCursor })} className="text-blue-700 underline" rel="next">
              Next page
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
