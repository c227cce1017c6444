import "server-only";
import { db } from "@/lib/db/client";
import { REASONS, type Reason, type TrainingExample } from "./types";

/** Enough recent judgement to learn from, few enough to train in seconds in the background. */
export const MAX_TRAINING_DECISIONS = 10_000;

interface Row {
  body: string;
  status: "APPROVED" | "HIDDEN";
  decidedAt: Date;
  reason: string | null;
}

/**
 * The decision in force on each comment, made by a person: the comment's own status, decidedAt
 * and decidedById are those of its latest decision, so an UNDO'd or reverted-to-pending decision
 * is not in it, and auto-hides (no moderator) are left out: the model learns from people, not
 * from the rules it is meant to complement. The reason is that of the latest hide.
 */
export async function loadTrainingExamples(limit = MAX_TRAINING_DECISIONS): Promise<TrainingExample[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT c.body, c.status::text AS status, c."decidedAt", h.reason::text AS reason
    FROM comment c
    LEFT JOIN LATERAL (
      SELECT d.reason FROM decision d
      WHERE d."commentId" = c.id AND d."toStatus" = 'HIDDEN'
      ORDER BY d."createdAt" DESC, d.id DESC LIMIT 1
    ) h ON c.status = 'HIDDEN'
    WHERE c.status IN ('APPROVED', 'HIDDEN') AND c."decidedById" IS NOT NULL AND c."decidedAt" IS NOT NULL
    ORDER BY c."decidedAt" DESC, c.id DESC
    LIMIT ${limit}`;
  return rows.map((row) => ({
    text: row.body,
    action: row.status === "HIDDEN" ? "HIDE" : "APPROVE",
    reason: row.status === "HIDDEN" ? toReason(row.reason) : null,
    decidedAt: row.decidedAt,
  }));
}

function toReason(value: string | null): Reason {
  return (REASONS as readonly string[]).includes(value ?? "") ? (value as Reason) : "OTHER";
}
