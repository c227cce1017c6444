import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decideComment } from "./decide-comment";
import { getAuthorProfile } from "./get-author-profile";
import { makeArticle, makeComment, makeModerator, uniqueId } from "./test-factories";

describe("an author's page by status", () => {
  it("lists only the comments in the status asked for, newest first, and always counts them all", async () => {
    const moderator = await makeModerator("author-status");
    const author = uniqueId("author");
    const articleId = await makeArticle("Bus lanes");
    const comments = [];
    for (let day = 1; day <= 4; day++) comments.push(await makeComment(articleId, { authorName: author, postedAt: new Date(Date.UTC(2026, 11, day)) }));
    await decideComment({ action: "HIDE", commentId: comments[0]!.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "ABUSIVE" }, moderator);
    await decideComment({ action: "HIDE", commentId: comments[2]!.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "SPAM" }, moderator);
    await decideComment({ action: "APPROVE", commentId: comments[1]!.id, expectedVersion: 0, expectedStatus: "PENDING" }, moderator);

    const hidden = await getAuthorProfile(author, "HIDDEN");
    expect(hidden.comments.map((comment) => comment.id)).toEqual([comments[2]!.id, comments[0]!.id]);
    expect(hidden.comments.map((comment) => comment.decision?.reason)).toEqual(["SPAM", "ABUSIVE"]);
    expect(hidden.counts).toEqual({ total: 4, pending: 1, approved: 1, hidden: 2 });
    expect((await getAuthorProfile(author, "PENDING")).comments.map((comment) => comment.id)).toEqual([comments[3]!.id]);
    expect((await getAuthorProfile(author)).comments).toHaveLength(4);
  });
});

describe("a reported comment's card", () => {
  it("carries the latest reader's note and how many reports have one; a comment without notes carries none", async () => {
    const articleId = await makeArticle("Reported");
    const noted = await makeComment(articleId, { authorName: uniqueId("noted") });
    const silent = await makeComment(articleId, { authorName: uniqueId("silent") });
    const key = uniqueId("reader");
    await db.readerReport.createMany({
      data: [
        { commentId: noted.id, reason: "SPAM", note: "Older words.", reporterKey: `${key}:1`, source: "api", receivedAt: new Date(Date.UTC(2026, 11, 1)) },
        { commentId: noted.id, reason: "ABUSIVE", note: "Newer words.", reporterKey: `${key}:2`, source: "api", receivedAt: new Date(Date.UTC(2026, 11, 2)) },
        { commentId: noted.id, reason: "ABUSIVE", count: 5, reporterKey: "anonymous:api", source: "api", receivedAt: new Date(Date.UTC(2026, 11, 3)) },
        { commentId: silent.id, reason: "SPAM", reporterKey: `${key}:3`, source: "api" },
      ],
    });
    await db.comment.update({ where: { id: noted.id }, data: { reportCount: 7 } });
    await db.comment.update({ where: { id: silent.id }, data: { reportCount: 1 } });
    const cards = (await getAuthorProfile((await db.comment.findUniqueOrThrow({ where: { id: noted.id }, select: { authorName: true } })).authorName!)).comments;
    expect(cards[0]?.readerNote).toEqual({ reason: "abusive", note: "Newer words.", count: 2 });
    const silentCards = (await getAuthorProfile((await db.comment.findUniqueOrThrow({ where: { id: silent.id }, select: { authorName: true } })).authorName!)).comments;
    expect(silentCards[0]?.reports).toEqual([{ reason: "spam", count: 1 }]);
    expect(silentCards[0]?.readerNote).toBeUndefined();
  });
});
