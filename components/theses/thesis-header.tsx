import Link from "next/link";
import { Markdown } from "@/components/ui/markdown";
import { RelativeTime } from "@/components/ui/relative-time";
import type { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { StanceBalance } from "./stance-balance";
import { countOf } from "@/lib/plural";

type Thesis = Awaited<ReturnType<typeof getThesisBySlug>>;

export function ThesisHeader({ thesis, headingLevel = 1 }: { thesis: Thesis; headingLevel?: 1 | 2 }) {
  const Heading = headingLevel === 1 ? "h1" : "p";
  return (
    <header className="space-y-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Thesis</p>
      <Heading className="text-2xl font-bold leading-tight">
        {headingLevel === 1 ? thesis.title : <Link href={`/t/${thesis.slug}`} className="hover:underline">{thesis.title}</Link>}
      </Heading>
      {headingLevel === 1 && thesis.body && <Markdown source={thesis.body} className="text-slate-700" />}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
        <StanceBalance pro={thesis.proCount} con={thesis.conCount} />
        <span>{countOf(thesis.argumentCount, "argument")} in all</span>
        <span>
          opened by <Link href={`/u/${thesis.author.handle}`} className="hover:underline">{thesis.author.name}</Link>{" "}
          <RelativeTime date={thesis.createdAt} />
        </span>
        {thesis.status === "LOCKED" && <span className="rounded bg-slate-200 px-1.5 text-xs font-medium">Locked: no new arguments</span>}
      </div>
    </header>
  );
}
