import type { MapNode } from "@/lib/argument-map/aggregate-map";
import type { MapLayout } from "@/lib/argument-map/layout-map";
import { MAP_COLOURS, nodeRadius, nodeShapePath, round } from "@/lib/argument-map/shapes";
import { debateHref } from "@/lib/debate-url";
import { stanceLabel } from "@/components/arguments/stance";

/** Where a node leads: an argument to its focus, a "+N more" node to the branch it belongs to. */
export function mapNodeHref(slug: string, node: MapNode): string {
  if (node.kind === "argument") return debateHref(slug, { argumentId: node.id });
  if (node.kind === "more") return node.parentId ? debateHref(slug, { argumentId: node.parentId }) : `/t/${slug}/outline`;
  return debateHref(slug);
}

/** The accessible name of a node: its stance and opening words, or what a "+N more" node stands for. */
export function mapNodeName(node: MapNode, thesisTitle: string, parentLabel: string | null): string {
  if (node.kind === "argument") return `${stanceLabel(node.row.stance, node.depth > 1)}: ${node.label}`;
  if (node.kind === "more") {
    const what = `${node.count.toLocaleString("en")} more ${node.count === 1 ? "argument" : "arguments"}`;
    return parentLabel ? `${what} under “${parentLabel.slice(0, 60)}”` : `${what} on the thesis`;
  }
  return `The thesis: ${thesisTitle}`;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * The map's drawing (the contents of its <svg>): a line from each node to its parent, then each node as a link.
 * Only the first ring carries visible words; every node's words are its accessible name and its tooltip.
 */
export function ArgumentMapDrawing({ layout, slug, thesisTitle }: { layout: MapLayout; slug: string; thesisTitle: string }) {
  const { nodes, links } = layout;
  const labelOf = (i: number) => {
    const node = nodes[i]!.node;
    return node.kind === "argument" ? node.label : null;
  };
  const parentOf = new Map(links.map((l) => [l.to, l.from]));
  return (
    <>
      <g fill="none" aria-hidden="true">
        {links.map(({ from, to }) => {
          const a = nodes[from]!;
          const b = nodes[to]!;
          const node = b.node;
          const stance = node.kind === "argument" ? node.row.stance : null;
          return (
            <line
              key={to}
              x1={round(a.x)}
              y1={round(a.y)}
              x2={round(b.x)}
              y2={round(b.y)}
              stroke={stance ? MAP_COLOURS[stance] : MAP_COLOURS.more}
              strokeOpacity={0.55}
              strokeWidth={node.kind === "argument" ? round(0.75 + 2.5 * node.row.strength) : 0.75}
              strokeDasharray={stance === "CON" ? "5 3" : stance ? undefined : "2 2"}
            />
          );
        })}
      </g>
      {nodes.map((placed, i) => {
        const { node, x, y, angle } = placed;
        const parent = parentOf.get(i);
        const name = mapNodeName(node, thesisTitle, parent === undefined ? null : labelOf(parent));
        const href = mapNodeHref(slug, node);
        if (node.kind === "more") {
          return (
            <a key={node.id} href={href} aria-label={name} className="map-node" data-testid="map-node" data-kind="more">
              <title>{name}</title>
              <circle cx={round(x)} cy={round(y)} r={9} fill="#fff" stroke={MAP_COLOURS.more} strokeDasharray="2 2" />
              <text x={round(x)} y={round(y)} dy="0.35em" textAnchor="middle" fontSize={7} fill="#334155">
                +{node.count > 999 ? `${Math.round(node.count / 100) / 10}k` : node.count}
              </text>
            </a>
          );
        }
        const kind = node.kind === "thesis" ? "thesis" : node.row.stance;
        const r = node.kind === "thesis" ? 18 : nodeRadius(node.row.strength);
        // First-ring labels run outwards along their ray, turned so they never read upside down.
        const degrees = (angle * 180) / Math.PI - 90;
        const flip = angle > Math.PI;
        return (
          <a key={node.id} href={href} aria-label={name} className="map-node" data-testid="map-node" data-kind={node.kind}>
            <title>{name}</title>
            <path d={nodeShapePath(kind, x, y, r)} fill={MAP_COLOURS[kind]} fillOpacity={node.kind === "thesis" ? 1 : 0.85} stroke="#fff" strokeWidth={1} />
            {node.kind === "argument" && node.depth === 1 && (
              <text
                transform={`translate(${round(x)},${round(y)}) rotate(${round(flip ? degrees + 180 : degrees)})`}
                x={flip ? -(r + 4) : r + 4}
                dy="0.35em"
                textAnchor={flip ? "end" : "start"}
                fontSize={9}
                fill="#1e293b"
              >
                {shorten(node.label, 24)}
              </text>
            )}
          </a>
        );
      })}
    </>
  );
}
