import type { Metadata } from "next";
import Link from "next/link";
import { getSourcePage } from "@/server/sources/get-source-page";
import { getCurrentUser } from "@/server/auth/current-user";
import { loadOrNotFound } from "@/server/load-or-not-found";
import { SourceBody, SourceHeader } from "@/components/sources/source-view";
import { QuoteComposer } from "@/components/sources/quote-composer";
import { FlagButton } from "@/components/moderation/flag-button";
import { LiveCheck } from "@/components/sources/live-check";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { source } = await loadOrNotFound(getSourcePage((await params).id));
  return { title: `Source: ${source.title}` };
}

/** A source: its metadata and hashed snapshot, every quoted passage highlighted, and who cites it. */
export default async function SourcePageRoute({ params }: Props) {
  const { id } = await params;
  const viewer = await getCurrentUser();
  const page = await loadOrNotFound(getSourcePage(id, viewer));
  if (page.source.visibility === "HIDDEN") {
    return (
      <div className="space-y-4">
        <SourceHeader source={page.source} />
        <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-700" role="note">
          This source was hidden by moderators{page.source.moderationNote ? `: ${page.source.moderationNote}` : "."}
        </p>
      </div>
    );
  }
  const fetched = page.source.captureMethod === "FETCHED" && page.source.url !== null;
  const aside = viewer ? (
    <>
      {fetched && (
        <LiveCheck sourceId={page.source.id} checkedAt={page.source.checkedAt?.toISOString() ?? null} newerId={page.source.supersededBy?.id ?? null} />
      )}
      <section aria-labelledby="new-quote-heading" className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
        <h2 id="new-quote-heading" className="text-lg font-semibold">
          Quote a passage
        </h2>
        <QuoteComposer sourceId={page.source.id} snapshotId="snapshot" />
      </section>
    </>
  ) : (
    <p className="text-sm">
      <Link href={`/login?callbackUrl=${encodeURIComponent(`/sources/${id}`)}`} className="text-blue-700 underline">
        Sign in
      </Link>{" "}
      to quote a passage of this source.
    </p>
  );
  return (
    <div className="space-y-6">
      <SourceHeader source={page.source} />
      {viewer && <FlagButton targetType="SOURCE" targetId={page.source.id} />}
      <SourceBody page={page} aside={aside} canFlag={viewer !== null} />
    </div>
  );
}
