import "server-only";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Decider } from "./apply-transition";
import { bulkDecide, type BulkOutcome } from "./bulk-decide";
import type { HideReason } from "./schemas";

// One click should not become an unbounded job; the answer says how many remain.
export const AUTHOR_HIDE_LIMIT = 1_000;

/**
 * Hides every pending comment of one author, each through its own guarded transition (a comment a
 * colleague decided meanwhile is reported, not overwritten), then records the sweep itself.
 */
export async function hideAuthorPending(
  input: { authorName: string; reason: HideReason; note?: string },
  actor: Decider,
  limit = AUTHOR_HIDE_LIMIT,
): Promise<{ hidden: number; conflicts: BulkOutcome[]; remaining: number }> {
  const pending = await db.comment.findMany({
    where: { authorName: input.authorName, status: "PENDING" },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, version: true },
  });
  const outcomes: BulkOutcome[] = [];
  for (let start = 0; start < pending.length; start += 100) {
    const items = pending.slice(start, start + 100).map((comment) => ({ commentId: comment.id, expectedVersion: comment.version, expectedStatus: "PENDING" as const }));
    outcomes.push(...(await bulkDecide({ action: "HIDE", reason: input.reason, note: input.note, items }, actor)));
  }
  const hidden = outcomes.filter((outcome) => outcome.outcome === "decided").length;
  // Past the limit the sweep stops, and says how many are still pending (it used to say only "Hid 1000").
  const remaining = pending.length < limit ? 0 : await db.comment.count({ where: { authorName: input.authorName, status: "PENDING" } });
  await db.$transaction((tx) =>
    recordAuditEvent(tx, { actor, action: "author.hide_pending", entityType: "author", entityId: input.authorName, details: { reason: input.reason, hidden, skipped: outcomes.length - hidden, remaining } }),
  );
  return { hidden, conflicts: outcomes.filter((outcome) => outcome.outcome !== "decided"), remaining };
}
