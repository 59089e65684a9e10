import type { Metadata } from "next";
import Link from "next/link";
import { browseThesesForPage } from "@/server/theses/browse-theses";
import { getTopicBySlug } from "@/server/topics/get-topic";
import { loadOrNotFound } from "@/server/load-or-not-found";
import { ThesisListPage } from "@/components/theses/thesis-list-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ sort?: string | string[]; cursor?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadOrNotFound(getTopicBySlug((await params).slug))).name };
}

/** The theses filed under one topic, in any of the home page's orders. */
export default async function TopicPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const list = await loadOrNotFound(browseThesesForPage({ sort: query.sort, cursor: query.cursor, topic: slug }));
  const topic = list.topic!;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/topics" className="text-blue-700 underline">
          All topics
        </Link>
      </p>
      <h1 className="break-words text-2xl font-bold">{topic.name}</h1>
      <p className="text-sm text-slate-600">
        {topic.thesisCount} {topic.thesisCount === 1 ? "thesis" : "theses"}
      </p>
      <ThesisListPage
        base={`/topics/${topic.slug}`}
        sort={list.sort}
        theses={list.theses}
        nextCursor={list.nextCursor}
        paged={list.paged}
        notice={list.notice}
        empty="No listed theses on this topic."
      />
    </div>
  );
}
