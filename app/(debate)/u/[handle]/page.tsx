import type { Metadata } from "next";
import Link from "next/link";
import { getProfile } from "@/server/users/get-profile";
import { getCurrentUser } from "@/server/auth/current-user";
import { loadOrNotFound } from "@/server/load-or-not-found";
import { markdownToText } from "@/lib/markdown";
import { RelativeTime } from "@/components/ui/relative-time";
import { StanceBalance } from "@/components/theses/stance-balance";
import { argumentPermalink } from "@/components/arguments/argument-card";
import { stanceLabel } from "@/components/arguments/stance";

type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await loadOrNotFound(getProfile((await params).handle));
  return { title: user.name };
}

export default async function ProfilePage({ params }: Props) {
  const user = await loadOrNotFound(getProfile((await params).handle, await getCurrentUser()));
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{user.name}</h1>
        <p className="text-sm text-slate-600">
          @{user.handle} · member since <RelativeTime date={user.createdAt} /> · {user._count.theses} theses ·{" "}
          {user._count.arguments} arguments
        </p>
      </header>
      <section aria-labelledby="profile-theses" className="space-y-2">
        <h2 id="profile-theses" className="text-lg font-semibold">Theses</h2>
        {user.theses.length === 0 ? (
          <p className="text-sm text-slate-600">No theses yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {user.theses.map((thesis) => (
              <li key={thesis.id} className="p-3">
                <Link href={`/t/${thesis.slug}`} className="font-medium hover:underline">{thesis.title}</Link>
                <div className="mt-1 flex gap-4 text-sm text-slate-600">
                  <StanceBalance pro={thesis.proCount} con={thesis.conCount} />
                  <RelativeTime date={thesis.createdAt} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="profile-arguments" className="space-y-2">
        <h2 id="profile-arguments" className="text-lg font-semibold">Arguments</h2>
        {user.arguments.length === 0 ? (
          <p className="text-sm text-slate-600">No arguments yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {user.arguments.map((argument) => (
              <li key={argument.id} className="p-3 text-sm">
                <span className="font-semibold">{stanceLabel(argument.stance, argument.depth > 0)}</span> in{" "}
                <Link href={`/t/${argument.thesis.slug}`} className="hover:underline">{argument.thesis.title}</Link>:{" "}
                <Link href={argumentPermalink(argument.thesis.slug, argument.id)} className="text-slate-700 hover:underline">
                  {markdownToText(argument.body, 140)}
                </Link>{" "}
                <span className="text-slate-500"><RelativeTime date={argument.createdAt} /></span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
