import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listRevisions } from "@/server/arguments/list-revisions";
import { getCurrentUser } from "@/server/auth/current-user";
import { loadOrNotFound } from "@/server/load-or-not-found";
import { ArgumentBody } from "@/components/citations/argument-body";
import { loadRevisionCitations } from "@/server/citations/load-citations";
import { RelativeTime } from "@/components/ui/relative-time";
import { argumentPermalink } from "@/components/arguments/argument-card";
import { RevisionDiff } from "@/components/arguments/revision-diff";
import { countOf } from "@/lib/plural";

export const metadata: Metadata = { title: "Edit history" };

export default async function HistoryPage({ params }: { params: Promise<{ slug: string; argumentId: string }> }) {
  const { slug, argumentId } = await params;
  const argument = await loadOrNotFound(listRevisions(argumentId, await getCurrentUser()));
  if (argument.thesis.slug !== slug) notFound();
  // Evidence: each version shows the footnotes it made (citations belong to their revision).
  const citations = await loadRevisionCitations(argument.revisions.map((revision) => revision.id));
  // The diff names citations by their source: any revision's footnote for that quote says which source it is.
  const citationByQuote = new Map([...citations.values()].flat().map((citation) => [citation.quoteId, citation]));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href={argumentPermalink(slug, argument.id)} className="text-sm text-blue-700 hover:underline">
        ← Back to the argument
      </Link>
      <h1 className="text-2xl font-bold">Edit history</h1>
      <p className="text-slate-700">
        Argument by {argument.author.name} in “{argument.thesis.title}”. Every saved version is kept;{" "}
        {argument.revisions.length === 1 ? "it has not been edited." : `${countOf(argument.revisions.length, "version")}.`}
      </p>
      <ol className="space-y-3" aria-label="Revisions, newest first">
        {argument.revisions.map((revision, index) => {
          // Newest first: the version this one replaced is the next in the list.
          const previous = argument.revisions[index + 1];
          const headingId = `version-${revision.number}`;
          return (
            <li key={revision.id} className="rounded-md border border-slate-200 bg-white p-4" data-testid="revision" aria-labelledby={headingId}>
              <h2 id={headingId} className="mb-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-normal text-slate-600">
                <span className="font-semibold text-slate-900">Version {revision.number}</span>
                {revision.id === argument.currentRevisionId && (
                  // A space between flex items is not rendered, so the heading would read "Version 2current".
                  <span className="rounded bg-emerald-100 px-1.5 text-xs text-emerald-800">
                    <span className="sr-only">, </span>current
                  </span>
                )}
                {revision.minor && (
                  <span className="rounded border border-slate-300 px-1.5 text-xs text-slate-700" title="A typo fix: the votes on the version before it were kept">
                    <span className="sr-only">, </span>minor edit
                  </span>
                )}
                <span>
                  <span className="sr-only">, </span>by {revision.editor.name}, <RelativeTime date={revision.createdAt} />
                </span>
              </h2>
              <ArgumentBody argumentId={revision.id} body={revision.body} citations={citations.get(revision.id)} />
              {previous && (
                <section aria-label={`Changes from version ${previous.number} to version ${revision.number}`} className="mt-3 space-y-1">
                  <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                    Changes from version {previous.number}{" "}
                    <span className="font-normal normal-case tracking-normal">(inserted words underlined, deleted words struck through)</span>
                  </h3>
                  <RevisionDiff before={previous.body} after={revision.body} citations={citationByQuote} />
                </section>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
