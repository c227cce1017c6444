import { describe, expect, it } from "vitest";
import { flattenThread, type TreeNode } from "./flatten-thread";

const node = (item: string, replies: TreeNode<string>[] = []): TreeNode<string> => ({ item, replies });

describe("flattening a thread", () => {
  it("puts each reply after its parent, with its depth", () => {
    const thread = [node("a", [node("a1", [node("a1x")]), node("a2")]), node("b")];
    expect(flattenThread(thread)).toEqual({ items: ["a", "a1", "a1x", "a2", "b"], depths: [0, 1, 2, 1, 0] });
  });

  it("survives a reply chain 10,000 deep", () => {
    let deepest = node("leaf");
    for (let index = 0; index < 10_000; index++) deepest = node(`n${index}`, [deepest]);
    const flat = flattenThread([deepest]);
    expect(flat.items).toHaveLength(10_001);
    expect(flat.depths.at(-1)).toBe(10_000);
  });
});
