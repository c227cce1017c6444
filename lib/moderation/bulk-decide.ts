import "server-only";
import type { Decider } from "./apply-transition";
import { isAppError } from "@/lib/errors";
import { decideComment } from "./decide-comment";
import type { BulkDecideInput } from "./schemas";

export type BulkOutcome =
  | { commentId: number; outcome: "decided"; decisionId: number; status: string; version: number; decidedAt: Date }
  | { commentId: number; outcome: "conflict" | "invalid" | "not_found"; message: string };

const OUTCOME_OF_CODE = { CONFLICT: "conflict", NOT_FOUND: "not_found" } as const;

/**
 * A selection decided comment by comment: each its own guarded transition and transaction, so one
 * comment another moderator took first costs only that comment, and the report says who took it.
 */
export async function bulkDecide(input: BulkDecideInput, actor: Decider, options: { bulkRunId?: number } = {}): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  for (const item of input.items) {
    const decision = input.action === "HIDE" ? { action: "HIDE" as const, reason: input.reason ?? "OTHER" } : { action: "APPROVE" as const };
    try {
      const result = await decideComment({ ...item, ...decision, note: input.note }, actor, options);
      outcomes.push({ commentId: item.commentId, outcome: "decided", decisionId: result.decisionId, status: result.status, version: result.version, decidedAt: result.decidedAt });
    } catch (error) {
      if (!isAppError(error)) throw error;
      const outcome = error.code === "CONFLICT" || error.code === "NOT_FOUND" ? OUTCOME_OF_CODE[error.code] : "invalid";
      outcomes.push({ commentId: item.commentId, outcome, message: error.message });
    }
  }
  return outcomes;
}
