import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/server/auth/current-user";
import { searchContent, type SearchResult } from "@/server/search/search-content";
import { AppError } from "@/server/errors";
import { SEARCH_KINDS, SEARCH_LIMITS, searchParamsSchema, type SearchParams } from "@/lib/validation/search";
import { SearchResults } from "@/components/search/search-results";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Search" };

const KIND_OPTIONS: Record<(typeof SEARCH_KINDS)[number], string> = { thesis: "Theses", argument: "Arguments", source: "Sources", quote: "Quotes" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function searchHref(params: Partial<Record<"q" | "kind" | "thesis" | "topic" | "author" | "from" | "to" | "sort" | "cursor", string | number | undefined>>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "" && value !== 0) query.set(key, String(value));
  return `/search?${query}`;
}

/** /search?q=: full-text search with filters; bad queries get a message in place of results, never an error page. */
export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  const input = {
    q: first(raw.q),
    kind: first(raw.kind),
    thesis: first(raw.thesis),
    topic: first(raw.topic),
    author: first(raw.author),
    from: first(raw.from),
    to: first(raw.to),
    sort: first(raw.sort),
    cursor: first(raw.cursor),
  };
  const asked = input.q !== undefined;
  const parsed = searchParamsSchema.safeParse({ ...input, q: input.q ?? "" });

  let params: SearchParams | null = null;
  let result: SearchResult | null = null;
  let problem: string | null = null;
  if (!parsed.success) {
    const { fieldErrors, formErrors } = parsed.error.flatten();
    problem = Object.values(fieldErrors).flat()[0] ?? formErrors[0] ?? "That search is not valid.";
  } else {
    params = parsed.data;
    try {
      result = await searchContent({ params, viewer: await getCurrentUser() });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem = error.message;
    }
  }
  const q = input.q ?? "";
  const filtered = Boolean(params?.kind || params?.thesis || params?.topic || params?.author || params?.from || params?.to);

  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <h1 className="text-2xl font-bold">Search</h1>
      <form action="/search" role="search" aria-label="Search Agora" className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <label htmlFor="search-q" className="block text-sm font-medium">
            Search theses, arguments, sources and quotes
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={SEARCH_LIMITS.queryMax + 50}
            className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
            aria-describedby="search-help"
          />
        </div>
        <div>
          <label htmlFor="search-kind" className="block text-sm font-medium">
            Show
          </label>
          <select id="search-kind" name="kind" defaultValue={params?.kind ?? ""} className="mt-1 rounded-md border border-slate-400 px-2 py-2">
            <option value="">Everything</option>
            {SEARCH_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_OPTIONS[kind]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="search-sort" className="block text-sm font-medium">
            Order
          </label>
          <select id="search-sort" name="sort" defaultValue={params?.sort ?? "best"} className="mt-1 rounded-md border border-slate-400 px-2 py-2">
            <option value="best">Best match</option>
            <option value="newest">Newest</option>
          </select>
        </div>
        <div>
          <label htmlFor="search-topic" className="block text-sm font-medium">
            Topic
          </label>
          <input id="search-topic" name="topic" defaultValue={input.topic ?? ""} placeholder="topic-address" className="mt-1 w-36 rounded-md border border-slate-400 px-2 py-2" />
        </div>
        <div>
          <label htmlFor="search-author" className="block text-sm font-medium">
            By (handle)
          </label>
          <input id="search-author" name="author" defaultValue={input.author ?? ""} className="mt-1 w-36 rounded-md border border-slate-400 px-2 py-2" />
        </div>
        <div>
          <label htmlFor="search-from" className="block text-sm font-medium">
            From
          </label>
          <input id="search-from" name="from" type="date" defaultValue={input.from ?? ""} className="mt-1 rounded-md border border-slate-400 px-2 py-2" />
        </div>
        <div>
          <label htmlFor="search-to" className="block text-sm font-medium">
            To
          </label>
          <input id="search-to" name="to" type="date" defaultValue={input.to ?? ""} className="mt-1 rounded-md border border-slate-400 px-2 py-2" />
        </div>
        {params?.thesis && <input type="hidden" name="thesis" value={params.thesis} />}
        <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">
          Search
        </button>
        <p id="search-help" className="w-full text-xs text-slate-600">
          Words are matched in any form (“sanction” finds “sanctions”). Use “quotes” for a phrase, OR for either word, and -word to leave a word out.
        </p>
      </form>

      {params?.thesis && (
        <p className="text-sm">
          Only in the thesis <code>{params.thesis}</code>.{" "}
          <Link href={searchHref({ ...params, thesis: undefined, cursor: undefined })} className="text-blue-700 underline">
            Search everywhere
          </Link>
        </p>
      )}

      {asked && problem && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="search-problem">
          {problem}
        </p>
      )}

      {result && params && (
        <section aria-label="Results" className="space-y-4">
          {result.hits.length === 0 ? (
            <p role="status" className="rounded-md bg-slate-100 p-3 text-sm" data-testid="search-empty">
              Nothing matches “{params.q}”{params.cursor > 0 ? " on this page" : ""}.{" "}
              {filtered ? (
                <>
                  Try{" "}
                  <Link href={searchHref({ q: params.q, sort: params.sort })} className="text-blue-700 underline">
                    removing the filters
                  </Link>{" "}
                  or fewer words.
                </>
              ) : (
                "Try fewer or different words."
              )}
            </p>
          ) : (
            <SearchResults hits={result.hits} />
          )}
          <nav aria-label="Result pages" className="flex justify-between text-sm">
            {params.cursor > 0 ? (
              <Link
                href={searchHref({ ...params, cursor: params.cursor - SEARCH_LIMITS.pageSize })}
                className="text-blue-700 underline"
              >
                Previous results
              </Link>
            ) : (
              <span />
            )}
            {result.nextCursor && (
              <Link href={searchHref({ ...params, cursor: result.nextCursor })} className="text-blue-700 underline">
                More results
              </Link>
            )}
          </nav>
        </section>
      )}
    </div>
  );
}
