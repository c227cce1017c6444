import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { bulkDecide } from "./bulk-decide";
import { decideComment } from "./decide-comment";
import { conflictMessage } from "./policy";
import { makeArticle, makeComment, makeModerator } from "./test-factories";

async function recorded(commentId: number) {
  const [decisions, audits, comment] = await Promise.all([
    db.decision.findMany({ where: { commentId }, orderBy: { id: "asc" } }),
    db.auditEvent.findMany({ where: { entityType: "comment", entityId: String(commentId) }, orderBy: { id: "asc" } }),
    db.comment.findUniqueOrThrow({ where: { id: commentId } }),
  ]);
  return { decisions, audits, comment };
}

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("deciding a comment", () => {
  it("hides a comment: status, version, decider, one decision and one audit event in one go", async () => {
    const moderator = await makeModerator();
    const comment = await makeComment(await makeArticle());
    const result = await decideComment({ action: "HIDE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "ABUSIVE", note: "slur" }, moderator);
    const { decisions, audits, comment: row } = await recorded(comment.id);
    expect(row).toMatchObject({ status: "HIDDEN", version: 1, decidedById: moderator.id });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ id: result.decisionId, action: "HIDE", fromStatus: "PENDING", toStatus: "HIDDEN", reason: "ABUSIVE", note: "slur", moderatorId: moderator.id });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "comment.hide", actorId: moderator.id, actorLabel: moderator.label });
    expect(audits[0]?.details).toMatchObject({ decisionId: result.decisionId, fromStatus: "PENDING", toStatus: "HIDDEN", reason: "ABUSIVE", note: "slur" });
  });

  it("refuses the second of two decisions with CONFLICT naming the first decider, leaving one decision and one audit event", async () => {
    const first = await makeModerator("first");
    const second = await makeModerator("second");
    const comment = await makeComment(await makeArticle());
    await decideComment({ action: "HIDE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "SPAM" }, first);
    const error = await errorOf(decideComment({ action: "APPROVE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING" }, second));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(new RegExp(`^${first.label.replace(".", "\\.")} already hid this comment at \\d\\d:\\d\\d UTC on \\d{1,2} \\w{3} \\d{4} \\(spam\\)$`));
    const { decisions, audits, comment: row } = await recorded(comment.id);
    expect(decisions).toHaveLength(1);
    expect(audits).toHaveLength(1);
    expect(row).toMatchObject({ status: "HIDDEN", version: 1, decidedById: first.id });
  });

  it("tells the second moderator the first one's time in the zone their cards are in, not UTC", async () => {
    const first = await makeModerator("first-zone");
    const second = { ...(await makeModerator("second-zone")), readsTimesIn: async () => "Asia/Karachi" };
    const comment = await makeComment(await makeArticle());
    const won = await decideComment({ action: "HIDE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "ABUSIVE" }, first);
    const error = await errorOf(decideComment({ action: "APPROVE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING" }, second));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(conflictMessage({ status: "HIDDEN", decidedBy: first.label, decidedAt: won.decidedAt, reason: "ABUSIVE" }, "Asia/Karachi"));
    expect(error.message).toContain(" GMT+5 on ");
    // The API's 409 carries the time as an instant with its offset, whatever zone the prose is in.
    expect(error.fields).toEqual({ current: { status: "HIDDEN", version: 1, decidedBy: first.label, decidedAt: won.decidedAt.toISOString(), reason: "ABUSIVE" } });
    // A bulk decision reports each conflict the same way.
    const [outcome] = await bulkDecide({ action: "APPROVE", items: [{ commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING" }] }, second);
    expect(outcome).toMatchObject({ outcome: "conflict", message: error.message });
  });

  it("rejects a stale version even when the status matches", async () => {
    const moderator = await makeModerator();
    const comment = await makeComment(await makeArticle());
    await db.comment.update({ where: { id: comment.id }, data: { version: 3 } });
    const error = await errorOf(decideComment({ action: "APPROVE", commentId: comment.id, expectedVersion: 2, expectedStatus: "PENDING" }, moderator));
    expect(error.code).toBe("CONFLICT");
    const { decisions, audits, comment: row } = await recorded(comment.id);
    expect([decisions.length, audits.length, row.status, row.version]).toEqual([0, 0, "PENDING", 3]);
  });

  it("refuses a decision that changes nothing, and an unknown comment", async () => {
    const moderator = await makeModerator();
    expect((await errorOf(decideComment({ action: "APPROVE", commentId: 1, expectedVersion: 0, expectedStatus: "APPROVED" }, moderator))).code).toBe("INVALID");
    expect((await errorOf(decideComment({ action: "APPROVE", commentId: 999_999_999, expectedVersion: 0, expectedStatus: "PENDING" }, moderator))).code).toBe("NOT_FOUND");
  });

  it("lets exactly one of 20 concurrent moderators decide the same comment", async () => {
    const moderators = await Promise.all(Array.from({ length: 20 }, (_, index) => makeModerator(`racer${index}`)));
    const comment = await makeComment(await makeArticle());
    const results = await Promise.allSettled(
      moderators.map((moderator, index) =>
        decideComment(index % 2 === 0 ? { action: "APPROVE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING" } : { action: "HIDE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "OTHER" }, moderator),
      ),
    );
    const winners = results.filter((result) => result.status === "fulfilled");
    const losers = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(winners).toHaveLength(1);
    expect(losers.every((result) => isAppError(result.reason) && result.reason.code === "CONFLICT")).toBe(true);
    const { decisions, audits, comment: row } = await recorded(comment.id);
    expect(decisions).toHaveLength(1);
    expect(audits).toHaveLength(1);
    expect(row.version).toBe(1);
    const winner = moderators.find((moderator) => moderator.id === decisions[0]?.moderatorId);
    expect(losers.every((result) => (result.reason as Error).message.startsWith(`${winner?.label} already`))).toBe(true);
  });
});

describe("bulk decisions", () => {
  it("decides each comment on its own and reports a conflict per comment, naming who took it", async () => {
    const colleague = await makeModerator("colleague");
    const moderator = await makeModerator();
    const articleId = await makeArticle();
    const [a, b, c] = [await makeComment(articleId), await makeComment(articleId), await makeComment(articleId)];
    await decideComment({ action: "APPROVE", commentId: b.id, expectedVersion: 0, expectedStatus: "PENDING" }, colleague);
    const outcomes = await bulkDecide(
      { action: "HIDE", reason: "NATIONALIST", items: [a, b, c].map((comment) => ({ commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING" as const })) },
      moderator,
    );
    expect(outcomes.map((outcome) => [outcome.commentId, outcome.outcome])).toEqual([
      [a.id, "decided"],
      [b.id, "conflict"],
      [c.id, "decided"],
    ]);
    expect(outcomes[1]).toMatchObject({ message: expect.stringContaining(`${colleague.label} already approved this comment`) });
    expect((await recorded(b.id)).comment.status).toBe("APPROVED");
    for (const comment of [a, c]) {
      const { decisions, audits, comment: row } = await recorded(comment.id);
      expect([row.status, decisions.length, audits.length, decisions[0]?.reason]).toEqual(["HIDDEN", 1, 1, "NATIONALIST"]);
    }
  });
});
