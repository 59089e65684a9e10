import Link from "next/link";
import { listTheses, type ThesisSort } from "@/server/theses/list-theses";
import { ThesisList } from "@/components/theses/thesis-list";

export const dynamic = "force-dynamic";

const TABS: { sort: ThesisSort; label: string }[] = [
  { sort: "active", label: "Most active" },
  { sort: "newest", label: "Newest" },
];

export default async function HomePage({ searchParams }: { searchParams: Promise<{ sort?: string }> }) {
  const sort: ThesisSort = (await searchParams).sort === "newest" ? "newest" : "active";
  const theses = await listTheses({ sort });
  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Argue well, in public.</h1>
        <p className="max-w-2xl text-slate-700">
          Open a thesis, make the best case for and against it, and answer every argument with a rebuttal — as deep as
          the question needs.
        </p>
      </section>
      <nav aria-label="Sort theses" className="flex gap-2">
        {TABS.map((tab) => (
          <Link
            key={tab.sort}
            href={tab.sort === "active" ? "/" : `/?sort=${tab.sort}`}
            aria-current={tab.sort === sort ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:border-blue-700 aria-[current=page]:bg-blue-700 aria-[current=page]:text-white"
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <ThesisList theses={theses} />
    </div>
  );
}
