import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import type { Decider } from "./apply-transition";
import { BULK_RUN_CHUNK } from "./bulk-run-chunk";
import { insertBulkRun } from "./bulk-run-create";
import { takeBackTransition } from "./take-back-decision";

/**
 * Records a run that takes back what a "select all matches" run decided. Each of its comments is put
 * back only if it is still exactly as the run left it (the version the run's decision gave it): one a
 * colleague decided since (or anything else that moved it) is left as it is, so an undo can never
 * take back someone else's later decision. A run still going is stopped first.
 */
export async function createBulkRunUndo(db: Db, runId: number, actor: AuditActor & { id: string }): Promise<{ id: number; total: number }> {
  const run = await db.bulkRun.findUnique({
    where: { id: runId },
    select: { id: true, action: true, status: true, requestedById: true, commentIds: true, expectedVersions: true, processed: true },
  });
  if (!run) throw new AppError("NOT_FOUND", "No such bulk decision.");
  if (run.requestedById !== actor.id) throw new AppError("FORBIDDEN", "You can undo only your own bulk decisions; revert the comments one by one from their history.");
  if (run.action !== "APPROVE" && run.action !== "HIDE") throw new AppError("INVALID", "An undo cannot itself be undone.");
  // A run of 200,000 reads as many decisions and writes their comments into one row: past the 5 s default.
  return db.$transaction(async (tx) => {
    const existing = await tx.bulkRun.findUnique({ where: { undoesRunId: runId }, select: { id: true, status: true } });
    if (existing && existing.status !== "FAILED") throw new AppError("CONFLICT", "This bulk decision is already undone (or being undone).");
    // An undo that failed may be tried again: the new one checks every comment afresh.
    if (existing) await tx.bulkRun.update({ where: { id: existing.id }, data: { undoesRunId: null } });
    const stopped = await tx.bulkRun.updateMany({ where: { id: runId, status: "RUNNING" }, data: { status: "STOPPED", finishedAt: new Date() } });
    const decided = await tx.decision.findMany({ where: { bulkRunId: runId }, select: { commentId: true }, orderBy: { commentId: "asc" } });
    const ids = new Set(decided.map((row) => row.commentId));
    // A run stopped mid-chunk may still commit that chunk: its comments are checked too (the
    // undo's slice takes back only those the run did decide).
    if (stopped.count === 1) for (const id of run.commentIds.slice(run.processed, run.processed + BULK_RUN_CHUNK)) ids.add(id);
    if (ids.size === 0) throw new AppError("INVALID", "This bulk decision has decided nothing yet: nothing to undo.");
    const indexOf = new Map(run.commentIds.map((id, index) => [id, index]));
    const commentIds = [...ids].sort((a, b) => a - b);
    return insertBulkRun(tx, {
      action: "UNDO",
      query: { undoesRunId: runId },
      commentIds,
      // What the run's decision left: the version it saw, plus one.
      expectedVersions: commentIds.map((id) => (run.expectedVersions[indexOf.get(id) ?? -1] ?? -2) + 1),
      expectedStatuses: commentIds.map(() => (run.action === "HIDE" ? "HIDDEN" : "APPROVED")),
      total: commentIds.length,
      requestedById: actor.id,
      undoesRunId: runId,
    }, actor, { action: "UNDO", undoesRunId: runId, total: commentIds.length, stoppedRun: stopped.count === 1 });
  }, { maxWait: 10_000, timeout: 60_000 });
}

/** One chunk of an undo run: each comment taken back in its own guarded transaction. Returns how many were put back. */
export async function undoBulkRunChunk(db: Db, undo: { id: number; undoesRunId: number }, items: { commentId: number; expectedVersion: number }[], actor: Decider): Promise<number> {
  const decisions = await db.decision.findMany({
    where: { bulkRunId: undo.undoesRunId, commentId: { in: items.map((item) => item.commentId) }, action: { in: ["APPROVE", "HIDE"] } },
    select: { id: true, commentId: true, fromStatus: true, toStatus: true },
  });
  const decisionOf = new Map(decisions.map((decision) => [decision.commentId, decision]));
  let putBack = 0;
  for (const item of items) {
    const decision = decisionOf.get(item.commentId);
    if (!decision) continue;
    try {
      await db.$transaction((tx) => takeBackTransition(tx, actor, "UNDO", decision, item.expectedVersion, undo.id), { maxWait: 10_000, timeout: 10_000 });
      putBack++;
    } catch (error) {
      if (!isAppError(error) || (error.code !== "CONFLICT" && error.code !== "NOT_FOUND")) throw error;
    }
  }
  return putBack;
}

/** How long the queue offers to undo one's last bulk run after the page that started it is gone. */
export const BULK_RUN_UNDO_OFFER_MS = 24 * 60 * 60 * 1000;

/**
 * The moderator's latest "select all matches" run of the last day that decided something and is not
 * undone: the queue offers its undo again after the page that started it was closed.
 */
export async function findUndoableBulkRun(db: Db, requestedById: string, now: Date = new Date()) {
  const run = await db.bulkRun.findFirst({
    where: { requestedById, action: { in: ["APPROVE", "HIDE"] }, createdAt: { gte: new Date(now.getTime() - BULK_RUN_UNDO_OFFER_MS) } },
    orderBy: { id: "desc" },
    select: { id: true, action: true, reason: true, total: true, processed: true, decided: true, skipped: true, status: true, error: true, undoesRunId: true, createdAt: true },
  });
  if (!run || (run.decided === 0 && run.status !== "RUNNING")) return null;
  const undo = await db.bulkRun.findUnique({ where: { undoesRunId: run.id }, select: { status: true } });
  return undo && undo.status !== "FAILED" ? null : run;
}
