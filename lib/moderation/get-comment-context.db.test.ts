import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decideComment } from "./decide-comment";
import { CONTEXT_AUTHOR_RECENT, getCommentContext } from "./get-comment-context";
import { makeArticle, makeComment, makeModerator, uniqueId } from "./test-factories";

describe("a card's context", () => {
  it("gives the whole parent, the article, and the author's latest other comments, newest first, with why hidden ones were hidden", async () => {
    const moderator = await makeModerator("context");
    const author = uniqueId("author");
    const articleId = await makeArticle("Border firing");
    await db.article.update({ where: { id: articleId }, data: { url: "https://news.example/border" } });
    const otherArticle = await makeArticle("Floods");
    const parentBody = `A long parent, ${"word ".repeat(200)}the end.`;
    const parent = await makeComment(articleId, { authorName: "someone-else", body: parentBody });
    const older = [];
    for (let day = 1; day <= CONTEXT_AUTHOR_RECENT + 2; day++) older.push(await makeComment(day % 2 ? otherArticle : articleId, { authorName: author, postedAt: new Date(Date.UTC(2026, 11, day)) }));
    const newestEarlier = older.at(-1)!;
    await decideComment({ action: "HIDE", commentId: newestEarlier.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "NATIONALIST" }, moderator);
    const reply = await makeComment(articleId, { authorName: author, parentId: parent.id, postedAt: new Date(Date.UTC(2026, 11, 20)) });

    const context = await getCommentContext(reply.id);
    expect(context.article).toEqual({ id: articleId, title: "Border firing", url: "https://news.example/border" });
    expect(context.parent).toMatchObject({ id: parent.id, authorName: "someone-else", body: parentBody, status: "PENDING", hiddenReason: null });
    expect(context.authorTotal).toBe(CONTEXT_AUTHOR_RECENT + 3);
    expect(context.authorRecent.map((comment) => comment.id)).toEqual(older.slice(-CONTEXT_AUTHOR_RECENT).reverse().map((comment) => comment.id));
    expect(context.authorRecent[0]).toMatchObject({ status: "HIDDEN", hiddenReason: "NATIONALIST" });
    expect(context.authorRecent.map((comment) => comment.id)).not.toContain(reply.id);
  });

  it("has no parent and no history for a first comment posted without a name, and refuses an unknown comment", async () => {
    const articleId = await makeArticle();
    const anonymous = await db.comment.update({ where: { id: (await makeComment(articleId)).id }, data: { authorName: null }, select: { id: true } });
    const context = await getCommentContext(anonymous.id);
    expect([context.parent, context.authorRecent, context.authorTotal]).toEqual([null, [], 1]);
    await expect(getCommentContext(2_000_000_000)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
