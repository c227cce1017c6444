import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listQueueFilterOptions } from "./list-queue-filter-options";
import { uniqueId } from "./test-factories";

const article = (publishedAt: Date | null) => db.article.create({ data: { key: uniqueId("choice"), title: uniqueId("title"), body: "text", publishedAt }, select: { id: true } }).then((row) => row.id);

describe("the queue's article choices", () => {
  it("are the newest published articles first (ties: newest id), then unpublished ones, newest first", async () => {
    const far = new Date("2099-01-02T00:00:00Z");
    const [tieOlderId, tieNewerId, newest] = [await article(far), await article(far), await article(new Date("2099-01-03T00:00:00Z"))];
    await article(null);
    const { articles } = await listQueueFilterOptions();
    expect(articles.slice(0, 3).map((row) => row.id)).toEqual([newest, tieNewerId, tieOlderId]);
    // Whatever else the database holds: the order is publishedAt DESC NULLS LAST, id DESC.
    const times = new Map((await db.article.findMany({ where: { id: { in: articles.map((row) => row.id) } }, select: { id: true, publishedAt: true } })).map((row) => [row.id, row.publishedAt?.getTime() ?? null]));
    const expected = [...articles].sort((x, y) => {
      const [a, b] = [times.get(x.id) ?? null, times.get(y.id) ?? null];
      if (a !== b) return a === null ? 1 : b === null ? -1 : b - a;
      return y.id - x.id;
    });
    expect(articles).toEqual(expected);
    expect(articles.length).toBe(Math.min(200, await db.article.count()));
  });

  it("keep the article the queue is filtered by, however old, and say when older articles are not listed", async () => {
    const old = await article(new Date("1990-01-01T00:00:00Z"));
    await db.article.createMany({ data: Array.from({ length: 201 }, () => ({ key: uniqueId("newer"), title: uniqueId("title"), body: "text", publishedAt: new Date("2098-06-01T00:00:00Z") })) });
    const unfiltered = await listQueueFilterOptions();
    expect(unfiltered.articles).toHaveLength(200);
    expect(unfiltered.hasOlderArticles).toBe(true);
    expect(unfiltered.articles.some((row) => row.id === old)).toBe(false);

    const filtered = await listQueueFilterOptions(old);
    expect(filtered.articles[0]?.id).toBe(old);
    expect(filtered.articles).toHaveLength(201);
    // An id that names no article adds nothing (the queue shows its own "not understood" notice).
    expect((await listQueueFilterOptions(2_000_000_000)).articles).toHaveLength(200);
  });
});
