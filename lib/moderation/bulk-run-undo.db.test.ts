import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createBulkRun } from "./bulk-run-create";
import { runBulkRunSlice } from "./bulk-run-slice";
import { createBulkRunUndo, findUndoableBulkRun } from "./bulk-run-undo";
import { decideComment } from "./decide-comment";
import { revertDecision } from "./revert-decision";
import { makeArticle, makeComment, makeModerator } from "./test-factories";

const untilDone = { deadline: Number.MAX_SAFE_INTEGER };
const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (error: { code?: string }) => error.code);

async function statusesOf(articleId: number) {
  const rows = await db.comment.findMany({ where: { articleId }, select: { id: true, status: true }, orderBy: { id: "asc" } });
  return rows.map((row) => row.status);
}

describe("undoing a 'select all matches' bulk run", () => {
  it("puts back exactly what the run decided and nobody changed since, audited, once", async () => {
    const editor = await makeModerator("bulk-undo");
    const colleague = await makeModerator("colleague");
    const articleId = await makeArticle("Bulk undo article");
    const comments: { id: number; version: number }[] = [];
    for (let index = 0; index < 80; index++) comments.push(await makeComment(articleId, { body: `Comment to hide by mistake ${index}` }));
    const run = await createBulkRun(db, { tab: "pending", filters: { article: articleId }, action: "HIDE", reason: "SPAM" }, editor);
    // Before the job reaches it, a colleague approves comment 70: the run skips it.
    await decideComment({ action: "APPROVE", commentId: comments[70]!.id, expectedVersion: 0, expectedStatus: "PENDING" }, colleague);
    await runBulkRunSlice(db, run.id, untilDone);
    expect(await db.bulkRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "COMPLETED", decided: 79, skipped: 1 });

    // After the run, a colleague reverts comment 3's hide and hides comment 4 again with another reason:
    // both are their decisions now, and the undo must leave them alone.
    const hideOf = (index: number) => db.decision.findFirstOrThrow({ where: { commentId: comments[index]!.id, bulkRunId: run.id } });
    await revertDecision({ decisionId: (await hideOf(3)).id, expectedVersion: 1 }, colleague);
    await revertDecision({ decisionId: (await hideOf(4)).id, expectedVersion: 1 }, colleague);
    await decideComment({ action: "HIDE", reason: "ABUSIVE", commentId: comments[4]!.id, expectedVersion: 2, expectedStatus: "PENDING" }, colleague);

    expect(await codeOf(createBulkRunUndo(db, run.id, colleague))).toBe("FORBIDDEN");
    const undo = await createBulkRunUndo(db, run.id, editor);
    expect(undo.total).toBe(79);
    expect(await codeOf(createBulkRunUndo(db, run.id, editor))).toBe("CONFLICT");
    expect(await codeOf(createBulkRunUndo(db, undo.id, editor))).toBe("INVALID");

    expect(await runBulkRunSlice(db, undo.id, { ...untilDone, maxChunks: 1 })).toEqual({ done: false });
    expect(await runBulkRunSlice(db, undo.id, untilDone)).toEqual({ done: true });
    expect(await db.bulkRun.findUniqueOrThrow({ where: { id: undo.id } })).toMatchObject({ status: "COMPLETED", total: 79, decided: 77, skipped: 2, undoesRunId: run.id });

    const expected = comments.map((_, index) => (index === 70 ? "APPROVED" : index === 4 ? "HIDDEN" : "PENDING"));
    expect(await statusesOf(articleId)).toEqual(expected);
    expect((await db.decision.findFirstOrThrow({ where: { commentId: comments[4]!.id }, orderBy: { id: "desc" } })).reason).toBe("ABUSIVE");

    const undos = await db.auditEvent.findMany({ where: { action: "comment.undo", actorId: editor.id }, select: { details: true } });
    expect(undos).toHaveLength(77);
    expect(undos.every((event) => (event.details as { bulkRunId?: number }).bulkRunId === undo.id)).toBe(true);
    const start = await db.auditEvent.findFirstOrThrow({ where: { action: "comment.bulk_start", entityId: String(undo.id) } });
    expect(start.details).toMatchObject({ action: "UNDO", undoesRunId: run.id, total: 79 });
    const finish = await db.auditEvent.findFirstOrThrow({ where: { action: "comment.bulk_finish", entityId: String(undo.id) } });
    expect(finish.details).toEqual({ total: 79, decided: 77, skipped: 2 });
    // The undo's own decisions point at what they take back.
    const taken = await db.decision.findMany({ where: { bulkRunId: undo.id }, select: { action: true, revertsId: true } });
    expect(taken.every((decision) => decision.action === "UNDO" && decision.revertsId !== null)).toBe(true);
  });

  it("stops a run still going, and takes back only what it had decided", async () => {
    const editor = await makeModerator("bulk-stop");
    const articleId = await makeArticle("Bulk stop article");
    for (let index = 0; index < 120; index++) await makeComment(articleId, { body: `Comment to approve by mistake ${index}` });
    const run = await createBulkRun(db, { tab: "pending", filters: { article: articleId }, action: "APPROVE" }, editor);
    await runBulkRunSlice(db, run.id, { ...untilDone, maxChunks: 1 });

    const undo = await createBulkRunUndo(db, run.id, editor);
    expect(await db.bulkRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "STOPPED", processed: 50 });
    // The job picks the stopped run up again: it decides nothing more.
    expect(await runBulkRunSlice(db, run.id, untilDone)).toEqual({ done: true });
    expect(await runBulkRunSlice(db, undo.id, untilDone)).toEqual({ done: true });
    expect(await db.bulkRun.findUniqueOrThrow({ where: { id: undo.id } })).toMatchObject({ status: "COMPLETED", total: 100, decided: 50, skipped: 50 });
    expect(await statusesOf(articleId)).toEqual(Array(120).fill("PENDING"));
  });

  it("refuses a run that decided nothing", async () => {
    const editor = await makeModerator("bulk-none");
    const articleId = await makeArticle("Nothing decided");
    await makeComment(articleId);
    const run = await createBulkRun(db, { tab: "pending", filters: { article: articleId }, action: "APPROVE" }, editor);
    await db.bulkRun.update({ where: { id: run.id }, data: { status: "FAILED" } });
    await expect(createBulkRunUndo(db, run.id, editor)).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/nothing to undo/) });
  });
});

describe("the queue's offer to undo one's last bulk run", () => {
  it("is the latest run of the last day that decided something, until it is undone", async () => {
    const editor = await makeModerator("bulk-offer");
    const articleId = await makeArticle("Offer article");
    await makeComment(articleId);
    expect(await findUndoableBulkRun(db, editor.id)).toBeNull();
    const run = await createBulkRun(db, { tab: "pending", filters: { article: articleId }, action: "HIDE", reason: "SPAM" }, editor);
    await runBulkRunSlice(db, run.id, untilDone);
    expect(await findUndoableBulkRun(db, editor.id)).toMatchObject({ id: run.id, action: "HIDE", reason: "SPAM", decided: 1 });
    expect(await findUndoableBulkRun(db, editor.id, new Date(Date.now() + 25 * 60 * 60 * 1000))).toBeNull();
    await createBulkRunUndo(db, run.id, editor);
    expect(await findUndoableBulkRun(db, editor.id)).toBeNull();
  });
});
