import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadRuleEvaluator } from "@/lib/rules/load-rule-evaluator";
import { decideComment } from "./decide-comment";
import { getArticleThread } from "./get-article-thread";
import { hideAuthorPending } from "./hide-author-pending";
import { listQueue } from "./list-queue";
import { SEARCH_COLLECT_LIMIT, SEARCH_WALK_ROWS } from "./search-queue-page";
import { makeArticle, makeComment, makeModerator, uniqueId, walkQueue } from "./test-factories";
import { watchAuthor } from "./watch-author";


describe("the queue", () => {
  it("pages flagged comments by priority then age with a keyset that loses and repeats nothing", async () => {
    const articleId = await makeArticle();
    const author = uniqueId("author");
    const base = Date.parse("2015-07-23T12:00:00Z");
    const made = [];
    for (let i = 0; i < 13; i++) made.push({ ...(await makeComment(articleId, { authorName: author, priority: [0, 40, 40, 70][i % 4]!, postedAt: new Date(base + (i % 5) * 60_000) })), priority: [0, 40, 40, 70][i % 4]!, at: base + (i % 5) * 60_000 });
    const expected = made.filter((c) => c.priority > 0).sort((x, y) => y.priority - x.priority || x.at - y.at || x.id - y.id).map((c) => c.id);
    expect(await walkQueue("flagged", { article: articleId }, 2)).toEqual(expected);
    expect((await walkQueue("pending", { author }, 4)).length).toBe(13);
    expect(await walkQueue("all", { article: articleId }, 5)).toEqual(made.map((c) => c.id).sort((x, y) => y - x));
  });

  it("gives every card of one author on a page that author's record before it, in posting order", async () => {
    const articleId = await makeArticle();
    const author = uniqueId("regular");
    const moderator = await makeModerator();
    const at = (day: number) => new Date(`2015-08-0${day}T09:00:00Z`);
    const [first, second, third, fourth] = [await makeComment(articleId, { authorName: author, postedAt: at(1) }), await makeComment(articleId, { authorName: author, postedAt: at(2) }), await makeComment(articleId, { authorName: author, postedAt: at(3) }), await makeComment(articleId, { authorName: author, postedAt: at(4) })];
    await makeComment(articleId, { authorName: uniqueId("someone-else"), postedAt: at(2) });
    await decideComment({ action: "HIDE", commentId: first!.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "ABUSIVE" }, moderator);
    await decideComment({ action: "APPROVE", commentId: second!.id, expectedVersion: 0, expectedStatus: "PENDING" }, moderator);
    const page = await listQueue({ tab: "all", filters: { author }, limit: 10 });
    const history = new Map(page.items.map((item) => [item.id, item.authorHistory]));
    expect(history.get(first!.id)).toEqual({ earlier: 0, approved: 0, hidden: 0, pending: 0 });
    expect(history.get(second!.id)).toEqual({ earlier: 1, approved: 0, hidden: 1, pending: 0 });
    expect(history.get(third!.id)).toEqual({ earlier: 2, approved: 1, hidden: 1, pending: 0 });
    expect(history.get(fourth!.id)).toEqual({ earlier: 3, approved: 1, hidden: 1, pending: 1 });
  });

  it("pages one author's Pending, Flagged and Hidden comments in each tab's order, and moves a decided one", async () => {
    const articleId = await makeArticle();
    const author = uniqueId("prolific");
    const moderator = await makeModerator();
    const base = Date.parse("2015-07-23T12:00:00Z");
    const made: { id: number; version: number; priority: number; at: number }[] = [];
    for (let i = 0; i < 11; i++) {
      const priority = [0, 30, 30, 60][i % 4]!;
      const at = base + (i % 3) * 60_000;
      made.push({ ...(await makeComment(articleId, { authorName: author, priority, postedAt: new Date(at) })), priority, at });
    }
    // Others' comments in the same tab, before and after the author's in its order.
    await makeComment(articleId, { authorName: uniqueId("other"), priority: 90 });
    await makeComment(articleId, { authorName: uniqueId("other"), priority: 0 });
    const order = (list: typeof made) => [...list].sort((x, y) => y.priority - x.priority || x.at - y.at || x.id - y.id).map((c) => c.id);
    expect(await walkQueue("pending", { author }, 3)).toEqual(order(made));
    expect(await walkQueue("flagged", { author }, 2)).toEqual(order(made.filter((c) => c.priority > 0)));
    const decided = made.find((c) => c.priority === 60)!;
    await decideComment({ action: "HIDE", commentId: decided.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "SPAM" }, moderator);
    expect(await walkQueue("pending", { author }, 4)).toEqual(order(made.filter((c) => c !== decided)));
    expect(await walkQueue("hidden", { author }, 4)).toEqual([decided.id]);
  });

  it("filters by full-text search, author, rule category and date, and cards carry the author's record", async () => {
    const articleId = await makeArticle();
    const author = uniqueId("writer");
    const moderator = await makeModerator();
    const older = await makeComment(articleId, { authorName: author, body: "the cables through Karachi", postedAt: new Date("2015-07-20T10:00:00Z") });
    await decideComment({ action: "HIDE", commentId: older.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "OFF_TOPIC" }, moderator);
    const newer = await makeComment(articleId, { authorName: author, body: "Karachi landing sites again", postedAt: new Date("2015-07-23T10:00:00Z"), parentId: older.id });
    const search = await listQueue({ tab: "all", filters: { article: articleId, q: "karachi -cables" }, limit: 10 });
    expect(search.items.map((item) => item.id)).toEqual([newer.id]);
    const card = search.items[0];
    expect(card?.authorHistory).toEqual({ earlier: 1, approved: 0, hidden: 1, pending: 0 });
    expect(card?.parent).toMatchObject({ id: older.id, body: "the cables through Karachi" });
    expect((await listQueue({ tab: "hidden", filters: { author }, limit: 10 })).items[0]?.decision).toMatchObject({ by: moderator.label, reason: "OFF_TOPIC" });
    expect((await listQueue({ tab: "all", filters: { article: articleId, from: "2015-07-21", to: "2015-07-23" }, limit: 10 })).items.map((i) => i.id)).toEqual([newer.id]);
    const rule = await db.rule.create({ data: { name: uniqueId("rule"), category: "SPAM", kind: "TERMS", config: {}, severity: 2, enabled: false } });
    await db.flag.create({ data: { commentId: newer.id, ruleId: rule.id, ruleVersion: 1, category: "SPAM", score: 1, spans: [[0, 7]], reason: "test" } });
    // As the flag writers (import, rule re-runs) do: the category filter reads this column's lexemes.
    await db.comment.update({ where: { id: newer.id }, data: { flagCategories: ["SPAM"] } });
    expect((await listQueue({ tab: "pending", filters: { category: "SPAM", article: articleId }, limit: 10 })).items.map((i) => i.flags)).toEqual([[{ ruleId: rule.id, ruleName: rule.name, category: "SPAM", reason: "test", spans: [[0, 7]] }]]);
    expect((await listQueue({ tab: "pending", filters: { rule: rule.id + 1000 }, limit: 10 })).items).toEqual([]);
    const thread = await getArticleThread(articleId);
    expect(thread?.thread.map((node) => [node.item.id, node.replies.map((reply) => reply.item.id)])).toEqual([[older.id, [newer.id]]]);
  });
});

/** `count` pending comments in one new article, in SQL: ties in priority and time, so the id decides. */
async function seedMany(count: number, word: string, rare: { word: string; author: string; every: number }): Promise<number> {
  const articleId = await makeArticle();
  const prefix = `test:id:${uniqueId("many")}:`;
  await db.$executeRaw`
    INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt", status, priority)
    SELECT ${articleId}, 'test', ${prefix}::text || g, md5(g::text), CASE WHEN g % ${rare.every} = 0 THEN ${rare.author}::text ELSE 'reader' || g END,
           ${word}::text || CASE WHEN g % ${rare.every} = 0 THEN ' ' || ${rare.word}::text ELSE '' END || ' comment ' || g,
           timestamp '2015-07-23' + (g % 40) * interval '1 minute', 'PENDING', (g % 4) * 10
    FROM generate_series(1, ${count}::int) g`;
  return articleId;
}

describe("search paths", () => {
  it("pages a search like the plain filter that selects the same comments, whether its matches pass the collect limit or not", async () => {
    const word = `w${uniqueId("dense").replace(/\W/g, "")}`;
    const rare = { word: `r${uniqueId("rare").replace(/\W/g, "")}`, author: uniqueId("rare-author"), every: 70 };
    // Every comment of the article matches `word`: more matches than one collect, so the first
    // pages walk the queue index and the last ones (past the cursor, fewer than K) sort collected ones.
    const count = SEARCH_COLLECT_LIMIT + 100;
    const articleId = await seedMany(count, word, rare);
    const dense = await walkQueue("pending", { article: articleId, q: word }, 50);
    expect(dense).toHaveLength(count);
    expect(dense).toEqual(await walkQueue("pending", { article: articleId }, 50));
    expect(await walkQueue("flagged", { article: articleId, q: word }, 50)).toEqual(await walkQueue("flagged", { article: articleId }, 50));
    expect(await walkQueue("all", { article: articleId, q: word }, 50)).toEqual(await walkQueue("all", { article: articleId }, 50));
    // A search with few matches: collected and sorted in one step.
    const few = await walkQueue("pending", { article: articleId, q: `${word} ${rare.word}` }, 7);
    expect(few).toHaveLength(Math.floor(count / rare.every));
    expect(few).toEqual(await walkQueue("pending", { article: articleId, author: rare.author }, 7));
    expect(await walkQueue("pending", { article: articleId, q: `${word} -${rare.word}` }, 50)).toEqual(dense.filter((id) => !few.includes(id)));
  });

  it("sorts every match when a dense search is rare at the head of the order, with the same pages", async () => {
    const word = `w${uniqueId("tail").replace(/\W/g, "")}`;
    const articleId = await seedMany(SEARCH_COLLECT_LIMIT + 50, word, { word: "unused", author: uniqueId("unused"), every: 1_000_000 });
    // More urgent comments than one walk reads, none matching: the walk gives up, step 3 sorts.
    const prefix = `test:id:${uniqueId("filler")}:`;
    await db.$executeRaw`
      INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt", status, priority)
      SELECT ${articleId}, 'test', ${prefix}::text || g, md5(g::text), 'filler' || g, 'urgent filler ' || g, timestamp '2015-07-22', 'PENDING', 90
      FROM generate_series(1, ${SEARCH_WALK_ROWS + 10}::int) g`;
    const matched = await walkQueue("pending", { article: articleId, q: word }, 100);
    expect(matched).toHaveLength(SEARCH_COLLECT_LIMIT + 50);
    expect(matched).toEqual((await walkQueue("pending", { article: articleId }, 100)).slice(SEARCH_WALK_ROWS + 10));
  });
});

describe("decided tabs", () => {
  it("page Approved and Hidden newest decision first, then comments without a decision time, with a keyset on (decidedAt, id)", async () => {
    const moderator = await makeModerator();
    const articleId = await makeArticle();
    const made: { id: number; version: number }[] = [];
    for (let i = 0; i < 7; i++) made.push(await makeComment(articleId, { body: `decided comment ${i}`, priority: i * 10 }));
    for (const comment of made) await decideComment({ action: "HIDE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "SPAM" }, moderator);
    // Decision times with a tie (id breaks it, newest first) and one hidden without a time (an import's auto-hide).
    const times = ["2015-07-23T10:00:00Z", "2015-07-23T12:00:00Z", "2015-07-23T11:00:00Z", "2015-07-23T12:00:00Z", null, "2015-07-23T09:00:00Z", null];
    for (const [index, comment] of made.entries()) await db.comment.update({ where: { id: comment.id }, data: { decidedAt: times[index] ? new Date(times[index]) : null } });
    const expected = [made[3], made[1], made[2], made[0], made[5], made[6], made[4]].map((comment) => comment!.id);
    for (const limit of [1, 2, 3, 10]) expect(await walkQueue("hidden", { article: articleId }, limit)).toEqual(expected);
    expect(await walkQueue("hidden", { article: articleId, q: "decided" }, 2)).toEqual(expected);
    expect(await walkQueue("approved", { article: articleId }, 2)).toEqual([]);
    await decideComment({ action: "APPROVE", commentId: made[5]!.id, expectedVersion: 1, expectedStatus: "HIDDEN" }, moderator);
    expect((await walkQueue("approved", { article: articleId }, 2))).toEqual([made[5]!.id]);
    expect(await walkQueue("hidden", { article: articleId }, 2)).toEqual(expected.filter((id) => id !== made[5]!.id));
  });
});

describe("authors", () => {
  it("hides all pending comments of an author, each guarded, and audits the sweep", async () => {
    const moderator = await makeModerator();
    const articleId = await makeArticle();
    const author = uniqueId("troll");
    const ids = [(await makeComment(articleId, { authorName: author })).id, (await makeComment(articleId, { authorName: author })).id];
    const result = await hideAuthorPending({ authorName: author, reason: "ABUSIVE" }, moderator);
    expect(result).toEqual({ hidden: 2, conflicts: [], remaining: 0 });
    expect(await db.comment.count({ where: { id: { in: ids }, status: "HIDDEN" } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "author.hide_pending", entityId: author } })).toBe(1);
  });

  it("stops hiding an author's comments at its limit and says how many are still pending, rather than leaving them out in silence", async () => {
    const moderator = await makeModerator();
    const articleId = await makeArticle();
    const author = uniqueId("prolific");
    for (let index = 0; index < 3; index++) await makeComment(articleId, { authorName: author });
    expect(await hideAuthorPending({ authorName: author, reason: "SPAM" }, moderator, 2)).toEqual({ hidden: 2, conflicts: [], remaining: 1 });
    const audited = await db.auditEvent.findFirst({ where: { action: "author.hide_pending", entityId: author }, select: { details: true } });
    expect(audited?.details).toMatchObject({ hidden: 2, remaining: 1 });
    expect(await hideAuthorPending({ authorName: author, reason: "SPAM" }, moderator, 2)).toEqual({ hidden: 1, conflicts: [], remaining: 0 });
  });

  it("puts an author on the watch list: an audited AUTHOR rule the importer's evaluator applies, case-insensitively", async () => {
    const moderator = await makeModerator();
    const author = uniqueId("Watched");
    const { ruleId } = await watchAuthor({ authorName: author, action: "HOLD", category: "ABUSIVE" }, moderator);
    await expect(watchAuthor({ authorName: author, action: "HOLD", category: "ABUSIVE" }, moderator)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.ruleVersion.count({ where: { ruleId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "author.watch", entityId: String(ruleId) } })).toBe(1);
    const evaluate = await loadRuleEvaluator();
    const flags = evaluate({ body: "A perfectly calm remark.", authorName: ` ${author.toUpperCase()} ` });
    expect(flags.filter((flag) => flag.ruleId === String(ruleId))).toEqual([expect.objectContaining({ action: "HOLD", category: "ABUSIVE", spans: [] })]);
    expect(evaluate({ body: "A perfectly calm remark.", authorName: "someone else" }).some((flag) => flag.ruleId === String(ruleId))).toBe(false);
  });
});

describe("the watch list on import", () => {
  it("holds the next imported comments of a watched author, and auto-hides for an AUTO_HIDE watch", async () => {
    const { importStream } = await import("@/lib/import/import-file");
    const { Readable } = await import("node:stream");
    const moderator = await makeModerator();
    const held = uniqueId("Held");
    const hidden = uniqueId("Hidden");
    await watchAuthor({ authorName: held, action: "HOLD", category: "ABUSIVE" }, moderator);
    await watchAuthor({ authorName: hidden, action: "AUTO_HIDE", category: "SPAM" }, moderator);
    const key = uniqueId("article");
    const lines = [
      { id: `${key}-1`, article: { id: key, title: "Watched" }, author: held.toLowerCase(), body: "Calm words.", postedAt: "2015-07-23T13:43:00Z" },
      { id: `${key}-2`, article: { id: key }, author: hidden, body: "Also calm.", postedAt: "2015-07-23T13:44:00Z" },
      { id: `${key}-3`, article: { id: key }, author: "Someone else", body: "Calm again.", postedAt: "2015-07-23T13:45:00Z" },
    ];
    await importStream({ input: Readable.from([lines.map((line) => JSON.stringify(line)).join("\n")]), fileName: "watch.jsonl", format: "jsonl", via: "cli", actor: moderator });
    const rows = await db.comment.findMany({ where: { externalId: { in: lines.map((line) => line.id) } }, orderBy: { postedAt: "asc" }, select: { status: true, isHeld: true, priority: true } });
    expect(rows.map((row) => [row.status, row.isHeld, row.priority > 0])).toEqual([
      ["PENDING", true, true],
      ["HIDDEN", false, true],
      ["PENDING", false, false],
    ]);
  });
});
