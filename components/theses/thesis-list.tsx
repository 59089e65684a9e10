import Link from "next/link";
import type { ThesisSummary } from "@/server/theses/list-theses";
import { RelativeTime } from "@/components/ui/relative-time";
import { TopicChips } from "@/components/topics/topic-chips";
import { StanceBalance } from "./stance-balance";
import { countOf } from "@/lib/plural";

export function ThesisList({ theses, empty = "No theses yet. Open the first one." }: { theses: ThesisSummary[]; empty?: string }) {
  if (theses.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600">{empty}</p>;
  }
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {theses.map((thesis) => (
        <li key={thesis.id} className="p-4" data-testid="thesis-item">
          <Link href={`/t/${thesis.slug}`} className="break-words text-lg font-semibold text-slate-900 hover:underline">
            {thesis.title}
          </Link>
          {thesis.status === "LOCKED" && <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs">Locked</span>}
          <TopicChips topics={thesis.topics} className="mt-1" />
          <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
            <StanceBalance pro={thesis.proCount} con={thesis.conCount} />
            <span>{countOf(thesis.argumentCount, "argument")} in all</span>
            <span>
              by <Link href={`/u/${thesis.author.handle}`} className="hover:underline">{thesis.author.name}</Link>,{" "}
              <RelativeTime date={thesis.createdAt} />
            </span>
            <span>
              last activity <RelativeTime date={thesis.lastActivityAt} />
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
