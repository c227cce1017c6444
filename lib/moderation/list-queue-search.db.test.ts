import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decideComment } from "./decide-comment";
import { SEARCH_COLLECT_LIMIT } from "./search-queue-page";
import type { QueueTab } from "./schemas";
import { makeArticle, makeComment, makeModerator, uniqueId, walkQueue } from "./test-factories";

// A search's pages past the first start inside a range of the tab's order (the rest of the
// cursor's priority, or the decided comments before the ones without a decision time); its steps
// walk those ranges with a row budget, and the index serves only its selective terms (every term
// is tested on each row). Every page must be the plain ordered filter's.


const token = (prefix: string) => `${prefix}${uniqueId("").replace(/\W/g, "")}`;

interface Corpus {
  articleId: number;
  /** Every comment has `word`; `third` is in one in 3, `tenth` in one in 10, `rare` in one in 500; one in 11 has no ABUSIVE flag. */
  words: { word: string; third: string; tenth: string; rare: string };
  bodies: Map<number, { words: Set<string>; abusive: boolean }>;
}

/**
 * More comments than one collect, with ties in priority, time and decision time. Decided ones
 * get a decision time except one in 7 (an import's auto-hide), which form a range of their own.
 */
async function seed(status: "PENDING" | "HIDDEN", count: number): Promise<Corpus> {
  const articleId = await makeArticle();
  const words = { word: token("w"), third: token("t"), tenth: token("x"), rare: token("r") };
  const prefix = `test:id:${uniqueId("ranges")}:`;
  await db.$executeRaw`
    INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt", status, priority, "decidedAt", "flagCategories")
    SELECT ${articleId}, 'test', ${prefix}::text || g, md5(g::text), 'reader' || g,
           concat_ws(' ', ${words.word}::text, CASE WHEN g % 3 = 0 THEN ${words.third}::text END, CASE WHEN g % 10 = 0 THEN ${words.tenth}::text END,
                     CASE WHEN g % 500 = 0 THEN ${words.rare}::text END, 'comment', g::text),
           timestamp '2015-07-23' + (g % 40) * interval '1 minute', ${status}::"CommentStatus", (g % 4) * 10,
           CASE WHEN ${status}::text <> 'PENDING' AND g % 7 <> 0 THEN timestamp '2015-07-24' + (g % 30) * interval '1 minute' END,
           CASE WHEN g % 11 = 0 THEN '{}' ELSE '{ABUSIVE}' END::"RuleCategory"[]
    FROM generate_series(1, ${count}::int) g`;
  // Statistics for search-candidates.ts: common words go unindexed, then are tested on each row.
  await db.$executeRaw`ANALYZE comment`;
  const rows = await db.comment.findMany({ where: { articleId }, select: { id: true, body: true, flagCategories: true } });
  const bodies = new Map(rows.map((row) => [row.id, { words: new Set(row.body.split(" ")), abusive: row.flagCategories.includes("ABUSIVE") }]));
  return { articleId, words, bodies };
}

/** The plain ordered filter (no search) restricted to the comments a predicate accepts. */
async function expected(corpus: Corpus, tab: QueueTab, accepts: (comment: { words: Set<string>; abusive: boolean }) => boolean): Promise<number[]> {
  return (await walkQueue(tab, { article: corpus.articleId }, 500)).filter((id) => accepts(corpus.bodies.get(id)!));
}

describe("search pages across the ranges of the tab's order", () => {
  it("Pending: dense and sparse searches, with and without a category, page like the plain filter", async () => {
    const corpus = await seed("PENDING", SEARCH_COLLECT_LIMIT + 1_000);
    const { word, third, tenth, rare } = corpus.words;
    // Dense: more matches than one collect, so pages after the first walk from inside a priority.
    const dense = await walkQueue("pending", { article: corpus.articleId, q: `${word} -${tenth}` }, 50);
    expect(dense).toEqual(await expected(corpus, "pending", (c) => !c.words.has(tenth)));
    expect(dense.length).toBeGreaterThan(SEARCH_COLLECT_LIMIT);
    // Without another filter the statistics' density may send it to the walk first: same pages.
    expect(await walkQueue("pending", { q: `${word} -${tenth}` }, 50)).toEqual(dense);
    expect(await walkQueue("pending", { q: `${word} ${third} -${word}` }, 50)).toEqual([]);
    // One in 30 (two words, one with an exclusion): the probe's hits expect a page within a few
    // thousand rows, so the walk comes before the index; the exclusions go to the index otherwise.
    expect(await walkQueue("pending", { article: corpus.articleId, q: `${third} ${tenth}` }, 50)).toEqual(await expected(corpus, "pending", (c) => c.words.has(third) && c.words.has(tenth)));
    expect(await walkQueue("pending", { article: corpus.articleId, q: `${tenth} -${third}`, category: "ABUSIVE" }, 50)).toEqual(
      await expected(corpus, "pending", (c) => c.words.has(tenth) && !c.words.has(third) && c.abusive),
    );
    // A page size that ends pages in the middle of a priority and of a run of equal times.
    const third7 = await walkQueue("pending", { article: corpus.articleId, q: `${third} ${word}`, category: "ABUSIVE" }, 7);
    expect(third7).toEqual(await expected(corpus, "pending", (c) => c.words.has(third) && c.abusive));
    expect(await walkQueue("flagged", { article: corpus.articleId, q: word, category: "ABUSIVE" }, 50)).toEqual(await expected(corpus, "flagged", (c) => c.abusive));
    expect(await walkQueue("pending", { article: corpus.articleId, q: `${rare} ${word}` }, 3)).toEqual(await expected(corpus, "pending", (c) => c.words.has(rare)));
  });

  it("Hidden and Approved: searches page through the decided comments, then the ones without a decision time", async () => {
    const corpus = await seed("HIDDEN", SEARCH_COLLECT_LIMIT + 500);
    const { word, third, tenth } = corpus.words;
    const all = await walkQueue("hidden", { article: corpus.articleId, q: word }, 50);
    expect(all).toEqual(await expected(corpus, "hidden", () => true));
    expect(all).toHaveLength(SEARCH_COLLECT_LIMIT + 500);
    expect(await walkQueue("hidden", { article: corpus.articleId, q: `${word} -${third}`, category: "ABUSIVE" }, 9)).toEqual(
      await expected(corpus, "hidden", (c) => !c.words.has(third) && c.abusive),
    );
    expect(await walkQueue("hidden", { article: corpus.articleId, q: tenth }, 13)).toEqual(await expected(corpus, "hidden", (c) => c.words.has(tenth)));
    expect(await walkQueue("approved", { article: corpus.articleId, q: word }, 50)).toEqual([]);
  });
});

describe("search follows a comment's status", () => {
  it("finds a comment in the tab of its status only, before and after a decision moves it", async () => {
    const articleId = await makeArticle();
    const moderator = await makeModerator();
    const word = token("s");
    const made: { id: number; version: number }[] = [];
    for (let i = 0; i < 6; i++) made.push(await makeComment(articleId, { body: `${word} status ${i}`, priority: i % 2 ? 30 : 0 }));
    const [hidden, approved] = [made[0]!, made[1]!];
    await decideComment({ action: "HIDE", commentId: hidden.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "SPAM" }, moderator);
    await decideComment({ action: "APPROVE", commentId: approved.id, expectedVersion: 0, expectedStatus: "PENDING" }, moderator);
    const pendingIds = made.slice(2).map((comment) => comment.id);
    const search = (tab: QueueTab) => walkQueue(tab, { q: word }, 2);
    expect((await search("pending")).sort((x, y) => x - y)).toEqual(pendingIds);
    expect(await search("flagged")).toEqual(await walkQueue("flagged", { article: articleId }, 2));
    expect(await search("hidden")).toEqual([hidden.id]);
    expect(await search("approved")).toEqual([approved.id]);
    expect(await search("all")).toEqual(made.map((comment) => comment.id).reverse());
    // The status lives in the search index too: a decision moves the comment between the tabs' searches.
    await decideComment({ action: "APPROVE", commentId: hidden.id, expectedVersion: 1, expectedStatus: "HIDDEN" }, moderator);
    await decideComment({ action: "HIDE", commentId: pendingIds[0]!, expectedVersion: 0, expectedStatus: "PENDING", reason: "ABUSIVE" }, moderator);
    expect(await search("hidden")).toEqual([pendingIds[0]]);
    expect((await search("approved")).sort((x, y) => x - y)).toEqual([hidden.id, approved.id]);
    expect((await search("pending")).sort((x, y) => x - y)).toEqual(pendingIds.slice(1));
  });
});
