import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { bulkDecide } from "./bulk-decide";
import { BULK_RUN_CHUNK } from "./bulk-run-chunk";
import { undoBulkRunChunk } from "./bulk-run-undo";
import type { HideReason } from "./schemas";

/**
 * Decides the next comments of a bulk run until the deadline, saving progress after each chunk: a job
 * that dies resumes from `processed`. A comment decided twice after such a crash is refused by its
 * guard (its version moved) and counted as skipped, never decided twice.
 */
export async function runBulkRunSlice(db: Db, runId: number, options: { deadline: number; maxChunks?: number }): Promise<{ done: boolean }> {
  const run = await db.bulkRun.findUnique({ where: { id: runId }, include: { requestedBy: { select: { id: true, email: true } } } });
  if (!run || run.status !== "RUNNING") return { done: true };
  const actor = { id: run.requestedBy.id, label: run.requestedBy.email };
  let { processed, decided, skipped } = run;
  let chunks = 0;
  while (processed < run.total && Date.now() < options.deadline && chunks++ < (options.maxChunks ?? Infinity)) {
    const end = Math.min(processed + BULK_RUN_CHUNK, run.total);
    const items = run.commentIds.slice(processed, end).map((commentId, index) => ({
      commentId,
      expectedVersion: run.expectedVersions[processed + index] ?? 0,
      expectedStatus: run.expectedStatuses[processed + index] ?? "PENDING",
    }));
    const decidedNow = run.action === "UNDO" ? await undoBulkRunChunk(db, { id: runId, undoesRunId: run.undoesRunId ?? 0 }, items, actor) : await decideChunk(run, items, actor);
    processed = end;
    decided += decidedNow;
    skipped += items.length - decidedNow;
    // Guarded by RUNNING: a run stopped meanwhile (by its undo) goes no further.
    const saved = await db.bulkRun.updateMany({ where: { id: runId, status: "RUNNING" }, data: { processed, decided, skipped } });
    if (saved.count === 0) return { done: true };
  }
  if (processed < run.total) return { done: false };
  await db.$transaction(async (tx) => {
    const finished = await tx.bulkRun.updateMany({ where: { id: runId, status: "RUNNING" }, data: { status: "COMPLETED", finishedAt: new Date() } });
    if (finished.count === 1) {
      await recordAuditEvent(tx, { actor, action: "comment.bulk_finish", entityType: "bulk_run", entityId: runId, details: { total: run.total, decided, skipped } });
    }
  });
  return { done: true };
}

type ChunkItem = { commentId: number; expectedVersion: number; expectedStatus: "PENDING" | "APPROVED" | "HIDDEN" };

async function decideChunk(run: { id: number; action: string; reason: string | null; note: string | null }, items: ChunkItem[], actor: { id: string; label: string }): Promise<number> {
  const isApprove = run.action === "APPROVE";
  // Already in the target state when the run was made: nothing to decide, counted as skipped.
  const actionable = items.filter((item) => item.expectedStatus !== (isApprove ? "APPROVED" : "HIDDEN"));
  const outcomes = actionable.length > 0 ? await bulkDecide({ action: isApprove ? "APPROVE" : "HIDE", reason: (run.reason ?? undefined) as HideReason | undefined, note: run.note ?? undefined, items: actionable }, actor, { bulkRunId: run.id }) : [];
  return outcomes.filter((outcome) => outcome.outcome === "decided").length;
}

export async function failBulkRun(db: Db, runId: number, error: unknown): Promise<void> {
  await db.bulkRun.updateMany({ where: { id: runId, status: "RUNNING" }, data: { status: "FAILED", error: error instanceof Error ? error.message : String(error), finishedAt: new Date() } });
}

export async function getBulkRun(db: Db, runId: number, requestedById: string) {
  return db.bulkRun.findFirst({
    where: { id: runId, requestedById },
    select: { id: true, action: true, reason: true, total: true, processed: true, decided: true, skipped: true, status: true, error: true, undoesRunId: true, createdAt: true, finishedAt: true },
  });
}
