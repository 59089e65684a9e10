import Link from "next/link";
import type { SearchHit } from "@/server/search/search-content";
import type { SnippetPart } from "@/lib/search/snippet";
import { RelativeTime } from "@/components/ui/relative-time";

const KIND_LABEL: Record<SearchHit["kind"], string> = { thesis: "Thesis", argument: "Argument", source: "Source", quote: "Quote" };

/** Matched words as <mark>, everything else as text: React escapes it, so no user markup can get through. */
export function Highlighted({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.match ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

function context(hit: SearchHit): string | null {
  if (hit.kind === "argument" && hit.thesis) return `in “${hit.thesis.title}”`;
  if (hit.kind === "quote" && hit.source) return `from “${hit.source.title}”`;
  return null;
}

export function SearchResults({ hits }: { hits: SearchHit[] }) {
  return (
    <ol className="space-y-3" data-testid="search-results">
      {hits.map((hit) => {
        const where = context(hit);
        const heading = hit.kind === "thesis" || hit.kind === "source" ? <Highlighted parts={hit.title} /> : KIND_LABEL[hit.kind] + " " + (where ?? "");
        return (
          <li key={`${hit.kind}-${hit.id}`} className="min-w-0 rounded-md border border-slate-200 bg-white p-3" data-testid="search-result" data-kind={hit.kind}>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-600">
              {KIND_LABEL[hit.kind]}
              {hit.hidden && <span className="ml-2 rounded bg-amber-100 px-1.5 text-amber-900 normal-case">hidden by moderators</span>}
            </p>
            <h2 className="break-words text-base font-semibold">
              <Link href={hit.url} className="text-blue-800 hover:underline">
                {heading}
              </Link>
            </h2>
            {hit.snippet.length > 0 && (
              <p className="mt-1 break-words text-sm text-slate-700">
                <Highlighted parts={hit.snippet} />
              </p>
            )}
            <p className="mt-1 text-xs text-slate-600">
              <RelativeTime date={hit.createdAt} />
            </p>
          </li>
        );
      })}
    </ol>
  );
}
