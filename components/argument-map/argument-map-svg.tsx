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

/** Strength classes of the lines: one path per stance and class instead of one element per line (bytes, ×2 with RSC). */
const WIDTHS = [0.75, 1.5, 2.25, 3.25];

function linkPaths({ nodes, links }: MapLayout) {
  const paths = new Map<string, { key: string; d: string[]; stance: "PRO" | "CON" | null; width: number }>();
  for (const { from, to } of links) {
    const a = nodes[from]!;
    const b = nodes[to]!;
    const node = b.node;
    const stance = node.kind === "argument" ? node.row.stance : null;
    const width = node.kind === "argument" ? WIDTHS[Math.min(3, Math.floor(node.row.strength * 4))]! : WIDTHS[0]!;
    const key = `${stance}-${width}`;
    const path = paths.get(key) ?? { key, d: [], stance, width };
    path.d.push(`M${round(a.x)} ${round(a.y)}L${round(b.x)} ${round(b.y)}`);
    paths.set(key, path);
  }
  return [...paths.values()].map((p) => ({ ...p, d: p.d.join("") }));
}

/**
 * The map's drawing (the contents of its <svg>): a line from each node to its parent, then each node as a link.
 * Only the first ring carries visible words; every node's words are its accessible name.
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
      <g fill="none" aria-hidden="true" strokeOpacity={0.55}>
        {linkPaths(layout).map(({ key, d, stance, width }) => (
          <path
            key={key}
            d={d}
            stroke={stance ? MAP_COLOURS[stance] : MAP_COLOURS.more}
            strokeWidth={width}
            strokeDasharray={stance === "CON" ? "5 3" : stance ? undefined : "2 2"}
          />
        ))}
      </g>
      {nodes.map((placed, i) => {
        const { node, x, y, angle } = placed;
        const parent = parentOf.get(i);
        const name = mapNodeName(node, thesisTitle, parent === undefined ? null : labelOf(parent));
        const href = mapNodeHref(slug, node);
        if (node.kind === "more") {
          return (
            <a key={node.id} href={href} aria-label={name} data-kind="more">
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
          <a key={node.id} href={href} aria-label={name} data-kind={node.kind}>
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
