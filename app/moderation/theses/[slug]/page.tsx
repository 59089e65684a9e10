import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { loadOrNotFound } from "@/server/load-or-not-found";
import { ModerationForm } from "@/components/moderation/moderation-form";

export const metadata: Metadata = { title: "Thesis moderators" };

type Props = { params: Promise<{ slug: string }> };

/** The owner of a thesis (or an administrator) appoints and removes the members who moderate it. */
export default async function ThesisModeratorsPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await getCurrentUser();
  if (!viewer) redirect(`/login?callbackUrl=/moderation/theses/${slug}`);
  const thesis = await loadOrNotFound(getThesisBySlug(slug, viewer));
  if (thesis.author.id !== viewer.id && viewer.role !== "ADMIN") forbidden();
  const moderators = await db.thesisModerator.findMany({
    where: { thesisId: thesis.id },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, user: { select: { id: true, name: true, handle: true } }, appointedBy: { select: { name: true } } },
  });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href={`/t/${thesis.slug}`} className="text-sm text-blue-700 hover:underline">
        ← {thesis.title}
      </Link>
      <h1 className="text-2xl font-bold">Moderators of this thesis</h1>
      <p className="text-sm text-slate-600">
        As its owner you moderate this thesis. Moderators you appoint can hide and restore arguments, mark duplicates,
        dismiss flags and lock the thesis; they see its flags in the <Link href="/moderation" className="underline">review queue</Link>.
      </p>
      {moderators.length === 0 ? (
        <p className="text-sm text-slate-600">No one else moderates this thesis yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {moderators.map((m) => (
            <li key={m.user.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <span>
                <Link href={`/u/${m.user.handle}`} className="font-medium hover:underline">{m.user.name}</Link>{" "}
                <span className="text-xs text-slate-600">appointed by {m.appointedBy.name}</span>
              </span>
              <ModerationForm fields={{ action: "REMOVE_MODERATOR", thesisId: thesis.id, userId: m.user.id }} submitLabel={`Remove ${m.user.name}`} reason="none" />
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="appoint" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="appoint" className="text-lg font-semibold">Appoint a moderator</h2>
        <ModerationForm fields={{ action: "APPOINT_MODERATOR", thesisId: thesis.id }} submitLabel="Appoint" extra="handle" />
      </section>
    </div>
  );
}
