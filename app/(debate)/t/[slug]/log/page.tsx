import type { Metadata } from "next";
import Link from "next/link";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { getCurrentUser } from "@/server/auth/current-user";
import { loadOrNotFound } from "@/server/load-or-not-found";
import { listModerationLog } from "@/server/moderation/list-moderation-log";
import { LogTable } from "@/components/moderation/log-table";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ before?: string }> };

export const metadata: Metadata = { title: "Moderation log" };

/** A thesis's moderation log is public: moderators answer for what they do in it. */
export default async function ThesisLogPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const viewer = await getCurrentUser();
  const thesis = await loadOrNotFound(getThesisBySlug(slug, viewer));
  const before = Number((await searchParams).before) || undefined;
  const { entries, nextBefore } = await listModerationLog({ thesisId: thesis.id, before });
  return (
    <div className="space-y-4">
      <Link href={`/t/${thesis.slug}`} className="text-sm text-blue-700 hover:underline">
        ← {thesis.title}
      </Link>
      <h1 className="text-2xl font-bold">Moderation log</h1>
      <p className="text-sm text-slate-600">
        Every moderation act on this thesis, newest first, with who did it, in which role and why. Entries are chained
        by SHA-256 hashes, so an edited or deleted entry is detectable.
      </p>
      <LogTable entries={entries} slugs={new Map([[thesis.id, thesis.slug]])} />
      {nextBefore && (
        <Link href={`/t/${thesis.slug}/log?before=${nextBefore}`} className="text-sm text-blue-700 hover:underline">
          Older entries →
        </Link>
      )}
    </div>
  );
}
