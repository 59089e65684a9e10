import type { Metadata } from "next";
import Link from "next/link";
import { getArgumentFocus, getArgumentHeading } from "@/server/arguments/get-argument-focus";
import { getCurrentUser } from "@/server/auth/current-user";
import { readCursorParam } from "@/server/arguments/page-cursor";
import { toCardContext } from "@/server/arguments/render-cards";
import { loadOrNotFound } from "@/server/load-or-not-found";
import { latestThesisEventId } from "@/server/live/thesis-stream";
import { LiveUpdates } from "@/components/live/live-updates";
import { markdownToText } from "@/lib/markdown";
import { debateHref } from "@/lib/debate-url";
import { parseSiblingSort } from "@/lib/scoring/sort";
import { ThesisHeader } from "@/components/theses/thesis-header";
import { ArgumentCard } from "@/components/arguments/argument-card";
import { ArgumentColumns } from "@/components/arguments/argument-columns";
import { FocusBreadcrumb } from "@/components/arguments/focus-breadcrumb";
import { PageNotice } from "@/components/arguments/page-notice";
import { SortSelector } from "@/components/votes/sort-selector";
import { isWatching } from "@/server/watches/is-watching";
import { WatchButton } from "@/components/watches/watch-button";

type SearchParams = { sort?: string | string[]; pro?: string | string[]; con?: string | string[]; tab?: string | string[] };
type Props = { params: Promise<{ slug: string; argumentId: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, argumentId } = await params;
  const { focus, thesis } = await loadOrNotFound(getArgumentHeading(slug, argumentId));
  return { title: `${focus.bodyRedacted ? "Hidden argument" : markdownToText(focus.body, 60)} — ${thesis.title}` };
}

/**
 * An argument as the focus of the debate view (its permalink): the path from the thesis down to it, the argument
 * in full with its footnotes, then its direct replies, supports and rebuttals, paged like the thesis's arguments.
 */
export default async function ArgumentPage({ params, searchParams }: Props) {
  const { slug, argumentId } = await params;
  const query = await searchParams;
  const viewer = await getCurrentUser();
  // Before the page's data: the live stream starts after it (see latestThesisEventId).
  const liveAfter = await latestThesisEventId(slug);
  const sort = parseSiblingSort(query.sort);
  const pro = readCursorParam(query.pro);
  const con = readCursorParam(query.con);
  const view = await loadOrNotFound(getArgumentFocus(slug, argumentId, viewer, { sort, cursors: { PRO: pro.cursor, CON: con.cursor } }));
  const { thesis, focus } = view;
  const watching = await isWatching(viewer?.id, "ARGUMENT", focus.id);
  const ctx = toCardContext({ thesis, viewerId: viewer?.id, sort, moderates: view.moderates, votes: view.votes, citations: view.citations });
  return (
    <LiveUpdates slug={thesis.slug} after={liveAfter} focusId={focus.id}>
      <div className="space-y-4">
        <ThesisHeader thesis={thesis} headingLevel={2} />
        <FocusBreadcrumb thesis={thesis} ancestors={view.ancestors} focus={focus} sort={sort} />
        <h1 className="sr-only">
          Argument by {focus.author.name}
          {focus.bodyRedacted ? "" : `: ${markdownToText(focus.body, 80)}`}
        </h1>
        <ArgumentCard node={focus} ctx={ctx} variant="focus" />
        {viewer && <WatchButton targetType="ARGUMENT" targetId={focus.id} initialWatching={watching} />}
        {(pro.invalid || con.invalid) && <PageNotice>That page link was damaged, so the first page is shown.</PageNotice>}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <SortSelector basePath={`/t/${thesis.slug}/a/${focus.id}`} current={sort} />
          <Link href={`/t/${thesis.slug}/outline?root=${focus.id}&open=${focus.id}`} className="text-sm text-blue-700 underline">
            This branch as an outline
          </Link>
        </div>
        <ArgumentColumns
          ctx={ctx}
          parentId={focus.id}
          sides={view.sides}
          cursors={{ pro: pro.raw, con: con.raw }}
          tab={query.tab === "con" ? "CON" : "PRO"}
        />
        <p className="text-sm">
          <Link href={debateHref(thesis.slug, { sort, hash: `arg-${focus.path.split("/")[0]}` })} className="text-blue-700 hover:underline">
            ← Back to the whole debate
          </Link>
        </p>
      </div>
    </LiveUpdates>
  );
}
