import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { getThesisFirstScreen } from "@/server/theses/get-thesis-first-screen";
import { getCurrentUser } from "@/server/auth/current-user";
import { requestOrigin } from "@/server/request-origin";
import { readCursorParam } from "@/server/arguments/page-cursor";
import { toCardContext } from "@/server/arguments/render-cards";
import { loadOrNotFound } from "@/server/load-or-not-found";
import { latestThesisEventId } from "@/server/live/thesis-stream";
import { LiveUpdates } from "@/components/live/live-updates";
import { getThesisVoting } from "@/server/votes/get-thesis-voting";
import { ThesisHeader } from "@/components/theses/thesis-header";
import { ArgumentColumns } from "@/components/arguments/argument-columns";
import { ThesisModerationBar } from "@/components/moderation/thesis-moderation-bar";
import { ThesisVotingPanel } from "@/components/votes/thesis-voting-panel";
import { PageNotice } from "@/components/arguments/page-notice";
import { parseSiblingSort } from "@/lib/scoring/sort";
import { readCiteParam } from "@/server/citations/read-cite-param";
import { isWatching } from "@/server/watches/is-watching";
import { WatchButton } from "@/components/watches/watch-button";

type SearchParams = { sort?: string | string[]; pro?: string | string[]; con?: string | string[]; tab?: string | string[]; cite?: string | string[] };
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const thesis = await loadOrNotFound(getThesisBySlug((await params).slug));
  const origin = requestOrigin(await headers());
  // oEmbed discovery: other sites turn a pasted thesis link into its embed card.
  const oembed = `${origin}/api/oembed?${new URLSearchParams({ url: `${origin}/t/${thesis.slug}`, format: "json" })}`;
  return { title: thesis.title, alternates: { types: { "application/json+oembed": [{ url: oembed, title: thesis.title }] } } };
}

/**
 * The debate view with the thesis as its focus: the thesis, its strength and the stance poll, then one page of
 * top-level arguments per side. Its size does not grow with the debate; replies open as a focus of their own.
 */
export default async function ThesisPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const viewer = await getCurrentUser();
  // Before the page's data: the live stream starts after it (see latestThesisEventId).
  const liveAfter = await latestThesisEventId(slug);
  const sort = parseSiblingSort(query.sort);
  const pro = readCursorParam(query.pro);
  const con = readCursorParam(query.con);
  const screen = await loadOrNotFound(getThesisFirstScreen(slug, viewer, { sort, cursors: { PRO: pro.cursor, CON: con.cursor } }));
  const { thesis } = screen;
  const [voting, watching] = await Promise.all([getThesisVoting(thesis, viewer?.id), isWatching(viewer?.id, "THESIS", thesis.id)]);
  const tab = query.tab === "con" ? "CON" : "PRO";
  const cite = await readCiteParam(query.cite);
  const ctx = toCardContext({ thesis, viewerId: viewer?.id, sort, moderates: screen.moderates, votes: screen.votes, citations: screen.citations });
  return (
    <LiveUpdates slug={thesis.slug} after={liveAfter} focusId={null}>
      <div className="space-y-6">
        <ThesisHeader thesis={thesis} />
        <ThesisModerationBar thesis={thesis} viewer={viewer} moderates={screen.moderates} />
        <ThesisVotingPanel thesis={thesis} voting={voting} signedIn={viewer !== null} sort={sort} />
        {(pro.invalid || con.invalid) && <PageNotice>That page link was damaged, so the first page is shown.</PageNotice>}
        {cite.problem && <PageNotice>{cite.problem}</PageNotice>}
        {cite.quoteId && !ctx.open && <PageNotice>This thesis is closed to new arguments, so the quote cannot be cited here.</PageNotice>}
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <Link href={`/t/${thesis.slug}/outline`} className="text-blue-700 underline">
            Read as an outline
          </Link>
          <Link href={`/t/${thesis.slug}/map`} className="inline-flex items-center gap-2 text-blue-700 underline">
            {/* An image, not inline SVG: the first screen stays the same size however large the map. */}
            <img src={`/t/${thesis.slug}/map/thumbnail`} alt="" width={48} height={48} loading="lazy" className="rounded border border-slate-200 bg-white" />
            See the map of the debate
          </Link>
          {viewer && <WatchButton targetType="THESIS" targetId={thesis.id} initialWatching={watching} />}
        </div>
        <ArgumentColumns
          ctx={ctx}
          parentId={null}
          sides={screen.sides}
          cursors={{ pro: pro.raw, con: con.raw }}
          tab={tab}
          draft={cite.quoteId && viewer ? { stance: tab, body: ` [[q:${cite.quoteId}]]` } : undefined}
        />
      </div>
    </LiveUpdates>
  );
}
