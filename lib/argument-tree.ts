/** Fields the tree needs from each argument; the server adds rendered HTML before handing nodes to React. */
export interface FlatArgument {
  id: string;
  parentId: string | null;
  stance: "PRO" | "CON";
  depth: number;
  replyCount: number;
  createdAt: Date;
}

export type TreeNode<T extends FlatArgument> = T & { children: TreeNode<T>[] };

/**
 * Builds the reply tree from one flat query result in O(n). `rootParentId` is the parent of the top level
 * shown (null for the thesis, an argument id for a focused branch). Siblings keep creation order, oldest first,
 * with the id as a stable tie-break.
 */
export function buildArgumentTree<T extends FlatArgument>(
  rows: T[],
  rootParentId: string | null = null,
  /** Sibling order; lib/scoring/sort.ts provides "best" (Wilson), "newest" and "most disputed". */
  compare?: (a: T, b: T) => number,
): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const row of rows) nodes.set(row.id, { ...row, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    if (node.parentId === rootParentId) roots.push(node);
    else nodes.get(node.parentId ?? "")?.children.push(node);
  }
  const order = (a: TreeNode<T>, b: TreeNode<T>) =>
    a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sibling = compare ?? order;
  for (const node of nodes.values()) node.children.sort(sibling);
  return roots.sort(sibling);
}

/** Number of arguments in a subtree below `node` that are loaded. */
export function countDescendants<T extends FlatArgument>(node: TreeNode<T>): number {
  return node.children.reduce((sum, child) => sum + 1 + countDescendants(child), 0);
}
