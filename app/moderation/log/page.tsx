import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { listModerationLog } from "@/server/moderation/list-moderation-log";
import { verifyModerationLog } from "@/server/moderation/log";
import { LogTable } from "@/components/moderation/log-table";
import { countOf } from "@/lib/plural";

export const metadata: Metadata = { title: "Moderation log" };

type Props = { searchParams: Promise<{ before?: string }> };

/** The whole log, for administrators, with the result of verifying its hash chain. */
export default async function FullLogPage({ searchParams }: Props) {
  const viewer = await getCurrentUser();
  if (!viewer) redirect("/login?callbackUrl=/moderation/log");
  if (viewer.role !== "ADMIN") forbidden();
  const before = Number((await searchParams).before) || undefined;
  const [{ entries, nextBefore }, verification] = await Promise.all([listModerationLog({ before }), verifyModerationLog()]);
  const thesisIds = [...new Set(entries.map((e) => e.thesisId).filter((id): id is string => id !== null))];
  const theses = await db.thesis.findMany({ where: { id: { in: thesisIds } }, select: { id: true, slug: true } });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Moderation log</h1>
      <p
        role="status"
        className={`rounded-md px-3 py-2 text-sm ${verification.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
      >
        {verification.ok
          ? `Hash chain verified: ${countOf(verification.checked, "entry", "entries")}, all intact.`
          : `Hash chain broken at entry #${verification.firstBroken!.seq}: ${verification.firstBroken!.problem}.`}
      </p>
      <LogTable entries={entries} slugs={new Map(theses.map((t) => [t.id, t.slug]))} />
      {nextBefore && (
        <Link href={`/moderation/log?before=${nextBefore}`} className="text-sm text-blue-700 hover:underline">
          Older entries →
        </Link>
      )}
    </div>
  );
}
