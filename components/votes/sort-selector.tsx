import Link from "next/link";
import { SIBLING_SORTS, SIBLING_SORT_LABELS, withSiblingSort, type SiblingSort } from "@/lib/scoring/sort";

/**
 * The sibling order of the arguments on a page (thesis page, argument permalink): plain links (no script needed),
 * the order is applied on the server. `basePath` is the page's URL without a query string.
 */
export function SortSelector({ basePath, current }: { basePath: string; current: SiblingSort }) {
  return (
    <nav aria-label="Sort arguments" className="flex flex-wrap items-center gap-1 text-sm" data-testid="sort-selector">
      <span className="text-slate-600">Sort:</span>
      {SIBLING_SORTS.map((sort) => (
        <Link
          key={sort}
          href={withSiblingSort(basePath, sort)}
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
