import type { MapLayout } from "./layout-map";
import { MAP_COLOURS, nodeRadius, nodeShapePath, round } from "./shapes";

/**
 * The map's top levels as a standalone SVG image for the thesis page (an <img>, so the page itself carries a
 * few bytes whatever the debate's size). Shapes and lines only: no text, so nothing from members to escape.
 */
export function renderMapThumbnail({ nodes, links, viewBox }: MapLayout, size = 160): string {
  const lines = links
    .map(({ from, to }) => {
      const a = nodes[from]!;
      const b = nodes[to]!;
      const stance = b.node.kind === "argument" ? b.node.row.stance : null;
      return `<line x1="${round(a.x)}" y1="${round(a.y)}" x2="${round(b.x)}" y2="${round(b.y)}" stroke="${stance ? MAP_COLOURS[stance] : MAP_COLOURS.more}" stroke-opacity="0.6" stroke-width="2"${stance === "CON" ? ' stroke-dasharray="6 4"' : ""}/>`;
    })
    .join("");
  const shapes = nodes
    .map(({ node, x, y }) => {
      if (node.kind === "more") return `<circle cx="${round(x)}" cy="${round(y)}" r="6" fill="#fff" stroke="${MAP_COLOURS.more}" stroke-width="2"/>`;
      const kind = node.kind === "thesis" ? "thesis" : node.row.stance;
      const r = node.kind === "thesis" ? 22 : 2 + nodeRadius(node.row.strength);
      return `<path d="${nodeShapePath(kind, x, y, r)}" fill="${MAP_COLOURS[kind]}"/>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="${viewBox.map(round).join(" ")}"><g fill="none">${lines}</g>${shapes}</svg>`;
}
