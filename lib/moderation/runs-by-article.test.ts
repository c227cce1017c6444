import { describe, expect, it } from "vitest";
import type { QueueItem } from "./queue-item";
import { runsByArticle } from "./runs-by-article";

const on = (id: number, articleId: number) => ({ id, article: { id: articleId, title: `Article ${articleId}` } }) as QueueItem;

describe("runsByArticle", () => {
  it("groups consecutive comments of one article under one heading, and starts a new one when the article changes back", () => {
    const runs = runsByArticle([on(1, 7), on(2, 7), on(3, 8), on(4, 7)]);
    expect(runs.map((run) => [run.articleId, run.start, run.items.map((item) => item.id)])).toEqual([
      [7, 0, [1, 2]],
      [8, 2, [3]],
      [7, 3, [4]],
    ]);
    expect(runsByArticle([])).toEqual([]);
  });
});
