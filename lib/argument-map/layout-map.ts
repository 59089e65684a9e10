import { hierarchy, tree } from "d3-hierarchy";
import type { MapNode } from "./aggregate-map";

export interface PlacedNode {
  node: MapNode;
  x: number;
  y: number;
  /** Angle around the thesis, radians from 12 o'clock clockwise (labels are turned to read outwards). */
  angle: number;
  depth: number;
}

export interface MapLayout {
  nodes: PlacedNode[];
  /** Parent → child, as indexes into `nodes`. */
  links: { from: number; to: number }[];
  /** Square viewBox around the drawing: [minX, minY, size, size]. */
  viewBox: [number, number, number, number];
}

/** Distance between rings: one ring per level of replies. */
export const RING = 110;

/**
 * A radial tree (d3-hierarchy's Reingold–Tilford "tidy" tree bent around the thesis), as in Kialo's sunburst:
 * the thesis in the centre, its arguments on the first ring, their replies further out. Siblings keep the order
 * they come in (strongest first). Subtrees get angle in proportion to their leaves, so a crowded branch spreads.
 */
export function layoutMap(root: MapNode): MapLayout {
  const h = hierarchy<MapNode>(root, (node) => node.children);
  const leaves = h.leaves().length;
  const depth = h.height;
  // Enough circumference on the outer ring for every leaf to keep ~14 units of arc apart.
  const radius = Math.max(depth * RING, (leaves * 14) / (2 * Math.PI), RING);
  const placed = tree<MapNode>()
    .size([2 * Math.PI, radius])
    .separation((a, b) => (a.parent === b.parent ? 1 : 2) / Math.max(1, a.depth))(h);
  const nodes: PlacedNode[] = [];
  const links: { from: number; to: number }[] = [];
  const index = new Map<object, number>();
  placed.each((p) => {
    index.set(p, nodes.length);
    // tree() spaces the levels evenly over `radius`: p.y is the distance from the thesis.
    const r = p.y;
    nodes.push({ node: p.data, angle: p.x, depth: p.depth, x: r * Math.sin(p.x), y: -r * Math.cos(p.x) });
    if (p.parent) links.push({ from: index.get(p.parent)!, to: nodes.length - 1 });
  });
  const extent = radius + 60;
  return { nodes, links, viewBox: [-extent, -extent, 2 * extent, 2 * extent] };
}
