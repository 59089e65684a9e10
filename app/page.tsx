import { browseThesesForPage } from "@/server/theses/browse-theses";
import { listPopularTopics } from "@/server/topics/list-topics";
import { loadOrNotFound } from "@/server/load-or-not-found";
import { ThesisListPage } from "@/components/theses/thesis-list-page";
import { TopicFilter } from "@/components/topics/topic-filter";

export const dynamic = "force-dynamic";

type SearchParams = { sort?: string | string[]; topic?: string | string[]; cursor?: string | string[] };

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [list, popular] = await Promise.all([loadOrNotFound(browseThesesForPage(await searchParams)), listPopularTopics(30)]);
  const current = list.topic ? { slug: list.topic.slug, name: list.topic.name } : null;
  const options = current && !popular.some((t) => t.slug === current.slug) ? [current, ...popular] : popular;
  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Argue well, in public.</h1>
        <p className="max-w-2xl text-slate-700">
          Open a thesis, make the best case for and against it, and answer every argument with a rebuttal — as deep as
          the question needs.
        </p>
      </section>
      <ThesisListPage
        base="/"
        topic={current?.slug}
        sort={list.sort}
        theses={list.theses}
        nextCursor={list.nextCursor}
        paged={list.paged}
        notice={list.notice}
        filter={<TopicFilter topics={options} current={current?.slug ?? null} sort={list.sort} />}
        empty={current ? `No theses on ${current.name} yet.` : undefined}
      />
    </div>
  );
}
