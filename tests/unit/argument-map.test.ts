import { describe, expect, it } from "vitest";
import { aggregateMap, type MapNode, type MapRow } from "@/lib/argument-map/aggregate-map";
import { layoutMap } from "@/lib/argument-map/layout-map";
import { renderMapThumbnail } from "@/lib/argument-map/render-thumbnail";

const row = (id: string, parentId: string | null, strength = 0, stance: "PRO" | "CON" = "PRO"): MapRow => ({ id, parentId, stance, strength, opening: `Opening of ${id}` });

function walk(node: MapNode, visit: (node: MapNode, parent: MapNode | null) => void, parent: MapNode | null = null) {
  visit(node, parent);
  for (const child of node.children) walk(child, visit, node);
}

describe("aggregateMap", () => {
  it("draws a small debate whole, strongest siblings first", () => {
    const map = aggregateMap([row("a", null, 0.2), row("b", null, 0.9, "CON"), row("a1", "a", 0.5)]);
    expect(map).toMatchObject({ nodeCount: 4, drawnArguments: 3, aggregatedArguments: 0 });
    expect(map.root.children.map((c) => c.id)).toEqual(["b", "a"]);
    expect(map.root.children[1]!.children.map((c) => c.id)).toEqual(["a1"]);
  });

  it("keeps to the budget and counts every undrawn argument in a “+N more” node", () => {
    // 200 top-level arguments, each with a chain of 3 replies: 800 arguments.
    const rows: MapRow[] = [];
    for (let i = 0; i < 200; i++) {
      rows.push(row(`t${i}`, null, i / 200));
      for (let d = 1; d <= 3; d++) rows.push(row(`t${i}-${d}`, d === 1 ? `t${i}` : `t${i}-${d - 1}`));
    }
    for (const budget of [2, 3, 10, 101, 600]) {
      const map = aggregateMap(rows, { budget });
      let nodes = 0;
      let drawn = 0;
      let counted = 0;
      walk(map.root, (node) => {
        nodes++;
        if (node.kind === "argument") drawn++;
        if (node.kind === "more") counted += node.count;
      });
      expect(nodes).toBe(map.nodeCount);
      expect(nodes).toBeLessThanOrEqual(budget);
      expect(drawn + counted).toBe(800);
      expect(map.drawnArguments).toBe(drawn);
    }
    // The strongest top-level arguments are the ones drawn.
    const small = aggregateMap(rows, { budget: 10 });
    expect(small.root.children[0]!.id).toBe("t199");
    expect(small.root.children.at(-1)).toMatchObject({ kind: "more", parentId: null });
  });

  it("leaves out the branch of an argument whose parent is not among the rows (hidden)", () => {
    const map = aggregateMap([row("a", null), row("orphan", "hidden"), row("orphan-reply", "orphan")]);
    expect(map.drawnArguments + map.aggregatedArguments).toBe(1);
  });

  it("handles a chain thousands of levels deep without recursion limits", () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => row(`c${i}`, i === 0 ? null : `c${i - 1}`));
    const map = aggregateMap(rows, { budget: 100 });
    expect(map.nodeCount).toBeLessThanOrEqual(100);
    expect(map.drawnArguments + map.aggregatedArguments).toBe(5_000);
  });
});

describe("layoutMap", () => {
  it("puts the thesis in the centre and every node inside the view box, one link per non-root node", () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(`n${i}`, i < 20 ? null : `n${Math.floor(i / 3)}`, (i % 7) / 7, i % 2 ? "CON" : "PRO"));
    const map = aggregateMap(rows);
    const layout = layoutMap(map.root);
    const [minX, minY, w, h] = layout.viewBox;
    expect(layout.nodes[0]).toMatchObject({ x: 0, y: 0, depth: 0 });
    expect(layout.nodes).toHaveLength(map.nodeCount);
    expect(layout.links).toHaveLength(map.nodeCount - 1);
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThan(minX);
      expect(n.x).toBeLessThan(minX + w);
      expect(n.y).toBeGreaterThan(minY);
      expect(n.y).toBeLessThan(minY + h);
    }
  });
});

describe("renderMapThumbnail", () => {
  it("draws one shape per node and one line per link, and no member's text", () => {
    const rows = [row("a", null, 0.5), { ...row("b", null, 0.2, "CON"), opening: "<script>alert(1)</script>" }, row("a1", "a")];
    const layout = layoutMap(aggregateMap(rows).root);
    const svg = renderMapThumbnail(layout);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(4);
    expect(svg.match(/<line /g)).toHaveLength(3);
    expect(svg).not.toContain("script");
    expect(svg).not.toContain("Opening");
  });
});
