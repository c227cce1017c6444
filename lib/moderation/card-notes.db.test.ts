import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addCommentNote } from "./add-comment-note";
import { listQueue } from "./list-queue";
import { makeArticle, makeComment, makeModerator } from "./test-factories";

describe("notes on the queue card", () => {
  it("carry the count and the latest note, its writer and time; a comment without notes says none", async () => {
    const articleId = await makeArticle();
    const moderator = await makeModerator();
    const noted = await makeComment(articleId, { body: "a noted comment" });
    const plain = await makeComment(articleId, { body: "a plain comment" });
    await addCommentNote({ commentId: noted.id, note: "Asked the desk editor." }, moderator);
    await addCommentNote({ commentId: noted.id, note: "<b>Editor:</b> leave it up" }, moderator);
    const stored = await db.commentNote.findFirstOrThrow({ where: { commentId: noted.id }, orderBy: { id: "desc" }, select: { createdAt: true } });

    const { items } = await listQueue({ tab: "pending", filters: { article: articleId }, limit: 10 });
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(noted.id)?.notes).toEqual({ count: 2, latest: { note: "<b>Editor:</b> leave it up", by: moderator.label, at: stored.createdAt.toISOString() } });
    expect(byId.get(plain.id)?.notes).toEqual({ count: 0, latest: null });
  });
});
