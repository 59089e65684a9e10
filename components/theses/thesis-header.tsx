import Link from "next/link";
import { Markdown } from "@/components/ui/markdown";
import { RelativeTime } from "@/components/ui/relative-time";
import type { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { StanceBalance } from "./stance-balance";
import { TopicChips } from "@/components/topics/topic-chips";
import { countOf } from "@/lib/plural";

type Thesis = Awaited<ReturnType<typeof getThesisBySlug>>;

const EXPORT_FORMATS = [
  ["json", "JSON", "Agora's own format: everything, and it can be imported into another Agora"],
  ["argdown", "Argdown", "Argdown text, for the Argdown tools"],
  ["aif", "AIF", "Argument Interchange Format (AIFdb, OVA)"],
] as const;

/** Downloads of the whole debate as the reader sees it (GET /api/v1/theses/:slug/export). */
function ExportLinks({ slug }: { slug: string }) {
  return (
    <p className="text-xs text-slate-600">
      Download:{" "}
      {EXPORT_FORMATS.map(([format, label, title], i) => (
        <span key={format}>
          {i > 0 && " · "}
          <a href={`/api/v1/theses/${slug}/export?format=${format}`} download title={title} className="text-blue-700 hover:underline">
            {label}
          </a>
        </span>
      ))}
    </p>
  );
}

export function ThesisHeader({ thesis, headingLevel = 1 }: { thesis: Thesis; headingLevel?: 1 | 2 }) {
  const Heading = headingLevel === 1 ? "h1" : "p";
  return (
    <header className="space-y-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Thesis</p>
      <Heading className="text-2xl font-bold leading-tight">
        {headingLevel === 1 ? thesis.title : <Link href={`/t/${thesis.slug}`} className="hover:underline">{thesis.title}</Link>}
      </Heading>
      <TopicChips topics={thesis.topics} />
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
      {headingLevel === 1 && <ExportLinks slug={thesis.slug} />}
    </header>
  );
}
