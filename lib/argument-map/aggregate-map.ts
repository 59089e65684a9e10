/**
 * Which arguments the map draws. A debate of any size becomes a tree of at most `budget` nodes: levels are
 * filled from the thesis outwards, strongest siblings first, and whatever does not fit under a node becomes one
 * "+N more" node that counts every argument it stands for (its links lead to the branch's focus view).
 */

export interface MapRow {
  id: string;
  parentId: string | null;
  stance: "PRO" | "CON";
  strength: number;
  /** The first characters of the body, as stored (Markdown). */
  opening: string;
}

export type MapNode =
  | { kind: "thesis"; id: "thesis"; children: MapNode[] }
  | { kind: "argument"; id: string; row: MapRow; depth: number; children: MapNode[]; /** Its opening words, plain text. */ label: string }
  | {
      kind: "more";
      /** Unique among the nodes: the id of the branch it belongs to, prefixed. */
      id: string;
      /** The argument whose remaining replies it stands for; null under the thesis. */
      parentId: string | null;
      /** Arguments it stands for: the undrawn siblings and everything below them. */
      count: number;
      depth: number;
      children: [];
    };

/** Enough to read 500 arguments without aggregation, and a picture that still renders fast at any size. */
export const MAP_NODE_BUDGET = 600;

export interface AggregatedMap {
  root: MapNode;
  /** Nodes in the tree, the thesis and "+N more" nodes included (≤ budget). */
  nodeCount: number;
  drawnArguments: number;
  /** Arguments counted in "+N more" nodes. */
  aggregatedArguments: number;
}

/**
 * `rows` may come in any order. Rows whose parent is not among them (a hidden argument's replies) are left out
 * with their branch: the map shows what the thesis's strength is computed from, the visible tree.
 */
export function aggregateMap(
  rows: MapRow[],
  { budget = MAP_NODE_BUDGET, label = (row) => row.opening }: { budget?: number; label?: (row: MapRow) => string } = {},
): AggregatedMap {
  if (budget < 2) throw new Error("A map needs room for the thesis and one more node.");
  const children = new Map<string | null, MapRow[]>();
  for (const row of rows) {
    const list = children.get(row.parentId);
    if (list) list.push(row);
    else children.set(row.parentId, [row]);
  }
  for (const list of children.values()) list.sort((a, b) => b.strength - a.strength || (a.id < b.id ? -1 : 1));

  // Arguments in each branch, computed without recursion (debates can be deep).
  const branchSize = new Map<string, number>();
  const order: MapRow[] = [];
  const stack = [...(children.get(null) ?? [])];
  while (stack.length) {
    const row = stack.pop()!;
    order.push(row);
    stack.push(...(children.get(row.id) ?? []));
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const row = order[i]!;
    branchSize.set(row.id, 1 + (children.get(row.id) ?? []).reduce((sum, kid) => sum + branchSize.get(kid.id)!, 0));
  }

  const root: MapNode = { kind: "thesis", id: "thesis", children: [] };
  // Every drawn node with replies holds one slot in reserve, so its "+N more" node always fits.
  let used = 1;
  let reserved = children.has(null) ? 1 : 0;
  let drawnArguments = 0;
  let aggregatedArguments = 0;
  const queue: { node: Exclude<MapNode, { kind: "more" }>; id: string | null; depth: number }[] = [{ node: root, id: null, depth: 0 }];
  for (let head = 0; head < queue.length; head++) {
    const { node, id, depth } = queue[head]!;
    const kids = children.get(id);
    if (!kids) continue;
    reserved--;
    let free = budget - used - reserved;
    let drawn = 0;
    for (const kid of kids) {
      const cost = children.has(kid.id) ? 2 : 1;
      const last = drawn === kids.length - 1;
      if (free - cost < (last ? 0 : 1)) break;
      // Labels only for drawn nodes: turning Markdown into text is the costly part at 10,000 rows.
      const child: Exclude<MapNode, { kind: "more" }> = { kind: "argument", id: kid.id, row: kid, depth: depth + 1, children: [], label: label(kid) };
      node.children.push(child);
      queue.push({ node: child, id: kid.id, depth: depth + 1 });
      free -= cost;
      used++;
      if (cost === 2) reserved++;
      drawn++;
    }
    drawnArguments += drawn;
    if (drawn < kids.length) {
      const count = kids.slice(drawn).reduce((sum, kid) => sum + branchSize.get(kid.id)!, 0);
      node.children.push({ kind: "more", id: `more-${id ?? "thesis"}`, parentId: id, count, depth: depth + 1, children: [] });
      used++;
      aggregatedArguments += count;
    }
  }
  return { root, nodeCount: used, drawnArguments, aggregatedArguments };
}
