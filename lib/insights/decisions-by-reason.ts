import "server-only";
import { db } from "@/lib/db/client";
import type { DateRange } from "./date-range";
import { latestHideReasonJoin, postedIn } from "./range-sql";

export type DecisionReason = "OFF_TOPIC" | "NATIONALIST" | "ABUSIVE" | "SPAM" | "OTHER";

export interface ReasonCount {
  reason: DecisionReason;
  byModerators: number;
  /** Auto-hidden by a rule. */
  byRules: number;
}

export interface DecisionsByReason {
  hidden: ReasonCount[];
  approved: number;
}

interface Row {
  reason: DecisionReason | "APPROVED";
  byModerators: number;
  byRules: number;
}

/**
 * The decisions in force on comments posted in the range: hides by the reason of the latest hide
 * (one backward probe of decision(commentId, createdAt) per hidden comment; ordering by createdAt
 * alone keeps it a plain index scan), and approvals.
 */
export async function getDecisionsByReason(range: DateRange): Promise<DecisionsByReason> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT COALESCE(h.reason::text, 'OTHER') AS reason,
           count(*) FILTER (WHERE c."decidedById" IS NOT NULL)::int AS "byModerators",
           count(*) FILTER (WHERE c."decidedById" IS NULL)::int AS "byRules"
    FROM comment c
    ${latestHideReasonJoin("c")}
    WHERE ${postedIn(range)} AND c.status = 'HIDDEN'
    GROUP BY 1
    UNION ALL
    SELECT 'APPROVED', count(*)::int, 0
    FROM comment c
    WHERE ${postedIn(range)} AND c.status = 'APPROVED'
    ORDER BY 2 DESC, 1`;
  const approved = rows.find((row) => row.reason === "APPROVED");
  return {
    hidden: rows.filter((row): row is ReasonCount => row.reason !== "APPROVED"),
    approved: approved?.byModerators ?? 0,
  };
}
