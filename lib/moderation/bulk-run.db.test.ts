import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countMatching, createBulkRun } from "./bulk-run-create";
import { runBulkRunSlice } from "./bulk-run-slice";
import { decideComment } from "./decide-comment";
import { makeArticle, makeComment, makeModerator } from "./test-factories";

describe("a bulk run over all comments matching a filter", () => {
  it("hides exactly the comments matched when confirmed, in resumable slices, skipping one a colleague decided meanwhile", async () => {
    const moderator = await makeModerator("bulk");
    const colleague = await makeModerator("colleague");
    const articleId = await makeArticle("Bulk run article");
    const comments = [];
    for (let index = 0; index < 120; index++) comments.push(await makeComment(articleId, { body: `Spam number ${index}` }));
    const view = { tab: "pending" as const, filters: { article: articleId } };
    expect(await countMatching(db, view)).toBe(120);

    const run = await createBulkRun(db, { ...view, action: "HIDE", reason: "SPAM" }, moderator);
    expect(run.total).toBe(120);
    // After the confirmation: a colleague approves one, and a new comment arrives that was not confirmed.
    await decideComment({ action: "APPROVE", commentId: comments[100]!.id, expectedVersion: comments[100]!.version, expectedStatus: "PENDING" }, colleague);
    const late = await makeComment(articleId, { body: "Arrived after the confirmation" });

    expect(await runBulkRunSlice(db, run.id, { deadline: Number.MAX_SAFE_INTEGER, maxChunks: 1 })).toEqual({ done: false });
    expect(await db.bulkRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ processed: 50, decided: 50, status: "RUNNING" });
    // A new worker picks the run up where it stopped.
    expect(await runBulkRunSlice(db, run.id, { deadline: Number.MAX_SAFE_INTEGER })).toEqual({ done: true });
    expect(await db.bulkRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ processed: 120, decided: 119, skipped: 1, status: "COMPLETED" });

    const statuses = await db.comment.groupBy({ by: ["status"], where: { articleId }, _count: true });
    expect(Object.fromEntries(statuses.map((row) => [row.status, row._count]))).toEqual({ HIDDEN: 119, APPROVED: 1, PENDING: 1 });
    expect((await db.comment.findUniqueOrThrow({ where: { id: late.id } })).status).toBe("PENDING");
    const hides = await db.auditEvent.count({ where: { action: "comment.hide", actorId: moderator.id } });
    expect(hides).toBe(119);
    const finish = await db.auditEvent.findFirstOrThrow({ where: { action: "comment.bulk_finish", entityId: String(run.id) } });
    expect(finish.details).toEqual({ total: 120, decided: 119, skipped: 1 });
    // Running a finished run again decides nothing.
    expect(await runBulkRunSlice(db, run.id, { deadline: Number.MAX_SAFE_INTEGER })).toEqual({ done: true });
    expect(await db.auditEvent.count({ where: { action: "comment.hide", actorId: moderator.id } })).toBe(119);
  });

  it("refuses to hide without a reason and an empty match", async () => {
    const moderator = await makeModerator("bulk");
    const articleId = await makeArticle("Empty");
    await expect(createBulkRun(db, { tab: "pending", filters: { article: articleId }, action: "HIDE" }, moderator)).rejects.toMatchObject({ code: "INVALID" });
    await expect(createBulkRun(db, { tab: "pending", filters: { article: articleId }, action: "APPROVE" }, moderator)).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/No comment matches/) });
  });
});
