import type { MapNode } from "@/lib/argument-map/aggregate-map";
import { mapNodeHref, mapNodeName } from "./argument-map-svg";

/** The map's structure as nested lists, the same links in the same order, for screen readers and for reading. */
export function MapList({ node, slug, thesisTitle }: { node: MapNode; slug: string; thesisTitle: string }) {
  if (node.children.length === 0) return null;
  const label = node.kind === "argument" ? node.label : null;
  return (
    <ul className={node.kind === "thesis" ? "space-y-1" : "mt-1 space-y-1 border-l border-slate-300 pl-3"}>
      {node.children.map((child) => (
        <li key={child.id} className="min-w-0 break-words">
          {/* Plain links, not next/link: hundreds of them, each a client component in the page's payload otherwise. */}
          <a href={mapNodeHref(slug, child)} className={child.kind === "more" ? "text-blue-700 underline" : "hover:underline"}>
            {mapNodeName(child, thesisTitle, label)}
          </a>
          {child.kind === "argument" && ` (strength ${child.row.strength.toFixed(2)})`}
          <MapList node={child} slug={slug} thesisTitle={thesisTitle} />
        </li>
      ))}
    </ul>
  );
}
