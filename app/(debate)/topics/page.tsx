import type { Metadata } from "next";
import Link from "next/link";
import { listTopics } from "@/server/topics/list-topics";
import { topicSlugSchema } from "@/lib/validation/topic";

export const metadata: Metadata = { title: "Topics" };
export const dynamic = "force-dynamic";

/** Every topic with theses, by name, 50 a page (`?after=<slug>`). */
export default async function TopicsPage({ searchParams }: { searchParams: Promise<{ after?: string | string[] }> }) {
  const raw = (await searchParams).after;
  const after = topicSlugSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const { topics, nextCursor } = await listTopics({ after: after.success ? after.data : null });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Topics</h1>
      {topics.length === 0 ? (
        <p className="text-slate-600">No topics yet: they are chosen when a thesis is opened.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {topics.map((topic) => (
            <li key={topic.slug} className="flex flex-wrap items-baseline justify-between gap-2 p-3">
              <Link href={`/topics/${topic.slug}`} className="break-words font-medium text-slate-900 hover:underline">
                {topic.name}
              </Link>
              <span className="text-sm text-slate-600">
                {topic.thesisCount} {topic.thesisCount === 1 ? "thesis" : "theses"}
              </span>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="More topics" className="flex gap-4 text-sm">
        {after.success && (
          <Link href="/topics" className="text-blue-700 underline">
            First page
          </Link>
        )}
        {nextCursor && (
          <Link href={`/topics?after=${nextCursor}`} className="text-blue-700 underline" rel="next">
            Next page
          </Link>
        )}
      </nav>
    </div>
  );
}
