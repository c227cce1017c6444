import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { decideComment } from "./decide-comment";
import { revertDecision } from "./revert-decision";
import { makeArticle, makeComment, makeModerator } from "./test-factories";
import { undoDecision, UNDO_WINDOW_MS } from "./undo-decision";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

describe("undo and revert", () => {
  it("undo restores the previous status as a decision of its own, audited", async () => {
    const moderator = await makeModerator();
    const comment = await makeComment(await makeArticle());
    const hide = await decideComment({ action: "HIDE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "ABUSIVE" }, moderator);
    const undo = await undoDecision({ decisionId: hide.decisionId, expectedVersion: hide.version }, moderator);
    expect(undo).toMatchObject({ status: "PENDING", version: 2 });
    const row = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect([row.status, row.version]).toEqual(["PENDING", 2]);
    const decisions = await db.decision.findMany({ where: { commentId: comment.id }, orderBy: { id: "asc" } });
    expect(decisions.map((d) => [d.action, d.fromStatus, d.toStatus, d.revertsId])).toEqual([
      ["HIDE", "PENDING", "HIDDEN", null],
      ["UNDO", "HIDDEN", "PENDING", hide.decisionId],
    ]);
    const audits = await db.auditEvent.findMany({ where: { entityType: "comment", entityId: String(comment.id) }, orderBy: { id: "asc" } });
    expect(audits.map((audit) => audit.action)).toEqual(["comment.hide", "comment.undo"]);
    expect(audits[1]?.details).toMatchObject({ decisionId: undo.decisionId, revertsId: hide.decisionId, fromStatus: "HIDDEN", toStatus: "PENDING" });
  });

  it("undo is only for one's own recent decision, and only once", async () => {
    const moderator = await makeModerator();
    const colleague = await makeModerator("colleague");
    const comment = await makeComment(await makeArticle());
    const approve = await decideComment({ action: "APPROVE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING" }, moderator);
    expect(await codeOf(undoDecision({ decisionId: approve.decisionId, expectedVersion: 1 }, colleague))).toBe("FORBIDDEN");
    expect(await codeOf(undoDecision({ decisionId: approve.decisionId, expectedVersion: 1 }, moderator, new Date(Date.now() + UNDO_WINDOW_MS + 1_000)))).toBe("INVALID");
    expect(await codeOf(undoDecision({ decisionId: approve.decisionId, expectedVersion: 1 }, moderator))).toBe("OK");
    expect(await codeOf(undoDecision({ decisionId: approve.decisionId, expectedVersion: 2 }, moderator))).toBe("CONFLICT");
    expect(await db.decision.count({ where: { commentId: comment.id } })).toBe(2);
  });

  it("revert, by anyone and later, restores the previous status and its reason; a stale revert conflicts", async () => {
    const first = await makeModerator("first");
    const second = await makeModerator("second");
    const comment = await makeComment(await makeArticle());
    const hide = await decideComment({ action: "HIDE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "SPAM" }, first);
    const approve = await decideComment({ action: "APPROVE", commentId: comment.id, expectedVersion: 1, expectedStatus: "HIDDEN" }, second);
    // Reverting the approve hides the comment again, for the reason it was hidden.
    const revert = await revertDecision({ decisionId: approve.decisionId, expectedVersion: 2 }, first);
    expect(revert).toMatchObject({ status: "HIDDEN", version: 3 });
    const last = await db.decision.findUniqueOrThrow({ where: { id: revert.decisionId } });
    expect(last).toMatchObject({ action: "REVERT", fromStatus: "APPROVED", toStatus: "HIDDEN", reason: "SPAM", revertsId: approve.decisionId, moderatorId: first.id });
    // The hide's effect is gone now that the status moved on: reverting it again would not restore it.
    expect(await codeOf(revertDecision({ decisionId: approve.decisionId, expectedVersion: 3 }, second))).toBe("CONFLICT");
    expect(await codeOf(revertDecision({ decisionId: hide.decisionId, expectedVersion: 2 }, second))).toBe("CONFLICT");
    const audits = await db.auditEvent.findMany({ where: { entityType: "comment", entityId: String(comment.id) }, orderBy: { id: "asc" } });
    expect(audits.map((audit) => audit.action)).toEqual(["comment.hide", "comment.approve", "comment.revert"]);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("HIDDEN");
  });
});
