import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/server/auth/current-user";
import { getArgumentMapMarkup } from "@/server/arguments/get-argument-map";
import { getThesisBySlug } from "@/server/theses/get-thesis-page";
import { loadOrNotFound } from "@/server/load-or-not-found";
import { debateHref } from "@/lib/debate-url";
import { MAP_COLOURS, nodeShapePath } from "@/lib/argument-map/shapes";
import { MapViewport } from "@/components/argument-map/map-viewport";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const thesis = await loadOrNotFound(getThesisBySlug((await params).slug));
  return { title: `Map — ${thesis.title}` };
}

/**
 * The whole thesis as one picture: a radial tree of its visible arguments, each node a link to its focus view,
 * cut to a fixed number of nodes at any size (branches beyond it become "+N more" nodes). The same tree as nested
 * lists is its own page (map/list), so this one does not send every node twice. The drawing arrives as cached
 * markup (getArgumentMapMarkup): rendering 600 nodes per request is what the page's cost would otherwise be.
 */
export default async function ArgumentMapPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await getCurrentUser();
  const map = await loadOrNotFound(getArgumentMapMarkup(slug, viewer));
  const { thesis } = map;
  const aggregated = map.aggregatedArguments > 0;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">
        Map of the debate: <Link href={debateHref(thesis.slug)} className="hover:underline">{thesis.title}</Link>
      </h1>
      <p className="text-sm text-slate-700">
        The thesis is in the centre, its arguments on the first ring and their replies further out.{" "}
        <Legend /> Bigger shapes and thicker lines carry more strength. Each shape opens its argument.
        {aggregated &&
          ` ${map.drawnArguments.toLocaleString("en")} of ${map.argumentCount.toLocaleString("en")} arguments are drawn; the rest are counted in “+N more” circles that open their branch.`}
      </p>
      <p className="flex flex-wrap gap-x-4 text-sm">
        <Link href={debateHref(thesis.slug)} className="text-blue-700 underline">
          Back to the debate view
        </Link>
        <Link href={`/t/${thesis.slug}/outline`} className="text-blue-700 underline">
          Read as an outline
        </Link>
        <Link href={`/t/${thesis.slug}/map/list`} className="text-blue-700 underline">
          The map as a list
        </Link>
      </p>
      <MapViewport viewBox={map.viewBox} label={`Argument map of “${thesis.title}”, ${map.argumentCount} arguments`}>
        {/* Markup built from escaped text only: components/argument-map/map-markup.ts. */}
        <g dangerouslySetInnerHTML={{ __html: map.drawing }} />
      </MapViewport>
    </div>
  );
}

function Legend() {
  const swatch = (kind: "PRO" | "CON" | "thesis") => (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" className="inline align-[-1px]">
      <path d={nodeShapePath(kind, 6, 6, 5)} fill={MAP_COLOURS[kind]} />
    </svg>
  );
  return (
    <>
      {swatch("thesis")} The thesis is a diamond, {swatch("PRO")} arguments for it and supporting replies are circles with solid lines,{" "}
      {swatch("CON")} arguments against and rebuttals are squares with dashed lines.
    </>
  );
}
