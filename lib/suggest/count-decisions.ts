import "server-only";
import { db } from "@/lib/db/client";

// Both counts stop at `cap`: callers only need to know whether a threshold is reached, and a
// bounded count stays cheap on a million comments.

/** Comments whose decision in force was made by a person (what training reads), up to cap. */
export async function countHumanDecidedComments(cap: number): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM (
      SELECT 1 FROM comment WHERE status IN ('APPROVED', 'HIDDEN') AND "decidedById" IS NOT NULL LIMIT ${cap}
    ) capped`;
  return row?.count ?? 0;
}

/** Approvals and hides by people since a moment (index decision(createdAt, id)), up to cap. */
export async function countDecisionsSince(since: Date, cap: number): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM (
      SELECT 1 FROM decision
      WHERE "createdAt" > ${since.toISOString()}::timestamp AND "moderatorId" IS NOT NULL AND action IN ('APPROVE', 'HIDE')
      LIMIT ${cap}
    ) capped`;
  return row?.count ?? 0;
}
