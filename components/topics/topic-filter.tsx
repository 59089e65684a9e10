import Link from "next/link";
import type { ThesisSort } from "@/lib/validation/thesis-list";

/**
 * The home page's topic filter: a GET form, so it works without JavaScript. It offers the most used topics and the
 * current one; every topic is on /topics.
 */
export function TopicFilter({ topics, current, sort }: { topics: { slug: string; name: string }[]; current: string | null; sort: ThesisSort }) {
  return (
    <form method="get" action="/" className="flex flex-wrap items-center gap-2 text-sm">
      {sort !== "active" && <input type="hidden" name="sort" value={sort} />}
      <label htmlFor="topic-filter" className="font-medium text-slate-700">
        Topic
      </label>
      <select id="topic-filter" name="topic" defaultValue={current ?? ""} className="max-w-48 rounded-md border border-slate-300 bg-white px-2 py-1">
        <option value="">All topics</option>
        {topics.map((topic) => (
          <option key={topic.slug} value={topic.slug}>
            {topic.name}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50">
        Filter
      </button>
      <Link href="/topics" className="text-blue-700 underline">
        All topics
      </Link>
    </form>
  );
}
