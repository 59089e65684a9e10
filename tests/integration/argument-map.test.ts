import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getArgumentMap } from "@/server/arguments/get-argument-map";
import { generateDebate } from "@/server/seed/generate-debate";
import { MAP_NODE_BUDGET, type MapNode } from "@/lib/argument-map/aggregate-map";
import { renderMapDrawing, renderMapList } from "@/components/argument-map/map-markup";
import { countQueries } from "../support/count-queries";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

function collect(root: MapNode) {
  const drawn: string[] = [];
  let aggregated = 0;
  let nodes = 0;
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    nodes++;
    if (node.kind === "argument") drawn.push(node.id);
    if (node.kind === "more") aggregated += node.count;
    stack.push(...node.children);
  }
  return { drawn, aggregated, nodes };
}

describe("argument map", () => {
  it("draws 10 and 500 arguments whole and 10,000 within the node budget, every argument drawn or counted", async () => {
    const author = await makeUser();
    const tag = randomUUID().slice(0, 6);
    const queryCounts: number[] = [];
    for (const [size, wholly] of [[10, true], [500, true], [10_000, false]] as const) {
      const debate = await generateDebate({ slug: `map-${tag}-${size}`, size, authorIds: [author.id], seed: size });
      const started = performance.now();
      const map = await getArgumentMap(debate.slug, null);
      const ms = performance.now() - started;
      const { drawn, aggregated, nodes } = collect(map.root);
      expect(map.argumentCount).toBe(size);
      expect(nodes).toBe(map.nodeCount);
      expect(nodes).toBeLessThanOrEqual(MAP_NODE_BUDGET);
      expect(new Set(drawn).size).toBe(drawn.length);
      expect(drawn.length + aggregated).toBe(size);
      expect(map.layout.nodes).toHaveLength(nodes);
      if (wholly) expect(aggregated).toBe(0);
      else expect(nodes).toBeGreaterThan(MAP_NODE_BUDGET * 0.9);
      // The thesis (with its author and topics), then the whole tree in one: the same count whatever the size.
      queryCounts.push(await countQueries(() => getArgumentMap(debate.slug, null)));
      console.log(`map of ${size} arguments: ${nodes} nodes, ${drawn.length} drawn, ${aggregated} in "+N more", loaded and laid out in ${ms.toFixed(0)} ms`);
    }
    expect(queryCounts[0]).toBeLessThanOrEqual(5);
    expect(new Set(queryCounts).size).toBe(1);
  }, 180_000);

  it("leaves hidden arguments and their branches off the map, for every viewer", async () => {
    const owner = await makeUser();
    const thesis = await makeThesis(owner);
    const kept = await makeArgument(owner, { thesisId: thesis.id, body: "Kept argument **in bold**" });
    const reply = await makeArgument(owner, { thesisId: thesis.id, parentId: kept.id, stance: "CON", body: "Kept rebuttal" });
    const hidden = await makeArgument(owner, { thesisId: thesis.id, stance: "CON", body: "Hidden argument text" });
    const underHidden = await makeArgument(owner, { thesisId: thesis.id, parentId: hidden.id, body: "Reply under the hidden one" });
    await db.argument.update({ where: { id: hidden.id }, data: { status: "HIDDEN" } });
    for (const viewer of [null, { id: owner.id, role: "USER" as const }]) {
      const map = await getArgumentMap(thesis.slug, viewer);
      const { drawn, aggregated } = collect(map.root);
      expect(drawn.sort()).toEqual([kept.id, reply.id].sort());
      expect(aggregated).toBe(0);
      expect(drawn).not.toContain(underHidden.id);
      expect(JSON.stringify(map.root)).not.toContain("Hidden argument text");
    }
    const map = await getArgumentMap(thesis.slug, null);
    // Labels are plain text: Markdown is rendered away.
    expect(map.root.children[0]).toMatchObject({ kind: "argument", label: "Kept argument in bold" });
  });

  it("renders the cached markup with member text escaped, and the list carries the drawing's links", async () => {
    const owner = await makeUser();
    const thesis = await makeThesis(owner, `Quotes "and" <b>tags</b> ${randomUUID().slice(0, 6)}`);
    const first = await makeArgument(owner, { thesisId: thesis.id, body: 'An "attribute" breaker <script>alert(1)</script> & more' });
    await makeArgument(owner, { thesisId: thesis.id, parentId: first.id, stance: "CON", body: "<img src=x onerror=alert(2)> reply" });
    const map = await getArgumentMap(thesis.slug, null);
    const drawing = renderMapDrawing(map.layout, thesis.slug, map.thesis.title);
    const list = renderMapList(map.root, thesis.slug, map.thesis.title);
    for (const markup of [drawing, list]) {
      expect(markup).not.toMatch(/<script|<img|<b>/);
      expect(markup).toContain("&lt;script&gt;");
    }
    expect(drawing).toContain("&quot;attribute&quot;");
    const hrefs = (markup: string) => [...markup.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs(drawing)).toEqual([`/t/${thesis.slug}`, `/t/${thesis.slug}/a/${first.id}`, expect.stringMatching(new RegExp(`^/t/${thesis.slug}/a/`))]);
    expect(hrefs(list)).toEqual(hrefs(drawing).slice(1));
    // Nested lists close in order: one <ul> per node with replies.
    expect(list.match(/<ul/g)).toHaveLength(2);
    expect(list.match(/<\/ul>/g)).toHaveLength(2);
  });
});

