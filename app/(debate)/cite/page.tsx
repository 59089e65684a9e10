import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { loadDraftQuotes } from "@/server/citations/load-draft-quotes";
import { listTheses } from "@/server/theses/list-theses";
import { searchContent } from "@/server/search/search-content";
import { AppError } from "@/server/errors";
import { idSchema } from "@/lib/validation/argument";
import { searchParamsSchema } from "@/lib/validation/search";
import { citeHref } from "@/lib/debate-url";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Cite a quote in an argument" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * "Cite in an argument": a saved quote, and a thesis picker (recently active theses, or a search) whose choices
 * open that thesis's composer, for or against, with the quote cited.
 */
export default async function CitePickerPage({ searchParams }: Props) {
  const raw = await searchParams;
  const quoteParam = first(raw.quote) ?? "";
  const viewer = await getCurrentUser();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(`/cite?quote=${encodeURIComponent(quoteParam)}`)}`);

  const quoteId = idSchema.safeParse(quoteParam);
  const quote = quoteId.success ? (await loadDraftQuotes([quoteId.data])).get(quoteId.data) : undefined;
  if (!quote) {
    return (
      <div className="mx-auto max-w-3xl space-y-4">
        <h1 className="text-2xl font-bold">Cite a quote in an argument</h1>
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          That quote does not exist or was hidden by moderators. Open a source and save a quote first.
        </p>
        <Link href="/sources" className="text-sm text-blue-700 underline">
          Browse sources
        </Link>
      </div>
    );
  }

  const q = first(raw.q)?.trim() ?? "";
  let problem: string | null = null;
  let theses: { slug: string; title: string }[] = [];
  if (q) {
    const parsed = searchParamsSchema.safeParse({ q, kind: "thesis" });
    if (!parsed.success) problem = parsed.error.issues[0]?.message ?? "That search is not valid.";
    else {
      try {
        const result = await searchContent({ params: parsed.data, viewer });
        theses = result.hits.filter((hit) => !hit.hidden && hit.thesis).map((hit) => ({ slug: hit.thesis!.slug, title: hit.thesis!.title }));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        problem = error.message;
      }
    }
  } else {
    theses = (await listTheses({ sort: "active", take: 10 })).filter((t) => t.status === "OPEN");
  }

  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <h1 className="text-2xl font-bold">Cite a quote in an argument</h1>
      <figure className="rounded-md border border-slate-200 bg-white p-3 text-sm">
        <blockquote className="italic">“{quote.exact}”</blockquote>
        <figcaption className="mt-1 text-slate-600">
          —{" "}
          <Link href={`/sources/${quote.sourceId}#q-${quote.quoteId}`} className="text-blue-700 underline">
            {quote.sourceTitle}
          </Link>
        </figcaption>
      </figure>
      <form method="get" action="/cite" role="search" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="quote" value={quote.quoteId} />
        <label className="min-w-0 flex-1 text-sm font-medium">
          Find a thesis
          <input name="q" type="search" defaultValue={q} maxLength={200} className={`${inputClass} mt-1`} />
        </label>
        <Button type="submit">Search theses</Button>
      </form>
      {problem && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {problem}
        </p>
      )}
      <section aria-labelledby="theses-heading" className="space-y-2">
        <h2 id="theses-heading" className="text-lg font-semibold">
          {q ? "Theses matching your search" : "Recently active theses"}
        </h2>
        {theses.length === 0 && !problem ? (
          <p className="text-sm text-slate-600">{q ? "No thesis matches; try other words." : "There are no open theses yet."}</p>
        ) : (
          <ul className="space-y-2" data-testid="cite-theses">
            {theses.map((t) => (
              <li key={t.slug} className="rounded-md border border-slate-200 bg-white p-3">
                <p className="font-medium">{t.title}</p>
                <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  <Link href={citeHref(t.slug, quote.quoteId, "PRO")} className="text-blue-700 underline">
                    Argue for “{t.title}” with this quote
                  </Link>
                  <Link href={citeHref(t.slug, quote.quoteId, "CON")} className="text-blue-700 underline">
                    Argue against “{t.title}” with this quote
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
