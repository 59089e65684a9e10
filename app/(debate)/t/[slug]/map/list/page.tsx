import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/server/auth/current-user";
import { getArgumentMapMarkup } from "@/server/arguments/get-argument-map";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { loadOrNotFound } from "@/server/load-or-not-found";
import { debateHref } from "@/lib/debate-url";
import { MAP_LIST_CLASS } from "@/components/argument-map/map-markup";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const thesis = await loadOrNotFound(getThesisBySlug((await params).slug));
  return { title: `Map as a list — ${thesis.title}` };
}

/**
 * The map's tree as nested lists, with the drawing's links in the drawing's order: for screen readers and for
 * reading. Its own page, so the drawing's page does not carry every node twice.
 */
export default async function ArgumentMapListPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await getCurrentUser();
  const map = await loadOrNotFound(getArgumentMapMarkup(slug, viewer));
  const { thesis } = map;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">
        Map of the debate as a list: <Link href={debateHref(thesis.slug)} className="hover:underline">{thesis.title}</Link>
      </h1>
      <p className="text-sm text-slate-700">
        {map.aggregatedArguments > 0
          ? `${map.drawnArguments.toLocaleString("en")} of ${map.argumentCount.toLocaleString("en")} arguments, as on the map; “more arguments” entries open their branch.`
          : `All ${map.argumentCount.toLocaleString("en")} visible arguments, by branch, with their strength.`}
      </p>
      <p className="flex flex-wrap gap-x-4 text-sm">
        <Link href={`/t/${thesis.slug}/map`} className="text-blue-700 underline">
          Back to the map
        </Link>
        <Link href={debateHref(thesis.slug)} className="text-blue-700 underline">
          Back to the debate view
        </Link>
      </p>
      {/* Markup built from escaped text only: components/argument-map/map-markup.ts. */}
      <nav aria-label="The map as a list" className={`rounded-lg border border-slate-200 bg-white p-3 text-sm ${MAP_LIST_CLASS}`} dangerouslySetInnerHTML={{ __html: map.list }} />
    </div>
  );
}
