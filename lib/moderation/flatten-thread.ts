// A thread as one list in reading order (each reply after its parent) with each comment's depth:
// the keyboard's j/k then walk it as a reader scrolls it.

export interface TreeNode<T> {
  item: T;
  replies: TreeNode<T>[];
}

export function flattenThread<T>(nodes: TreeNode<T>[]): { items: T[]; depths: number[] } {
  const items: T[] = [];
  const depths: number[] = [];
  // An explicit stack: a reply chain thousands deep must not overflow the call stack.
  const stack: { node: TreeNode<T>; depth: number }[] = nodes.map((node) => ({ node, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    items.push(node.item);
    depths.push(depth);
    for (let index = node.replies.length - 1; index >= 0; index--) stack.push({ node: node.replies[index]!, depth: depth + 1 });
  }
  return { items, depths };
}
