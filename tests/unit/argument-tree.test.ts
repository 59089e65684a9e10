import { describe, expect, it } from "vitest";
import { buildArgumentTree, countDescendants, type FlatArgument } from "@/lib/argument-tree";
import { slugify } from "@/lib/slug";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const row = (id: string, parentId: string | null, minute: number, depth = 0): FlatArgument => ({
  id,
  parentId,
  stance: "PRO",
  depth,
  replyCount: 0,
  createdAt: at(minute),
});

describe("buildArgumentTree", () => {
  it("nests replies under their parents, oldest first, whatever the input order", () => {
    const tree = buildArgumentTree([row("c", "a", 3, 1), row("b", null, 2), row("a", null, 1), row("d", "c", 4, 2), row("e", "a", 2, 1)]);
    expect(tree.map((n) => n.id)).toEqual(["a", "b"]);
    expect(tree[0]!.children.map((n) => n.id)).toEqual(["e", "c"]);
    expect(tree[0]!.children[1]!.children.map((n) => n.id)).toEqual(["d"]);
    expect(countDescendants(tree[0]!)).toBe(3);
  });

  it("roots a branch at a chosen parent and ignores rows outside it", () => {
    const tree = buildArgumentTree([row("x", "p", 1, 1), row("y", "x", 2, 2)], "p");
    expect(tree.map((n) => n.id)).toEqual(["x"]);
    expect(tree[0]!.children[0]!.id).toBe("y");
  });

  it("breaks ties in creation time by id so the order is stable", () => {
    const tree = buildArgumentTree([row("b", null, 1), row("a", null, 1)]);
    expect(tree.map((n) => n.id)).toEqual(["a", "b"]);
  });
});

describe("slugify", () => {
  it("makes readable ASCII slugs", () => {
    expect(slugify("Putin cannot accept a peace deal that secures Ukrainian statehood")).toBe(
      "putin-cannot-accept-a-peace-deal-that-secures-ukrainian-statehood",
    );
    expect(slugify("Café — naïve?! ")).toBe("cafe-naive");
    expect(slugify("¿¡!?")).toBe("thesis");
    expect(slugify("word ".repeat(40)).length).toBeLessThanOrEqual(80);
  });
});
