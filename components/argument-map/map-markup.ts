import escapeHtml from "escape-html";
import type { MapNode } from "@/lib/argument-map/aggregate-map";
import type { MapLayout } from "@/lib/argument-map/layout-map";
import { MAP_COLOURS, nodeRadius, nodeShapePath, round } from "@/lib/argument-map/shapes";
import { debateHref } from "@/lib/debate-url";
import { stanceLabel } from "@/components/arguments/stance";

/**
 * The map's drawing and its list as markup strings, built once per version of the map and cached
 * (server/arguments/get-argument-map.ts): the page then sends them as two strings instead of rendering 600 nodes
 * per request. Everything from members goes through escapeHtml.
 */

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

/** Strength classes of the lines: one path per stance and class instead of one element per line. */
const WIDTHS = [0.75, 1.5, 2.25, 3.25];

function linkPaths({ nodes, links }: MapLayout): string {
  const paths = new Map<string, { d: string[]; stance: "PRO" | "CON" | null; width: number }>();
  for (const { from, to } of links) {
    const a = nodes[from]!;
    const b = nodes[to]!;
    const node = b.node;
    const stance = node.kind === "argument" ? node.row.stance : null;
    const width = node.kind === "argument" ? WIDTHS[Math.min(3, Math.floor(node.row.strength * 4))]! : WIDTHS[0]!;
    const key = `${stance}-${width}`;
    const path = paths.get(key) ?? { d: [], stance, width };
    path.d.push(`M${round(a.x)} ${round(a.y)}L${round(b.x)} ${round(b.y)}`);
    paths.set(key, path);
  }
  return [...paths.values()]
    .map(({ d, stance, width }) => {
      const dash = stance === "CON" ? ' stroke-dasharray="5 3"' : stance ? "" : ' stroke-dasharray="2 2"';
      return `<path d="${d.join("")}" stroke="${stance ? MAP_COLOURS[stance] : MAP_COLOURS.more}" stroke-width="${width}"${dash}/>`;
    })
    .join("");
}

/**
 * The contents of the map's <svg>: the lines from each node to its parent, then each node as a link. Shared
 * attributes sit on the enclosing group; a circle is a <circle>. Only the first ring carries visible words;
 * every node's words are its accessible name.
 */
export function renderMapDrawing(layout: MapLayout, slug: string, thesisTitle: string): string {
  const { nodes, links } = layout;
  const parentOf = new Map(links.map((l) => [l.to, l.from]));
  const labelOf = (i: number | undefined) => {
    const node = i === undefined ? null : nodes[i]!.node;
    return node?.kind === "argument" ? node.label : null;
  };
  const out: string[] = [`<g fill="none" aria-hidden="true" stroke-opacity="0.55">${linkPaths(layout)}</g><g stroke="#fff" fill-opacity="0.85">`];
  nodes.forEach(({ node, x, y, angle }, i) => {
    const name = escapeHtml(mapNodeName(node, thesisTitle, labelOf(parentOf.get(i))));
    // Argument nodes, nearly all of them, go unmarked: data-kind only tells the thesis and "+N more" nodes apart.
    const kind = node.kind === "argument" ? "" : ` data-kind="${node.kind}"`;
    const open = `<a href="${escapeHtml(mapNodeHref(slug, node))}" aria-label="${name}"${kind}>`;
    const [cx, cy] = [round(x), round(y)];
    if (node.kind === "more") {
      const count = node.count > 999 ? `${Math.round(node.count / 100) / 10}k` : String(node.count);
      out.push(
        `${open}<circle cx="${cx}" cy="${cy}" r="9" fill="#fff" fill-opacity="1" stroke="${MAP_COLOURS.more}" stroke-dasharray="2 2"/>` +
          `<text x="${cx}" y="${cy}" dy="0.35em" text-anchor="middle" font-size="7" fill="#334155" fill-opacity="1" stroke="none">+${count}</text></a>`,
      );
      return;
    }
    if (node.kind === "thesis") {
      out.push(`${open}<path d="${nodeShapePath("thesis", x, y, 18)}" fill="${MAP_COLOURS.thesis}" fill-opacity="1"/></a>`);
      return;
    }
    const { stance, strength } = node.row;
    const r = nodeRadius(strength);
    const shape =
      stance === "PRO" ? `<circle cx="${cx}" cy="${cy}" r="${round(r)}" fill="${MAP_COLOURS.PRO}"/>` : `<path d="${nodeShapePath(stance, x, y, r)}" fill="${MAP_COLOURS.CON}"/>`;
    let label = "";
    if (node.depth === 1) {
      // First-ring labels run outwards along their ray, turned so they never read upside down.
      const degrees = (angle * 180) / Math.PI - 90;
      const flip = angle > Math.PI;
      label =
        `<text transform="translate(${cx},${cy}) rotate(${round(flip ? degrees + 180 : degrees)})" x="${flip ? -(r + 4) : r + 4}" dy="0.35em"` +
        ` text-anchor="${flip ? "end" : "start"}" font-size="9" fill="#1e293b" fill-opacity="1" stroke="none">${escapeHtml(shorten(node.label, 24))}</text>`;
    }
    out.push(`${open}${shape}${label}</a>`);
  });
  out.push("</g>");
  return out.join("");
}

/** The classes of the list's container: spacing, wrapping and link hover for every level. */
export const MAP_LIST_CLASS = "[&_a]:hover:underline [&_li]:min-w-0 [&_li]:break-words [&_ul]:space-y-1";

/**
 * The map's structure as nested lists, the same links in the same order, for screen readers and for reading.
 * Built without recursion: a drawn branch can be hundreds of levels deep.
 */
export function renderMapList(root: MapNode, slug: string, thesisTitle: string): string {
  if (root.children.length === 0) return "";
  const out: string[] = [];
  type Frame = { node: MapNode; next: number };
  // Classes the items and links share are set once, on the container (MAP_LIST_CLASS).
  const open = (node: MapNode) => out.push(node.kind === "thesis" ? "<ul>" : '<ul class="mt-1 border-l border-slate-300 pl-3">');
  const stack: Frame[] = [{ node: root, next: 0 }];
  open(root);
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const { node } = frame;
    if (frame.next === node.children.length) {
      out.push("</ul>");
      stack.pop();
      if (stack.length) out.push("</li>");
      continue;
    }
    const child = node.children[frame.next++]!;
    const name = mapNodeName(child, thesisTitle, node.kind === "argument" ? node.label : null);
    const linkClass = child.kind === "more" ? ' class="text-blue-700 underline"' : "";
    out.push(`<li><a href="${escapeHtml(mapNodeHref(slug, child))}"${linkClass}>${escapeHtml(name)}</a>`);
    if (child.kind === "argument") out.push(` (strength ${child.row.strength.toFixed(2)})`);
    if (child.children.length > 0) {
      open(child);
      stack.push({ node: child, next: 0 });
    } else {
      out.push("</li>");
    }
  }
  return out.join("");
}
