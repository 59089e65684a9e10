import Link from "next/link";
import { SIBLING_SORTS, SIBLING_SORT_LABELS, type SiblingSort } from "@/lib/scoring/sort";

/** Plain links (no script needed): the order is applied on the server. */
export function SortSelector({ basePath, current }: { basePath: string; current: SiblingSort }) {
  return (
    <nav aria-label="Sort arguments" className="flex flex-wrap items-center gap-1 text-sm" data-testid="sort-selector">
      <span className="text-slate-600">Sort:</span>
      {SIBLING_SORTS.map((sort) => (
        <Link
          key={sort}
          href={sort === "best" ? basePath : `${basePath}?sort=${sort}`}
          aria-current={sort === current ? "true" : undefined}
          className={`rounded-md px-2 py-0.5 ${sort === current ? "bg-slate-800 font-medium text-white" : "text-slate-700 hover:bg-slate-100"}`}
          scroll={false}
        >
          {SIBLING_SORT_LABELS[sort]}
        </Link>
      ))}
    </nav>
  );
}
