import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { flattenThread } from "./flatten-thread";
import { getArticleThread } from "./get-article-thread";
import { THREAD_PAGE } from "./thread-window";
import { makeArticle, uniqueId } from "./test-factories";

/** `count` comments, one a minute, every tenth a reply to the one before it; ids in posting order. */
async function seedThread(count: number): Promise<{ articleId: number; ids: number[] }> {
  const articleId = await makeArticle();
  const prefix = `test:id:${uniqueId("thread")}:`;
  await db.$executeRaw`
    INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt")
    SELECT ${articleId}, 'test', ${prefix}::text || g, md5(g::text), 'reader' || (g % 50), 'comment ' || g, timestamp '2026-12-06 08:00' + g * interval '1 minute'
    FROM generate_series(1, ${count}::int) g`;
  const rows = await db.comment.findMany({ where: { articleId }, orderBy: [{ postedAt: "asc" }, { id: "asc" }], select: { id: true } });
  const ids = rows.map((row) => row.id);
  for (let index = 9; index < ids.length; index += 10) await db.comment.update({ where: { id: ids[index]! }, data: { parentId: ids[index - 1]! } });
  return { articleId, ids };
}

const idsOf = (thread: Awaited<ReturnType<typeof getArticleThread>>) => flattenThread(thread?.thread ?? []).items.map((item) => item.id);

describe("an article's thread of 5,000 comments", () => {
  it("shows one window at a time, says how many there are, and pages on by keyset both ways", async () => {
    const { articleId, ids } = await seedThread(5_000);
    const first = await getArticleThread(articleId);
    expect(first?.total).toBe(5_000);
    expect(idsOf(first)).toEqual(ids.slice(0, THREAD_PAGE));
    expect(first?.earlier).toBeNull();
    const second = await getArticleThread(articleId, { after: first!.later! });
    expect(idsOf(second)).toEqual(ids.slice(THREAD_PAGE, 2 * THREAD_PAGE));
    const back = await getArticleThread(articleId, { before: second!.earlier! });
    expect(idsOf(back)).toEqual(ids.slice(0, THREAD_PAGE));
    expect(back?.later).not.toBeNull();
  });

  it("opens around a comment deep in the thread, with what came before it, replies under their parent", async () => {
    const { articleId, ids } = await seedThread(5_000);
    const focus = ids[4_000]!;
    const around = await getArticleThread(articleId, { around: focus });
    expect(around?.focusId).toBe(focus);
    const shown = idsOf(around);
    expect(shown).toHaveLength(THREAD_PAGE);
    expect(shown.indexOf(focus)).toBe(33);
    expect(shown[0]).toBe(ids[4_000 - 33]);
    const reply = around!.thread.find((node) => node.item.id === ids[3_998]);
    expect(reply?.replies.map((node) => node.item.id)).toEqual([ids[3_999]]);
    // Near the end: the window stops at the last comment and says there is nothing later.
    const last = await getArticleThread(articleId, { around: ids[4_999]! });
    expect(idsOf(last).at(-1)).toBe(ids[4_999]);
    expect(last?.later).toBeNull();
  });

  it("starts at the top for a comment of another article or a tampered cursor", async () => {
    const { articleId, ids } = await seedThread(3);
    const other = await seedThread(1);
    expect(idsOf(await getArticleThread(articleId, { around: other.ids[0]! }))).toEqual(ids);
    expect((await getArticleThread(articleId, { around: other.ids[0]! }))?.focusId).toBeNull();
    expect(idsOf(await getArticleThread(articleId, { after: "garbage" }))).toEqual(ids);
  });
});
