import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listQueue } from "./list-queue";
import { parseSuggestionCursor } from "./list-queue-by-suggestion";
import { makeArticle, makeComment } from "./test-factories";

async function walk(filters: Parameters<typeof listQueue>[0]["filters"], limit: number): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await listQueue({ tab: "pending", filters, cursor, limit });
    ids.push(...result.items.map((item) => item.id));
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return ids;
}

describe("the queue sorted by suggestion", () => {
  it("pages most-likely-hidden first, ties newest first, unpredicted comments last, losing and repeating nothing", async () => {
    const articleId = await makeArticle();
    const probabilities = [0.2, 0.97, null, 0.55, 0.97, null, 0.01, 0.8, 0.3333333333333333, null, 0.55];
    const made: { id: number; p: number | null }[] = [];
    for (const p of probabilities) {
      const { id } = await makeComment(articleId, { body: `comment ${made.length}` });
      made.push({ id, p });
      if (p !== null) {
        await db.commentSuggestion.create({ data: { commentId: id, modelId: 1, action: p >= 0.5 ? "HIDE" : "APPROVE", hideProbability: p, confidence: Math.max(p, 1 - p), words: [] } });
      }
    }
    // A decided comment with a stale prediction stays out of the pending tab.
    const decided = await makeComment(articleId, { body: "decided" });
    await db.comment.update({ where: { id: decided.id }, data: { status: "APPROVED" } });
    await db.commentSuggestion.create({ data: { commentId: decided.id, modelId: 1, action: "HIDE", hideProbability: 0.99, confidence: 0.99, words: [] } });

    const expected = [...made].sort((a, b) => (b.p ?? -1) - (a.p ?? -1) || b.id - a.id).map((c) => c.id);
    for (const limit of [1, 2, 3, 50]) expect(await walk({ article: articleId, sort: "suggestion" }, limit)).toEqual(expected);
    expect(await walk({ article: articleId, sort: "suggestion", q: "comment" }, 4)).toEqual(expected);
    expect(await walk({ article: articleId }, 50)).toHaveLength(made.length);
  });

  it("reads cursors strictly: anything malformed starts from the top", () => {
    expect(parseSuggestionCursor("s:0.3333333333333333:12")).toEqual({ part: "s", probability: 0.3333333333333333, id: 12 });
    expect(parseSuggestionCursor("n:7")).toEqual({ part: "n", id: 7 });
    for (const bad of [undefined, "", "s::3", "s:x:3", "n:0", "n:-1", "q:1", "s:0.5", "n:1:2"]) expect(parseSuggestionCursor(bad)).toBeNull();
  });
});
