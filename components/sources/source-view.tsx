import type { SourcePage } from "@/server/sources/get-source-page";
import { formatSourceDate, plainExcerpt } from "@/components/citations/format";
import { SourceText } from "./source-text";
import { SelectedPassage } from "./selected-passage";
import { FlagButton } from "@/components/moderation/flag-button";

/** Metadata of a source: what it is, where it came from, how the snapshot was captured and its hash. */
export function SourceHeader({ source }: { source: SourcePage["source"] }) {
  const published = formatSourceDate(source.publishedAt);
  return (
    <header className="space-y-2">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Source</p>
      <h1 className="text-2xl font-bold text-slate-900">{source.title}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm text-slate-700">
        {source.publisher && (
          <>
            <dt className="font-medium">Publisher</dt>
            <dd>{source.publisher}</dd>
          </>
        )}
        {source.byline && (
          <>
            <dt className="font-medium">Author</dt>
            <dd>{source.byline}</dd>
          </>
        )}
        {published && (
          <>
            <dt className="font-medium">Published</dt>
            <dd>{published}</dd>
          </>
        )}
        {(source.finalUrl ?? source.url) && (
          <>
            <dt className="font-medium">Address</dt>
            <dd className="break-all">
              <a href={(source.finalUrl ?? source.url)!} rel="nofollow noopener noreferrer" className="text-blue-700 underline">
                {source.canonicalUrl ?? source.url}
              </a>
            </dd>
          </>
        )}
        <dt className="font-medium">Snapshot</dt>
        <dd data-testid="capture-method">
          {source.captureMethod === "FETCHED" ? (
            <>Fetched by Agora on {source.capturedAt.toUTCString()} (the text as the page served it)</>
          ) : (
            <>
              Text supplied by <a href={`/u/${source.addedBy.handle}`} className="text-blue-700 underline">{source.addedBy.name}</a> on{" "}
              {source.capturedAt.toUTCString()} — not fetched from the original
            </>
          )}
        </dd>
        {source.previousVersion && (
          <>
            <dt className="font-medium">Earlier snapshot</dt>
            <dd>
              <a href={`/sources/${source.previousVersion.id}`} className="text-blue-700 underline">
                Snapshot of {source.previousVersion.capturedAt.toUTCString()}
              </a>
            </dd>
          </>
        )}
        <dt className="font-medium">SHA-256</dt>
        <dd className="break-all font-mono text-xs" title="SHA-256 of the snapshot text (UTF-8)">
          {source.sha256}
        </dd>
      </dl>
      {source.supersededBy && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-slate-900" data-testid="newer-snapshot">
          The live page has changed since this snapshot. Quotes below stay anchored to this snapshot;{" "}
          <a href={`/sources/${source.supersededBy.id}`} className="text-blue-700 underline">
            see the snapshot of {source.supersededBy.capturedAt.toUTCString()}
          </a>
          .
        </p>
      )}
    </header>
  );
}

/** The source page's body: the highlighted snapshot, its quotes with who cites them, and the "cited by" list. */
export function SourceBody({ page, aside, canFlag = false }: { page: SourcePage; aside?: React.ReactNode; canFlag?: boolean }) {
  const { source, quotes, citedBy, citingArguments } = page;
  const numbered = quotes.map((q, i) => ({ ...q, number: i + 1, citedBy: citedBy.get(q.id) ?? [] }));
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section aria-labelledby="snapshot-heading" className="rounded-md bg-white p-4 shadow-sm">
        <h2 id="snapshot-heading" className="mb-3 text-lg font-semibold">
          Snapshot text
        </h2>
        <SelectedPassage
          containerId="snapshot"
          quotes={numbered.map((q) => ({ id: q.id, number: q.number }))}
          version={numbered.map((q) => q.id).join(" ")}
        />
        <div id="snapshot">
          <SourceText text={source.text} quotes={numbered.map((q) => ({ id: q.id, start: q.start, end: q.end, number: q.number, citedByCount: q.citedBy.length }))} />
        </div>
      </section>
      <div className="space-y-6">
        {aside}
        <section aria-labelledby="quotes-heading" className="space-y-2">
          <h2 id="quotes-heading" className="text-lg font-semibold">
            Quotes ({quotes.length})
          </h2>
          {numbered.length === 0 ? (
            <p className="text-sm text-slate-600">Nobody has quoted this source yet.</p>
          ) : (
            <ol className="space-y-3 text-sm">
              {numbered.map((q) => (
                <li key={q.id} id={`quote-${q.id}`} className="rounded-md border border-slate-200 bg-white p-2" data-testid="quote">
                  <a href={`#q-${q.id}`} className="font-semibold text-amber-800 hover:underline">
                    [{q.number}]
                  </a>{" "}
                  <q className="italic">{q.exact.length > 240 ? `${q.exact.slice(0, 239)}…` : q.exact}</q>
                  {q.citedBy.length > 0 ? (
                    <ul className="mt-1 space-y-0.5 text-xs" aria-label={`Arguments citing quote ${q.number}`}>
                      {q.citedBy.map((c) => (
                        <li key={c.argumentId}>
                          Cited by{" "}
                          <a href={`/t/${c.thesisSlug}/a/${c.argumentId}`} className="text-blue-700 underline">
                            {c.authorName}: {plainExcerpt(c.body, 80)}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-1 text-xs text-slate-500">Not cited yet.</p>
                  )}
                  <p className="mt-1 text-xs">
                    <a href={`/cite?quote=${q.id}`} className="text-blue-700 underline">
                      Cite quote {q.number} in an argument
                    </a>
                  </p>
                  {canFlag && <FlagButton targetType="QUOTE" targetId={q.id} className="mt-1" />}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="cited-by-heading" className="space-y-2">
          <h2 id="cited-by-heading" className="text-lg font-semibold">
            Cited by ({citingArguments.length})
          </h2>
          {citingArguments.length === 0 ? (
            <p className="text-sm text-slate-600">No argument cites this source yet.</p>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="cited-by">
              {citingArguments.map((c) => (
                <li key={c.argumentId}>
                  <a href={`/t/${c.thesisSlug}/a/${c.argumentId}`} className="text-blue-700 underline">
                    {plainExcerpt(c.body, 120)}
                  </a>
                  <span className="block text-xs text-slate-600">
                    {c.authorName} in “{c.thesisTitle}”
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
