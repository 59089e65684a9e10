import Link from "next/link";

/** A thesis's topics as links to their pages. */
export function TopicChips({ topics, className = "" }: { topics: { slug: string; name: string }[]; className?: string }) {
  if (topics.length === 0) return null;
  return (
    <ul aria-label="Topics" className={`flex flex-wrap gap-1.5 ${className}`}>
      {topics.map((topic) => (
        <li key={topic.slug}>
          <Link href={`/topics/${topic.slug}`} className="inline-block max-w-full break-words rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-200">
            {topic.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
