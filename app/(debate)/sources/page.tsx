import type { Metadata } from "next";
import Link from "next/link";
import { listSources } from "@/server/sources/list-sources";
import { sourceIndexParamsSchema, type SourceIndexParams, type SourceSort } from "@/lib/validation/source";
import { formatSourceDate } from "@/components/citations/format";
import { inputClass } from "@/components/ui/field";
import { countOf, pluralWord } from "@/lib/plural";

export const metadata: Metadata = { title: "Sources" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_LABELS: Record<SourceSort, string> = { cited: "Most cited", newest: "Newest" };

/** Plain query parameters, so searching, sorting and paging all work without JavaScript. */
function indexHref({ q, sort, page }: SourceIndexParams) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (sort !== "cited") params.set("sort", sort);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/sources?${query}` : "/sources";
}

/** Where the source lives on the web, short enough for a list line. */
function siteOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return null;
  }
}

const pageLinkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-blue-700 hover:bg-slate-50";

/** Every visible source, searchable by title, publisher or address, most cited or newest first. */
export default async function SourcesIndexPage({ searchParams }: Props) {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const params = sourceIndexParamsSchema.parse(raw);
  const { items, total, page, pageSize, pageCount } = await listSources({ query: params.q, sort: params.sort, page: params.page });
  const first = (page - 1) * pageSize + 1;
  const pastTheEnd = items.length === 0 && total > 0;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Sources</h1>
        <Link href="/sources/new" className="text-sm font-medium text-blue-700 underline">
          Add a source
        </Link>
      </div>
      <form action="/sources" method="get" role="search" aria-label="Sources" className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-56 space-y-1">
          <label htmlFor="sources-q" className="block text-sm font-medium text-slate-800">
            Search sources
          </label>
          <input
            id="sources-q"
            name="q"
            type="search"
            defaultValue={params.q}
            maxLength={200}
            placeholder="Title, publisher or address"
            className={inputClass}
          />
        </div>
        {params.sort !== "cited" && <input type="hidden" name="sort" value={params.sort} />}
        <button type="submit" className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
          Search
        </button>
      </form>
      <nav aria-label="Order of sources" className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-700">Order:</span>
        {(Object.keys(SORT_LABELS) as SourceSort[]).map((sort) =>
          sort === params.sort ? (
            <span key={sort} aria-current="page" className="rounded-md bg-slate-800 px-2.5 py-1 font-medium text-white">
              {SORT_LABELS[sort]}
            </span>
          ) : (
            <Link key={sort} href={indexHref({ ...params, sort, page: 1 })} className="rounded-md border border-slate-300 px-2.5 py-1 text-blue-700 hover:bg-slate-50">
              {SORT_LABELS[sort]}
            </Link>
          ),
        )}
      </nav>

      <p role="status" className="break-words text-sm text-slate-700" data-testid="sources-summary">
        {total === 0
          ? params.q
            ? `No source matches “${params.q}”.`
            : "No sources yet."
          : pastTheEnd
            ? `There is no page ${page}: ${total} ${pluralWord(total, "source matches", "sources match")}.`
            : `Showing ${first}–${first + items.length - 1} of ${countOf(total, "source")}${params.q ? ` matching “${params.q}”` : ""}.`}
      </p>
      {pastTheEnd && (
        <Link href={indexHref({ ...params, page: 1 })} className={pageLinkClass}>
          First page
        </Link>
      )}

      {items.length > 0 && (
        <ol className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white" start={first} aria-label="Sources">
          {items.map((s) => {
            const site = siteOf(s.canonicalUrl ?? s.url);
            const published = formatSourceDate(s.publishedAt);
            return (
              <li key={s.id} className="space-y-1 p-3" data-testid="source-item">
                <Link href={`/sources/${s.id}`} className="break-words font-semibold text-blue-800 underline-offset-2 hover:underline">
                  {s.title}
                </Link>
                <p className="break-words text-sm text-slate-700">
                  {[s.publisher, site, published].filter(Boolean).join(" · ")}
                  {s.captureMethod === "PASTED" && <span className="text-slate-600">{s.publisher || site || published ? " · " : ""}text supplied by a member</span>}
                </p>
                <p className="text-xs text-slate-600">
                  <span data-testid="cited-by-count">
                    Cited by {countOf(s.citedBy, "argument")}
                  </span>{" "}
                  · {countOf(s.quoteCount, "quote")} · added {formatSourceDate(s.createdAt)}
                </p>
              </li>
            );
          })}
        </ol>
      )}

      {pageCount > 1 && !pastTheEnd && (
        <nav aria-label="Pages of sources" className="flex flex-wrap items-center gap-3 text-sm">
          {page > 1 && (
            <Link href={indexHref({ ...params, page: page - 1 })} rel="prev" className={pageLinkClass}>
              <span aria-hidden="true">←</span> Previous page
            </Link>
          )}
          <span className="text-slate-700">
            Page {page} of {pageCount}
          </span>
          {page < pageCount && (
            <Link href={indexHref({ ...params, page: page + 1 })} rel="next" className={pageLinkClass}>
              Next page <span aria-hidden="true">→</span>
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
